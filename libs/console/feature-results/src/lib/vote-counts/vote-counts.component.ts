import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ContestView } from '@laurel/contracts';
import { VoteCountsStore } from '@laurel/console-data-access-results';
import { AlertComponent, StatusChipComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatDateTime } from '@laurel/console-util';

/**
 * The organizer's live counts of the contest's public vote (shown on the results page of the
 * vote's round): counted, unconfirmed and voided votes per entry, the latest votes with masked
 * addresses, and voiding one with a reason the audit trail keeps.
 */
@Component({
  selector: 'laurel-vote-counts',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    RouterLink,
    AlertComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [VoteCountsStore],
  template: `
    @if (store.counts(); as c) {
      <section class="votes" data-testid="vote-counts">
        <div class="head">
          <h2>{{ 'results.vote.counts.title' | translate }}</h2>
          <laurel-status-chip [tone]="c.open ? 'success' : 'neutral'">{{
            (c.open ? 'results.vote.counts.open' : 'results.vote.counts.closed') | translate
          }}</laurel-status-chip>
          <span class="grow"></span>
          <a mat-button [routerLink]="['/vote', contest().slug]">{{ 'results.vote.counts.ballotLink' | translate }}</a>
          <button mat-stroked-button type="button" (click)="reload()">{{ 'results.vote.counts.refresh' | translate }}</button>
        </div>
        @if (c.settings; as s) {
          <p class="meta">
            {{
              'results.vote.counts.share'
                | translate
                  : {
                      judges: 100 - s.share * 100,
                      public: s.share * 100,
                      scope:
                        ((s.scope === 'category' ? 'results.vote.counts.scopeCategory' : 'results.vote.counts.scopeOverall') | translate),
                    }
            }}
            · {{ 'results.vote.counts.window' | translate: { opens: at(s.opensAt), closes: at(s.closesAt) } }}
          </p>
        }
        <p class="meta" data-testid="vote-totals">{{ 'results.vote.counts.totals' | translate: c.totals }}</p>
        @if (error(); as e) {
          <laurel-alert tone="error" data-testid="vote-void-error">{{ e | uiMessage }}</laurel-alert>
        }
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'results.vote.counts.entry' | translate }}</th>
                <th scope="col" class="num">{{ 'results.vote.counts.votes' | translate }}</th>
                <th scope="col" class="num">{{ 'results.vote.counts.pending' | translate }}</th>
                <th scope="col" class="num">{{ 'results.vote.counts.voidedCol' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of c.entries; track e.entryId) {
                <tr data-testid="vote-count-row">
                  <td>
                    <span class="code">{{ e.code }}</span> {{ e.title }}
                  </td>
                  <td class="num strong">{{ e.votes }}</td>
                  <td class="num">{{ e.pending }}</td>
                  <td class="num">{{ e.voided }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (c.recent.length > 0) {
          <h3>{{ 'results.vote.counts.recent' | translate }}</h3>
          <ul class="recent">
            @for (v of c.recent; track v.id) {
              <li data-testid="vote-recent">
                <span class="who">{{ v.mailbox }}</span>
                <span class="what">{{ titleOf(v.entryId) }}</span>
                <span class="when">{{ at(v.confirmedAt) }}</span>
                @if (v.voidedAt) {
                  <span class="voided">{{ 'results.vote.counts.voidedAt' | translate: { reason: v.voidReason ?? '' } }}</span>
                } @else if (voiding() === v.id) {
                  <span class="void-form">
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label>{{ 'results.vote.counts.voidReason' | translate }}</mat-label>
                      <input matInput [formControl]="reason" data-testid="vote-void-reason" />
                    </mat-form-field>
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="reason.invalid || busy()"
                      (click)="confirmVoid(v.id)"
                      data-testid="vote-void-confirm"
                    >
                      {{ 'results.vote.counts.voidConfirm' | translate }}
                    </button>
                  </span>
                } @else {
                  <button mat-button type="button" (click)="startVoid(v.id)" data-testid="vote-void">
                    {{ 'results.vote.counts.voidAction' | translate }}
                  </button>
                }
              </li>
            }
          </ul>
        }
      </section>
    }
  `,
  styles: `
    .votes {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 20px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .head h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .grow {
      flex: 1;
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .meta {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .strong {
      font-weight: 600;
    }
    .code {
      font-family: ui-monospace, 'Roboto Mono', monospace;
      white-space: nowrap;
    }
    .recent {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .recent li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-surface-container-high);
    }
    .who {
      font-family: ui-monospace, 'Roboto Mono', monospace;
    }
    .when,
    .voided {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .void-form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VoteCountsComponent {
  readonly contest = input.required<ContestView>();

  protected readonly store = inject(VoteCountsStore);
  private readonly i18n = inject(I18nService);
  protected readonly voiding = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] });
  private readonly titles = computed(() => new Map((this.store.counts()?.entries ?? []).map((e) => [e.entryId, e.title])));

  constructor() {
    effect(() => {
      const id = this.contest().id;
      untracked(() => void this.store.load(id));
    });
  }

  protected reload(): void {
    void this.store.load(this.contest().id);
  }

  protected at(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected titleOf(entryId: string): string {
    return this.titles().get(entryId) ?? '';
  }

  protected startVoid(voteId: string): void {
    this.voiding.set(voteId);
    this.reason.reset('');
    this.error.set(null);
  }

  protected async confirmVoid(voteId: string): Promise<void> {
    if (this.reason.invalid || this.busy()) return;
    this.busy.set(true);
    const outcome = await this.store.void(this.contest().id, voteId, this.reason.value.trim());
    this.busy.set(false);
    if (outcome.ok) this.voiding.set(null);
    else this.error.set(outcome.error);
  }
}
