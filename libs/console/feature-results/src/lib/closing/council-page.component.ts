import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CouncilDecisionValue, CouncilTallyView, CouncilView, MyCouncilView } from '@laurel/contracts';
import { AuthStore } from '@laurel/console-data-access-auth';
import { ResultsApi } from '@laurel/console-data-access-results';
import { AlertComponent, EmptyStateComponent, StatusChipComponent } from '@laurel/console-ui';
import {
  type FieldLabels,
  I18nService,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  formatMoney,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { tierKey } from '../shared/format';
import { CouncilTallyComponent } from './council-tally.component';

// The decision's fields by their API names, for a refusal that names them.
const DECISION_LABELS: FieldLabels = { note: 'closing.council.note' };
/**
 * `/council` lists the contests waiting for the caller's vote; `/council/:contestId` shows the
 * confirmed award list and lets a member approve or object, with a note.
 */
@Component({
  selector: 'laurel-council-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    CouncilTallyComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <header class="page-header">
      <h1 data-testid="council-heading">{{ 'closing.council.myTitle' | translate }}</h1>
      <p class="lead">{{ 'closing.council.mySubtitle' | translate }}</p>
    </header>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (error(); as e) {
      <laurel-alert tone="error" data-testid="council-error">{{ e | uiMessage }}</laurel-alert>
    }
    @if (contestId()) {
      @if (view(); as v) {
        <section class="card" data-testid="council-contest">
          <h2>{{ v.contestName }}</h2>
          @if (v.awards.length === 0) {
            <p class="meta">{{ 'closing.council.noAwards' | translate }}</p>
          } @else {
            <h3>{{ 'closing.council.awards' | translate }}</h3>
            <ul class="awards">
              @for (a of v.awards; track a.place) {
                <li data-testid="council-award">
                  <span class="tier">{{ tierKey(a.tier) | translate }}</span>
                  <span>{{ a.code }} · {{ a.title }} · {{ a.teamName }}</span>
                  @if (money(a.prizeAmount, a.currency); as m) {
                    <span class="meta">{{ m }}</span>
                  }
                </li>
              }
            </ul>
          }
          <laurel-council-tally [contestId]="v.contestId" [revision]="revision()" />
          @if (v.isMember && v.awards.length > 0 && !v.publishedAt) {
            <div class="decide">
              @if (myDecision(); as d) {
                <p>
                  <laurel-status-chip [tone]="d === 'approve' ? 'success' : 'warning'" data-testid="council-my-decision">{{
                    'closing.council.yourDecision' | translate: { decision: (decisionKey(d) | translate) }
                  }}</laurel-status-chip>
                </p>
              }
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="note">
                <mat-label>{{ 'closing.council.note' | translate }}</mat-label>
                <textarea matInput [formControl]="note" rows="3" maxlength="2000" data-testid="council-note"></textarea>
                <mat-hint>{{ 'closing.council.noteHint' | translate }}</mat-hint>
              </mat-form-field>
              <div class="actions">
                <button mat-flat-button type="button" [disabled]="busy()" (click)="decide('approve')" data-testid="council-approve">
                  {{ 'closing.council.approve' | translate }}
                </button>
                <button mat-stroked-button type="button" [disabled]="busy()" (click)="decide('object')" data-testid="council-object">
                  {{ 'closing.council.object' | translate }}
                </button>
              </div>
              @if (saved()) {
                <p class="meta" aria-live="polite" data-testid="council-saved">{{ 'closing.council.saved' | translate }}</p>
              }
            </div>
          } @else if (v.publishedAt) {
            <p class="meta">{{ 'closing.council.published' | translate }}</p>
          }
        </section>
      }
    } @else {
      @if (mine(); as list) {
        @if (list.length === 0) {
          <laurel-empty-state [heading]="'closing.council.myEmpty' | translate" [body]="'closing.council.myEmptyHint' | translate" />
        }
        <ul class="list">
          @for (c of list; track c.contestId) {
            <li class="card" data-testid="council-item">
              <h2>{{ c.contestName }}</h2>
              <p class="meta">{{ 'closing.council.tally' | translate: tallyParams(c.tally) }}</p>
              <p class="meta">{{ 'closing.council.yourDecision' | translate: { decision: (decisionKey(c.myDecision) | translate) } }}</p>
              <a mat-stroked-button [routerLink]="['/council', c.contestId]" data-testid="council-open">{{
                'closing.council.open' | translate
              }}</a>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    @use 'page-header';
    @use 'page-frame';

    :host {
      @include page-frame.frame(reading);
    }
    .page-header {
      @include page-header.text;
    }
    @include page-frame.sections;
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      background: var(--mat-sys-surface);
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
    }
    .awards {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
      display: grid;
      gap: 4px;
    }
    .awards li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
    }
    .tier {
      font-weight: 600;
      min-width: 9rem;
    }
    .decide {
      margin-top: 16px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .note {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CouncilPageComponent {
  /** Route parameter: absent on the list. */
  readonly contestId = input<string>();

  private readonly api = inject(ResultsApi);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);
  protected readonly tierKey = tierKey;
  protected readonly view = signal<CouncilView | null>(null);
  protected readonly mine = signal<MyCouncilView[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly revision = signal('0');
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] });
  protected readonly myDecision = computed(() => {
    const v = this.view();
    const me = this.auth.user()?.id;
    return v ? (v.members.find((m) => m.userId === me)?.decision ?? null) : null;
  });

  constructor() {
    effect(() => {
      const id = this.contestId();
      untracked(() => void this.load(id ?? null));
    });
  }

  protected tallyParams(t: CouncilTallyView): Record<string, number> {
    return { members: t.members, approvals: t.approvals, objections: t.objections, required: t.required };
  }

  protected decisionKey(decision: CouncilDecisionValue | null) {
    return decision === 'approve'
      ? 'closing.council.decision.approve'
      : decision === 'object'
        ? 'closing.council.decision.object'
        : 'closing.council.decision.none';
  }

  protected money(amount: number | null, currency: string | null): string | null {
    return formatMoney(amount, currency, this.i18n.locale());
  }

  protected async decide(decision: CouncilDecisionValue): Promise<void> {
    const id = this.contestId();
    if (!id || this.note.invalid) return;
    this.busy.set(true);
    this.saved.set(false);
    this.error.set(null);
    try {
      const note = this.note.value.trim();
      await firstValueFrom(this.api.decide(id, { decision, ...(note ? { note } : {}) }));
      this.saved.set(true);
      await this.load(id);
      this.revision.update((r) => String(Number(r) + 1));
    } catch (error) {
      this.error.set(toUiMessage(error, {}, DECISION_LABELS));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(contestId: string | null): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      if (contestId) {
        this.view.set(await firstValueFrom(this.api.council(contestId)));
      } else {
        this.mine.set(await firstValueFrom(this.api.myCouncil()));
      }
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.loading.set(false);
    }
  }
}
