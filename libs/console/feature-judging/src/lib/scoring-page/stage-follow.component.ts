import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import { StageStore, formatClock, phaseKey } from '@laurel/console-data-access-pitch';
import { AlertComponent } from '@laurel/console-ui';
import { TranslatePipe, type TranslationKey, type UiMessage, UiMessagePipe } from '@laurel/console-util';

/**
 * The stage of a live round on the judge's scoring page: when a team goes on stage the page
 * moves to its sheet (the judge may go back to an earlier team; the page moves again only when
 * the next team starts), a countdown of the pitch and the questions, and a nudge to submit once
 * the questions are over while the sheet of the team on stage is still open. After a lost
 * connection the first event is the current stage, so a page that missed a start catches up.
 */
@Component({
  selector: 'laurel-stage-follow',
  imports: [MatButton, AlertComponent, TranslatePipe, UiMessagePipe],
  providers: [StageStore],
  template: `
    <div
      class="banner"
      [class.over]="clock()?.phase === 'overtime'"
      role="status"
      data-testid="stage-follow"
      [attr.data-connection]="store.connection()"
    >
      @if (store.error(); as e) {
        <span class="what">{{ e | uiMessage }}</span>
      } @else if (stageName(); as name) {
        <span class="what" data-testid="stage-follow-name">{{ 'pitch.follow.onStage' | translate: { name } }}</span>
        @if (clock(); as c) {
          <span class="clock">
            {{ phaseLabel()! | translate }}
            @if (c.paused) {
              · {{ 'pitch.paused' | translate }}
            }
            <strong data-testid="stage-follow-clock">{{ clockText() }}</strong>
          </span>
        }
        @if (stageAssignment() && stageAssignment() !== assignmentId()) {
          <button mat-flat-button type="button" (click)="goToStage()" data-testid="stage-follow-go">
            {{ 'pitch.follow.goToStage' | translate }}
          </button>
        }
      } @else {
        <span class="what">{{ 'pitch.follow.waiting' | translate }}</span>
      }
      @if (store.connection() === 'reconnecting') {
        <span class="connection">{{ 'pitch.connection.reconnecting' | translate }}</span>
      }
    </div>
    @if (nudge()) {
      <laurel-alert tone="warning" data-testid="stage-follow-nudge">{{ 'pitch.follow.nudge' | translate }}</laurel-alert>
    }
    @if (moved(); as m) {
      <p class="moved" role="status">{{ m | uiMessage }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      position: sticky;
      top: 0;
      z-index: 2;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 16px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .banner.over {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .what {
      flex: 1 1 240px;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .clock strong {
      font-size: 1.4rem;
      font-variant-numeric: tabular-nums;
      margin-left: 6px;
    }
    .connection {
      font-size: 0.85rem;
    }
    .moved {
      margin: 4px 16px 0;
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    button {
      min-height: 40px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageFollowComponent {
  readonly roundId = input.required<string>();
  /** The assignment the page shows. */
  readonly assignmentId = input.required<string>();
  /** The page's sheet can still be submitted. */
  readonly sheetOpen = input(false);

  protected readonly store = inject(StageStore);
  private readonly router = inject(Router);
  protected readonly moved = signal<UiMessage | null>(null);
  /** The last turn this page has seen; undefined before the first event. */
  private seenTurn: string | null | undefined = undefined;

  protected readonly clock = this.store.clock;
  protected readonly stageName = computed(() => {
    const slot = this.store.currentSlot();
    if (!slot) return null;
    return slot.kind === 'entry' ? [slot.code, slot.title].filter(Boolean).join(' · ') : null;
  });
  protected readonly stageAssignment = computed(() => {
    const entryId = this.store.currentEntryId();
    return entryId ? (this.store.assignments()[entryId] ?? null) : null;
  });
  protected readonly clockText = computed(() => {
    const c = this.clock();
    if (!c) return '';
    return c.phase === 'overtime' ? `+${formatClock(c.overtimeMs)}` : formatClock(c.remainingMs);
  });
  protected readonly phaseLabel = computed<TranslationKey | null>(() => {
    const c = this.clock();
    return c ? phaseKey(c.phase) : null;
  });
  protected readonly nudge = computed(
    () =>
      this.clock()?.phase === 'overtime' && this.sheetOpen() && !!this.stageAssignment() && this.stageAssignment() === this.assignmentId(),
  );

  constructor() {
    effect(() => {
      const roundId = this.roundId();
      untracked(() => {
        this.seenTurn = undefined;
        this.store.start(roundId);
      });
    });
    // A new turn on stage moves the page to that team's sheet, once per turn.
    effect(() => {
      const turn = this.store.turnKey();
      const target = this.stageAssignment();
      if (!this.store.view()) return;
      untracked(() => {
        const first = this.seenTurn === undefined;
        if (turn === this.seenTurn) return;
        this.seenTurn = turn;
        if (first || !turn || !target || target === this.assignmentId()) return;
        this.moved.set({ key: 'pitch.follow.moved' });
        void this.router.navigate(['/judging', target]);
      });
    });
  }

  protected goToStage(): void {
    const target = this.stageAssignment();
    if (target) void this.router.navigate(['/judging', target]);
  }
}
