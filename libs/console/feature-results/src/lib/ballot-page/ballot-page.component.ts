import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { BallotStore } from '@laurel/console-data-access-results';
import { AlertComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatDateTime } from '@laurel/console-util';

/**
 * `/vote/:slug`: the public ballot. Built for a phone first (most voters arrive from a shared
 * link): one column of entries, a sticky bar with the chosen entry and the e-mail field, large
 * touch targets. The vote counts once the link mailed to the voter is opened.
 */
@Component({
  selector: 'laurel-ballot-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatChipListbox,
    MatChipOption,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [BallotStore],
  templateUrl: './ballot-page.component.html',
  styleUrl: './ballot-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BallotPageComponent {
  /** Route parameter. */
  readonly slug = input.required<string>();

  protected readonly store = inject(BallotStore);
  private readonly i18n = inject(I18nService);

  protected readonly chosen = signal<string | null>(null);
  protected readonly category = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly email = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.email, Validators.maxLength(320)],
  });
  protected readonly form = new FormGroup({ email: this.email });

  protected readonly entries = computed(() => {
    const ballot = this.store.ballot();
    const category = this.category();
    return (ballot?.entries ?? []).filter((e) => category === null || e.categoryId === category);
  });
  protected readonly chosenEntry = computed(() => this.store.ballot()?.entries.find((e) => e.entryId === this.chosen()) ?? null);
  protected readonly window = computed(() => {
    const vote = this.store.ballot()?.vote;
    if (!vote) return null;
    const locale = this.i18n.locale();
    return { opensAt: formatDateTime(vote.opensAt, locale), closesAt: formatDateTime(vote.closesAt, locale) };
  });

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => void this.store.load(slug));
    });
  }

  protected categoryName(id: string | null): string {
    return this.store.ballot()?.categories.find((c) => c.id === id)?.name ?? '';
  }

  protected choose(entryId: string): void {
    this.chosen.set(entryId);
    this.error.set(null);
  }

  protected async vote(): Promise<void> {
    const entryId = this.chosen();
    this.email.markAsTouched();
    if (!entryId || this.email.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const email = this.email.value.trim();
    const outcome = await this.store.cast(this.slug(), { entryId, email, language: this.i18n.lang() });
    this.busy.set(false);
    if (outcome.ok) this.sentTo.set(email);
    else this.error.set(outcome.error);
  }

  protected again(): void {
    this.sentTo.set(null);
    this.chosen.set(null);
  }
}
