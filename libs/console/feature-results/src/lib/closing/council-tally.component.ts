import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { CouncilTallyView, CouncilView } from '@laurel/contracts';
import { ResultsApi } from '@laurel/console-data-access-results';
import { StatusChipComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatDateTime, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

/**
 * Where the council stands on the confirmed awards: the tally against the share it needs and
 * each member's decision with their note. Shown to the organizer on the awards page; reloads
 * whenever `revision` changes (a new confirmation clears the decisions).
 */
@Component({
  selector: 'laurel-council-tally',
  imports: [StatusChipComponent, TranslatePipe, UiMessagePipe],
  template: `
    @if (view(); as v) {
      <section class="council" data-testid="council-tally" [attr.aria-label]="'closing.council.title' | translate">
        <h3>{{ 'closing.council.title' | translate }}</h3>
        <p class="meta">
          {{ (v.named ? 'closing.council.namedMembers' : 'closing.council.defaultMembers') | translate }}
          {{ 'closing.council.share' | translate: { share: share() } }}
        </p>
        @if (v.tally.members === 0) {
          <p class="meta">{{ 'closing.council.noMembers' | translate }}</p>
        } @else {
          <p class="tally" data-testid="council-tally-line">
            <laurel-status-chip [tone]="v.tally.reached ? 'success' : 'warning'">{{
              'closing.council.tally' | translate: tallyParams(v.tally)
            }}</laurel-status-chip>
            <span aria-live="polite">{{
              v.tally.reached
                ? ('closing.council.reached' | translate)
                : ('closing.council.notReached' | translate: { missing: v.tally.required - v.tally.approvals })
            }}</span>
          </p>
          <ul class="members">
            @for (m of v.members; track m.userId) {
              <li data-testid="council-member">
                <span class="name">{{ m.displayName }}</span>
                <span class="decision" [attr.data-decision]="m.decision ?? 'none'">{{ decisionKey(m.decision) | translate }}</span>
                @if (m.decidedAt) {
                  <span class="at">{{ at(m.decidedAt) }}</span>
                }
                @if (m.note) {
                  <span class="note">“{{ m.note }}”</span>
                }
              </li>
            }
          </ul>
        }
      </section>
    } @else if (error(); as e) {
      <p class="error" role="alert">{{ e | uiMessage }}</p>
    }
  `,
  styles: `
    .council {
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin-top: 12px;
      padding-top: 8px;
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .meta {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .tally {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
    }
    /* The tally is longer than a chip usually is: on a phone it wraps rather than leaving the card. */
    .tally laurel-status-chip {
      white-space: normal;
      max-width: 100%;
    }
    .members {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .members li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
    }
    .name {
      font-weight: 500;
      min-width: 12rem;
    }
    .decision[data-decision='approve'] {
      color: var(--mat-sys-primary);
    }
    .decision[data-decision='object'] {
      color: var(--mat-sys-error);
    }
    .at,
    .note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CouncilTallyComponent {
  readonly contestId = input.required<string>();
  /** Anything that changes when the awards change (their confirmation time). */
  readonly revision = input<string | null>(null);

  private readonly api = inject(ResultsApi);
  private readonly i18n = inject(I18nService);
  protected readonly view = signal<CouncilView | null>(null);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly share = computed(() => {
    const v = this.view();
    return v ? new Intl.NumberFormat(this.i18n.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(v.approvalShare) : '';
  });

  constructor() {
    effect(() => {
      const id = this.contestId();
      this.revision();
      untracked(() => void this.load(id));
    });
  }

  protected tallyParams(t: CouncilTallyView): Record<string, number> {
    return { members: t.members, approvals: t.approvals, objections: t.objections, required: t.required };
  }

  protected decisionKey(decision: string | null) {
    return decision === 'approve'
      ? 'closing.council.decision.approve'
      : decision === 'object'
        ? 'closing.council.decision.object'
        : 'closing.council.decision.none';
  }

  protected at(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  private async load(contestId: string): Promise<void> {
    try {
      const view = await firstValueFrom(this.api.council(contestId));
      if (this.contestId() === contestId) this.view.set(view);
    } catch (error) {
      this.error.set(toUiMessage(error));
    }
  }
}
