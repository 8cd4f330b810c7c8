import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { ContestView } from '@laurel/contracts';
import { ContestsStore } from '@laurel/console-data-access-contests';
import { EntriesApi, MyEntriesStore } from '@laurel/console-data-access-entries';
import { AlertComponent, EmptyStateComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, apiErrorOf, formatDateTime, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

const isOpen = (contest: ContestView, now: Date) =>
  contest.status === 'open' && now >= new Date(contest.submissionOpensAt) && now < new Date(contest.submissionClosesAt);

/** Starts an entry: the contest and category first; the stepper takes the rest. */
@Component({
  selector: 'laurel-start-entry-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './start-entry-page.component.html',
  styleUrl: './start-entry-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartEntryPageComponent {
  /** `?contest=<slug>` from the contest page. */
  readonly contest = input<string>();

  protected readonly contests = inject(ContestsStore);
  private readonly mine = inject(MyEntriesStore);
  private readonly api = inject(EntriesApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  protected readonly contestId = signal<string | null>(null);
  protected readonly categoryId = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly existingId = signal<string | null>(null);
  protected readonly tried = signal(false);
  // The choices live in signals; the (empty) group only gives the form Angular's submit handling,
  // so Enter calls create() instead of posting the page.
  protected readonly form = new FormGroup({});

  protected readonly open = computed(() => {
    const now = new Date();
    return this.contests.contests().filter((c) => isOpen(c, now));
  });
  protected readonly selected = computed(() => this.open().find((c) => c.id === this.contestId()) ?? null);
  /** The contest of the link, when it does not take entries now. */
  protected readonly closedRequested = computed(() => {
    const slug = this.contest();
    const requested = slug ? this.contests.contests().find((c) => c.slug === slug) : undefined;
    return requested && !this.open().includes(requested) ? requested : null;
  });
  protected readonly deadline = computed(() => {
    const c = this.selected();
    return c ? formatDateTime(c.submissionClosesAt, this.i18n.locale()) : null;
  });

  constructor() {
    void this.contests.load();
    // Preselect the contest of the link, or the only open one.
    effect(() => {
      const open = this.open();
      if (this.contestId()) return;
      const slug = this.contest();
      const chosen = (slug ? open.find((c) => c.slug === slug) : undefined) ?? (open.length === 1 ? open[0] : undefined);
      if (chosen) this.contestId.set(chosen.id);
    });
  }

  protected chooseContest(id: string): void {
    this.contestId.set(id);
    this.categoryId.set(null);
    this.existingId.set(null);
    this.error.set(null);
  }

  protected chooseCategory(id: string): void {
    this.categoryId.set(id);
    this.existingId.set(null);
    this.error.set(null);
  }

  protected async create(): Promise<void> {
    this.tried.set(true);
    const contest = this.selected();
    const categoryId = this.categoryId();
    if (!contest || !categoryId || this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    this.existingId.set(null);
    try {
      const entry = await firstValueFrom(this.api.create(contest.id, { categoryId, members: [] }));
      await this.router.navigate(['/my-entries', entry.id], { replaceUrl: true });
    } catch (error) {
      if (apiErrorOf(error)?.code === 'entry.category_taken') {
        this.error.set({ key: 'submit.start.taken' });
        await this.mine.load();
        this.existingId.set(this.mine.liveIn(contest.id, categoryId)?.id ?? null);
      } else {
        this.error.set(toUiMessage(error));
      }
    } finally {
      this.pending.set(false);
    }
  }
}
