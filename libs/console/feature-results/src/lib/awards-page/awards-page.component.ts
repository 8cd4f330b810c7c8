import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { AwardProposalLineView, ContestView, PrizeSkipReason, PrizeTier, RoundResultEntryView } from '@laurel/contracts';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { AwardsStore } from '@laurel/console-data-access-results';
import {
  AlertComponent,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  EmptyStateComponent,
  StatusChipComponent,
} from '@laurel/console-ui';
import {
  I18nService,
  ScorePipe,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  formatDateTime,
  formatMoney,
} from '@laurel/console-util';
import { ExportButtonsComponent } from '../export-buttons/export-buttons.component';
import { CouncilTallyComponent } from '../closing/council-tally.component';
import { DocumentButtonsComponent } from '../closing/document-buttons.component';
import { tierKey } from '../shared/format';
import { registerResultsIcons } from '../shared/results-icons';
import { type DecisionGroup, type PlaceLine, type PoolPlan, buildAwards, planFromProposal, poolKey } from './award-plan';

const SKIP_REASON_KEYS: Record<PrizeSkipReason, TranslationKey> = {
  below_min_score: 'results.awards.skipped.below_min_score',
  zero_criterion: 'results.awards.skipped.zero_criterion',
  ineligible: 'results.awards.skipped.ineligible',
};

const REASON_MAX = 2000;

type PlaceForm = FormGroup<{ entryId: FormControl<string | null>; reason: FormControl<string> }>;

/** Not blank once trimmed, when the place goes to someone the proposal did not name. */
function reasonWhenChanged(proposed: string | null) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const chosen = (control.parent?.get('entryId')?.value as string | null | undefined) ?? proposed;
    return chosen !== proposed && !control.value?.trim() ? { reasonRequired: true } : null;
  };
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value?.trim() ? null : { reasonRequired: true };
}

