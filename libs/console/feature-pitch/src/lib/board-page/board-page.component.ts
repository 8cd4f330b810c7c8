import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { RevealTierView } from '@laurel/contracts';
import { StageStore, formatClock, phaseKey } from '@laurel/console-data-access-pitch';
import { TranslatePipe, type TranslationKey, UiMessagePipe } from '@laurel/console-util';

/**
 * `/stage/:roundId`: the projector board of a live round: the team on stage and its clock in
 * large type, which judges have submitted for it (never a score), and, on the organizer's
 * reveal, the award tiers one at a time from encouragement up to first. The server sends only
 * the tiers revealed so far, so nothing on this screen can give the first prize away early.
 */
@Component({
  selector: 'laurel-board-page',
  imports: [MatButton, TranslatePipe, UiMessagePipe],
  providers: [StageStore],
  templateUrl: './board-page.component.html',
  styleUrl: './board-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BoardPageComponent {
  /** Route parameter. */
  readonly roundId = input.required<string>();

  protected readonly store = inject(StageStore);
  private readonly document = inject(DOCUMENT);

  protected readonly view = this.store.organizerView;
  protected readonly current = this.store.currentSlot;
  protected readonly clock = this.store.clock;
  protected readonly upNext = this.store.upNext;
  protected readonly clockText = computed(() => {
    const clock = this.clock();
    if (!clock) return '';
    return clock.phase === 'overtime' ? `+${formatClock(clock.overtimeMs)}` : formatClock(clock.remainingMs);
  });
  protected readonly phaseKey = computed<TranslationKey | null>(() => {
    const clock = this.clock();
    return clock ? phaseKey(clock.phase) : null;
  });
  /** Revealed tiers, the latest first: the newest announcement takes the top of the screen. */
  protected readonly tiers = computed<RevealTierView[]>(() => [...(this.view()?.reveal.tiers ?? [])].reverse());
  protected readonly connectionKey = computed<TranslationKey>(() => `pitch.connection.${this.store.connection()}`);

  constructor() {
    effect(() => {
      const roundId = this.roundId();
      untracked(() => this.store.start(roundId));
    });
  }

  protected tierKey(tier: RevealTierView['tier']): TranslationKey {
    return `results.tiers.${tier}`;
  }

  protected fullscreen(): void {
    const doc = this.document;
    if (doc.fullscreenElement) void doc.exitFullscreen();
    else void doc.documentElement.requestFullscreen?.();
  }
}
