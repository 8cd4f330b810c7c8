import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { RoundView } from '@laurel/contracts';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { PitchApi } from '@laurel/console-data-access-pitch';
import { AlertComponent, EmptyStateComponent, StatusChipComponent } from '@laurel/console-ui';
import { TranslatePipe, type TranslationKey, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

/** `/organize/pitch`: every round of the organizer's contests, which run live, and a way in. */
@Component({
  selector: 'laurel-pitch-rounds-page',
  imports: [MatButton, MatProgressBar, RouterLink, AlertComponent, EmptyStateComponent, StatusChipComponent, TranslatePipe, UiMessagePipe],
  template: `
    <header class="page-header">
      <h1>{{ 'pitch.list.title' | translate }}</h1>
      <p class="lead">{{ 'pitch.list.intro' | translate }}</p>
    </header>
    @if (contests.loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (error(); as e) {
      <laurel-alert tone="error">{{ e | uiMessage }}</laurel-alert>
    }
    @if (contests.loaded() && groups().length === 0) {
      <laurel-empty-state icon="schedule" [heading]="'pitch.list.empty' | translate" />
    }
    @for (group of groups(); track group.id) {
      <section class="contest">
        <h2>{{ group.name }}</h2>
        <ul class="rounds">
          @for (round of group.rounds; track round.id) {
            <li class="round" [attr.data-testid]="'pitch-round-' + round.id">
              <div class="what">
                <span class="name">{{ round.name }}</span>
                <span class="status">{{ 'pitch.list.roundStatus' | translate: { status: (statusKey(round) | translate) } }}</span>
              </div>
              <laurel-status-chip [tone]="round.live.enabled ? 'success' : 'neutral'">
                {{ (round.live.enabled ? 'pitch.list.live' : 'pitch.list.notLive') | translate }}
              </laurel-status-chip>
              <div class="actions">
                @if (round.live.enabled) {
                  <a mat-flat-button [routerLink]="['/organize/pitch', round.id]" data-testid="pitch-open-control">{{
                    'pitch.list.control' | translate
                  }}</a>
                  <a mat-stroked-button [routerLink]="['/stage', round.id]" target="_blank">{{ 'pitch.list.board' | translate }}</a>
                }
                @if (round.status !== 'closed') {
                  <button mat-button type="button" [disabled]="busy()" (click)="toggle(round)" data-testid="pitch-toggle-live">
                    {{ (round.live.enabled ? 'pitch.list.stopLive' : 'pitch.list.runLive') | translate }}
                  </button>
                }
              </div>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    @use 'page-frame';
    @use 'page-header';

    :host {
      @include page-frame.frame(reading);
    }
    .page-header {
      @include page-header.text;
    }
    @include page-frame.sections;
    .rounds {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .round {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .what {
      display: grid;
      flex: 1 1 200px;
    }
    .name {
      font-weight: 600;
    }
    .status {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions a,
    .actions button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PitchRoundsPageComponent {
  protected readonly contests = inject(MyContestsStore);
  private readonly api = inject(PitchApi);
  protected readonly busy = signal(false);
  private readonly actionError = signal<UiMessage | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.contests.error());
  protected readonly groups = computed(() =>
    this.contests
      .contests()
      .filter((c) => c.rounds.length > 0)
      .map((c) => ({ id: c.id, name: c.name, rounds: [...c.rounds].sort((a, b) => a.order - b.order) })),
  );

  constructor() {
    void this.contests.load();
  }

  protected statusKey(round: RoundView): TranslationKey {
    return `results.roundStatus.${round.status}`;
  }

  protected async toggle(round: RoundView): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.api.setLive(round.id, !round.live.enabled));
      await this.contests.load();
    } catch (error) {
      this.actionError.set(toUiMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