/** `/organize/awards?contest=…`: the prize proposal, decisions and overrides, confirmation and publication. */
@Component({
  selector: 'laurel-awards-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    ExportButtonsComponent,
    CouncilTallyComponent,
    DocumentButtonsComponent,
    TranslatePipe,
    UiMessagePipe,
    ScorePipe,
  ],
  providers: [AwardsStore],
  templateUrl: './awards-page.component.html',
  styleUrl: './awards-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AwardsPageComponent {
  /** Query parameter. */
  readonly contest = input<string>();

  protected readonly contests = inject(MyContestsStore);
  protected readonly store = inject(AwardsStore);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly tierKey = tierKey;
  protected readonly skipReasonKey = (reason: PrizeSkipReason): TranslationKey => SKIP_REASON_KEYS[reason];
  protected readonly reasonMax = REASON_MAX;
  protected readonly poolKey = poolKey;

  protected readonly selectedContest = computed<ContestView | undefined>(() => {
    const list = this.contests.contests();
    return (
      this.contests.byId(this.contest() ?? null) ?? (this.contest() ? undefined : (list.find((c) => c.status === 'judging') ?? list[0]))
    );
  });
  private readonly selectedContestId = computed(() => this.selectedContest()?.id ?? null);
  protected readonly categoryNames = computed(() => new Map((this.selectedContest()?.categories ?? []).map((c) => [c.id, c.name])));

  protected readonly plan = computed<PoolPlan[]>(() => {
    const proposal = this.store.proposal();
    return proposal ? planFromProposal(proposal.lines, this.selectedContest()?.prizes ?? []) : [];
  });

  /** The editing state, rebuilt for each proposal. */
  protected form = new FormGroup<Record<string, AbstractControl>>({});
  protected placeForms = new Map<string, PlaceForm>();
  protected decisionControls = new Map<string, FormControl<PrizeTier | 'none' | null>>();
  protected decisionReasons = new Map<string, FormControl<string>>();
  private readonly formVersion = signal(0);
  /** Places whose "choose another entry" editor is open. */
  protected readonly editing = signal<ReadonlySet<string>>(new Set());
  protected readonly submitted = signal(false);
  protected readonly busy = signal<'confirm' | 'publish' | null>(null);
  protected readonly actionError = signal<UiMessage | null>(null);
  /** What the API found wrong with each line of a refused confirmation, listed under `actionError`. */
  protected readonly actionProblems = signal<readonly UiMessage[]>([]);
  protected readonly notice = signal<UiMessage | null>(null);

  protected readonly built = computed(() => {
    this.formVersion();
    const places = new Map(
      [...this.placeForms].map(([key, f]) => [key, { entryId: f.controls.entryId.value, reason: f.controls.reason.value }]),
    );
    const decisions = new Map([...this.decisionControls].flatMap(([id, c]) => (c.value ? [[id, c.value] as const] : [])));
    const reasons = new Map([...this.decisionReasons].map(([key, c]) => [key, c.value]));
    return buildAwards(this.plan(), places, decisions, reasons);
  });
  protected readonly undecided = computed(() => {
    this.formVersion();
    return [...this.decisionControls.values()].filter((c) => !c.value).length;
  });
  protected readonly ranking = computed(() => this.store.ranking()?.entries ?? []);
  private readonly entryById = computed(() => new Map(this.ranking().map((e) => [e.entryId, e])));

  protected readonly confirmedAt = computed(() => {
    const first = this.store.confirmed()?.awards[0];
    return first ? formatDateTime(first.confirmedAt, this.i18n.locale()) : null;
  });
  protected readonly publishedAt = computed(() => {
    const at = this.store.confirmed()?.publishedAt;
    return at ? formatDateTime(at, this.i18n.locale()) : null;
  });

  constructor() {
    registerResultsIcons();
    void this.contests.load();
    effect(() => {
      const id = this.selectedContestId();
      untracked(() => {
        this.notice.set(null);
        this.actionError.set(null);
        this.actionProblems.set([]);
        if (id) void this.store.load(id);
      });
    });
    effect(() => {
      const plan = this.plan();
      untracked(() => this.rebuildForm(plan));
    });
  }

  protected chooseContest(contestId: string): void {
    void this.router.navigate([], { queryParams: { contest: contestId } });
  }

  protected reload(): void {
    const id = this.selectedContestId();
    if (id) void this.store.load(id);
  }

  protected entriesFor(categoryId: string | null): RoundResultEntryView[] {
    return this.ranking().filter((e) => e.score !== null && (categoryId === null || e.categoryId === categoryId));
  }

  protected entry(id: string | null | undefined): RoundResultEntryView | undefined {
    return id ? this.entryById().get(id) : undefined;
  }

  protected chosenEntry(place: PlaceLine): RoundResultEntryView | AwardProposalLineView | undefined {
    const id = this.placeForms.get(place.key)?.controls.entryId.value ?? null;
    return id === (place.line.entryId ?? null) ? (place.line.entryId ? place.line : undefined) : this.entry(id);
  }

  protected isChanged(place: PlaceLine): boolean {
    this.formVersion();
    return (this.placeForms.get(place.key)?.controls.entryId.value ?? null) !== (place.line.entryId ?? null);
  }

  protected toggleEdit(place: PlaceLine): void {
    const open = new Set(this.editing());
    if (open.has(place.key)) {
      open.delete(place.key);
      // Closing the editor goes back to the proposal for this place.
      this.placeForms.get(place.key)?.setValue({ entryId: place.line.entryId ?? null, reason: '' });
    } else open.add(place.key);
    this.editing.set(open);
  }

  protected prize(tier: PoolPlan['tiers'][number]): string | null {
    return formatMoney(tier.amount, tier.currency, this.i18n.locale());
  }

  protected poolTitle(pool: PoolPlan): string {
    return pool.categoryId
      ? this.i18n.t('results.awards.poolCategory', { name: this.categoryNames().get(pool.categoryId) ?? '' })
      : this.i18n.t('results.awards.poolContest');
  }

  protected decisionExplanation(group: DecisionGroup): string {
    return this.i18n.t('results.awards.decisionBody', {
      count: group.lines.length,
      rank: group.rank,
      tier: this.i18n.t(tierKey(group.tier)),
    });
  }

  protected async confirmAwards(): Promise<void> {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    this.actionError.set(null);
    this.actionProblems.set([]);
    const { awards, problems } = this.built();
    if (this.form.invalid || this.undecided() > 0 || problems.duplicates.size > 0 || problems.overfull.size > 0) {
      this.actionError.set({ key: 'results.awards.fixFirst' });
      return;
    }
    this.busy.set('confirm');
    const outcome = await this.store.confirm(awards);
    this.busy.set(null);
    if (outcome.ok) this.notice.set({ key: 'results.awards.confirmedNotice', params: { count: outcome.value.awards.length } });
    else {
      this.actionError.set(outcome.error);
      this.actionProblems.set(outcome.problems ?? []);
    }
  }

  protected publish(): void {
    const contest = this.selectedContest();
    if (!contest) return;
    const data: ConfirmDialogData = {
      title: this.i18n.t('results.publish.title'),
      body: this.i18n.t('results.publish.body', { contest: contest.name, count: this.store.confirmed()?.awards.length ?? 0 }),
      confirm: this.i18n.t('results.publish.confirm'),
      cancel: this.i18n.t('results.common.cancel'),
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((ok) => {
        if (ok) void this.publishConfirmed();
      });
  }

  private async publishConfirmed(): Promise<void> {
    this.busy.set('publish');
    this.actionError.set(null);
    this.actionProblems.set([]);
    const outcome = await this.store.publish();
    this.busy.set(null);
    if (outcome.ok) {
      this.notice.set({ key: 'results.publish.done' });
      void this.contests.load();
    } else this.actionError.set(outcome.error);
  }

  private rebuildForm(plan: readonly PoolPlan[]): void {
    const controls: Record<string, AbstractControl> = {};
    this.placeForms = new Map();
    this.decisionControls = new Map();
    this.decisionReasons = new Map();
    for (const pool of plan) {
      for (const tier of pool.tiers) {
        for (const place of tier.places) {
          const proposed = place.line.entryId ?? null;
          const group: PlaceForm = new FormGroup({
            entryId: new FormControl<string | null>(proposed),
            reason: new FormControl('', { nonNullable: true, validators: [reasonWhenChanged(proposed), Validators.maxLength(REASON_MAX)] }),
          });
          group.controls.entryId.valueChanges
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe(() => group.controls.reason.updateValueAndValidity());
          this.placeForms.set(place.key, group);
          controls[`place-${place.key}`] = group;
        }
        for (const decision of tier.decisions) {
          for (const line of decision.lines) {
            if (!line.entryId) continue;
            const control = new FormControl<PrizeTier | 'none' | null>(null, Validators.required);
            this.decisionControls.set(line.entryId, control);
            controls[`decision-${line.entryId}`] = control;
          }
          const reason = new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(REASON_MAX)] });
          this.decisionReasons.set(decision.key, reason);
          controls[`reason-${decision.key}`] = reason;
        }
      }
    }
    this.form = new FormGroup(controls);
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.formVersion.update((v) => v + 1));
    this.editing.set(new Set());
    this.submitted.set(false);
    this.formVersion.update((v) => v + 1);
  }
}
