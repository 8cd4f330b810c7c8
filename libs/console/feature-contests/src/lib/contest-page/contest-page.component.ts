import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ContestView, PrizeTier } from '@laurel/contracts';
import { AUTH_PATHS, AuthStore } from '@laurel/console-data-access-auth';
import { EntriesApi } from '@laurel/console-data-access-entries';
import { AlertComponent, MarkdownComponent, StatusChipComponent } from '@laurel/console-ui';
import {
  I18nService,
  QuantityPipe,
  type TranslationKey,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  contestStatusKey,
  formatDateTime,
  timeZoneLabel,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { CONTEST_TONES } from '../contest-card/contest-card';
import { countdownParts, firstRoundRubric, prizeLines, windowOverKey, windowPhase } from './contest-view';

/** A contest's public page: rules, categories, rubric, prizes, the window and how to enter. */
@Component({
  selector: 'laurel-contest-page',
  imports: [
    MatButton,
    MatIcon,
    MatProgressBar,
    RouterLink,
    AlertComponent,
    StatusChipComponent,
    MarkdownComponent,
    QuantityPipe,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './contest-page.component.html',
  styleUrl: './contest-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContestPageComponent {
  /** From the route. */
  readonly slug = input.required<string>();

  private readonly api = inject(EntriesApi);
  private readonly i18n = inject(I18nService);
  protected readonly auth = inject(AuthStore);

  protected readonly contest = signal<ContestView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  private readonly now = signal(new Date());

  protected readonly statusKey = computed(() => {
    const c = this.contest();
    return c ? contestStatusKey(c.status) : null;
  });
  protected readonly tone = computed(() => CONTEST_TONES[this.contest()?.status ?? 'draft']);
  protected readonly rubric = computed(() => {
    const c = this.contest();
    return c ? firstRoundRubric(c) : null;
  });
  protected readonly prizes = computed(() => {
    const c = this.contest();
    return c ? prizeLines(c, this.i18n.locale()) : [];
  });
  protected readonly dates = computed(() => {
    const c = this.contest();
    const locale = this.i18n.locale();
    return c ? { opens: formatDateTime(c.submissionOpensAt, locale), closes: formatDateTime(c.submissionClosesAt, locale) } : null;
  });
  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));
  protected readonly phase = computed(() => {
    const c = this.contest();
    return c ? windowPhase(c, this.now()) : 'after';
  });
  protected readonly overKey = computed(() => {
    const c = this.contest();
    return c ? windowOverKey(c, this.now()) : 'submit.contest.windowOver';
  });
  protected readonly countdown = computed(() => {
    const c = this.contest();
    if (!c) return null;
    const phase = this.phase();
    if (phase === 'after') return null;
    const target = new Date(phase === 'before' ? c.submissionOpensAt : c.submissionClosesAt);
    return {
      labelKey: phase === 'before' ? ('submit.contest.opensIn' as const) : ('submit.contest.closesIn' as const),
      parts: countdownParts(target, this.now()),
    };
  });
  protected readonly isApplicant = computed(() => this.auth.roles().includes('applicant'));
  /** Where an applicant starts; a visitor signs up (or in) first and comes back to it. */
  protected readonly startUrl = computed(() => `/my-entries/new?contest=${encodeURIComponent(this.slug())}`);
  protected readonly signUpPath = AUTH_PATHS.signUp;
  protected readonly signInPath = AUTH_PATHS.signIn;
  protected readonly tierKey = (tier: PrizeTier): TranslationKey => `submit.tiers.${tier}`;
  protected readonly percent = (share: number) =>
    new Intl.NumberFormat(this.i18n.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);

  constructor() {
    effect(() => void this.load(this.slug()));
    const timer = setInterval(() => this.now.set(new Date()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected retry(): void {
    void this.load(this.slug());
  }

  private async load(slug: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.contest.set(await firstValueFrom(this.api.contest(slug)));
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.loading.set(false);
    }
  }
}
