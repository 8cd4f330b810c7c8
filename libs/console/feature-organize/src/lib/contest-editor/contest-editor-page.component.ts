import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import {
  CATEGORY_CHANGES,
  CONTEST_EDITABLE_FIELDS,
  CONTEST_LANGUAGES,
  type ContestLanguage,
  DEFAULT_CONTEST_TIME_ZONE,
  type ContestView,
  PRIZE_TIERS,
  type PrizeTier,
  type RoundView,
  type UpdateContestRequest,
} from '@laurel/contracts';
import { ContestEditorStore, type WriteOutcome } from '@laurel/console-data-access-organize';
import {
  AlertComponent,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  GroupedNumberInputDirective,
  MarkdownComponent,
  StatusChipComponent,
} from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  contestStatusKey,
  formatDateTime,
  timeZoneLabel,
} from '@laurel/console-util';
import { filter } from 'rxjs';
import { STATUS_TONES } from '../contests-page/contests-page.component';
import { fromLocalInput, toLocalInput } from '../shared/datetime';
import { RoundEditorComponent } from '../round-editor/round-editor.component';
import { ApplicationFormEditorComponent } from '../application-form-editor/application-form-editor.component';
import {
  type LifecycleStage,
  type LifecycleStep,
  type ProblemLine,
  type StageView,
  lifecycleStages,
  lifecycleSteps,
  problemLine,
  readinessLines,
} from './lifecycle';

type DetailField =
  | 'name'
  | 'slug'
  | 'year'
  | 'description'
  | 'submissionOpensAt'
  | 'submissionClosesAt'
  | 'minScoreForPrize'
  | 'noZeroCriterion'
  | 'requirePitchDeck'
  | 'codePrefix'
  | 'language'
  | 'timeZone';

/** The zones this browser knows, for the time zone field's suggestions (the API validates the name). */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_CONTEST_TIME_ZONE];

const tierKey = (tier: PrizeTier): TranslationKey => `organize.tiers.${tier}`;

/** Details, categories, rounds with their rubrics, prizes, and the contest's lifecycle. */
@Component({
  selector: 'laurel-contest-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatIconButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTab,
    MatTabGroup,
    AlertComponent,
    GroupedNumberInputDirective,
    MarkdownComponent,
    StatusChipComponent,
    RoundEditorComponent,
    ApplicationFormEditorComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [ContestEditorStore],
  templateUrl: './contest-editor-page.component.html',
  styleUrl: './contest-editor-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContestEditorPageComponent {
  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(ContestEditorStore);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly tiers = PRIZE_TIERS;
  protected readonly tierKey = tierKey;
  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));
  protected readonly contest = this.store.contest;
  protected readonly status = computed(() => this.contest()?.status ?? 'draft');
  protected readonly statusKey = computed(() => contestStatusKey(this.status()));
  protected readonly tone = computed(() => STATUS_TONES[this.status()]);
  protected readonly steps = computed(() => lifecycleSteps(this.status()));
  protected readonly stages = computed(() => lifecycleStages(this.status()));
  /** What keeps a draft from opening, known before the button is pressed (the API checks the same). */
  protected readonly readiness = computed(() => {
    const contest = this.contest();
    return contest ? readinessLines(contest, new Date()) : [];
  });
  protected readonly closesText = computed(() => {
    const contest = this.contest();
    return contest ? formatDateTime(contest.submissionClosesAt, this.i18n.locale()) : '';
  });
  protected readonly deadlinePassed = computed(() => {
    const contest = this.contest();
    return !!contest && Date.parse(contest.submissionClosesAt) <= Date.now();
  });
  protected readonly categoryChanges = computed(() => CATEGORY_CHANGES[this.status()]);
  protected readonly prizesEditable = computed(() => CONTEST_EDITABLE_FIELDS[this.status()].includes('prizes'));
  protected readonly lockedHint = computed(() => this.i18n.t('organize.common.lockedHint', { status: this.i18n.t(this.statusKey()) }));
  protected readonly categoryLockHint = computed(() => {
    const allowed = this.categoryChanges();
    if (allowed.length === 3) return null;
    if (allowed.length === 0) return this.i18n.t('organize.editor.categories.lockedNone');
    const words = allowed.map((c) =>
      this.i18n.t(
        c === 'add'
          ? 'organize.editor.categories.changeAdd'
          : c === 'rename'
            ? 'organize.editor.categories.changeRename'
            : 'organize.editor.categories.changeRemove',
      ),
    );
    return this.i18n.t('organize.editor.categories.locked', { allowed: this.i18n.formatList(words) });
  });

  protected readonly details = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3), Validators.maxLength(200)] }),
    slug: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/)] }),
    year: new FormControl(2026, { nonNullable: true, validators: [Validators.required, Validators.min(2000), Validators.max(2200)] }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20000)] }),
    submissionOpensAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    submissionClosesAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    minScoreForPrize: new FormControl(0, { nonNullable: true, validators: [Validators.min(0), Validators.max(100)] }),
    noZeroCriterion: new FormControl(false, { nonNullable: true }),
    requirePitchDeck: new FormControl(true, { nonNullable: true }),
    codePrefix: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^[A-Z0-9]{1,8}$/)] }),
    language: new FormControl<ContestLanguage>('vi', { nonNullable: true }),
    timeZone: new FormControl(DEFAULT_CONTEST_TIME_ZONE, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Za-z][A-Za-z0-9_+/-]*$/)],
    }),
  });
  protected readonly timeZones = TIME_ZONES;
  protected readonly languages = CONTEST_LANGUAGES;
  protected readonly languageKey = (language: ContestLanguage): TranslationKey => `language.${language}`;
  /** The public vote; the share is edited as a percentage (p × 100). */
  protected readonly vote = new FormGroup({
    enabled: new FormControl(false, { nonNullable: true }),
    roundId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    opensAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    closesAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    sharePercent: new FormControl(20, { nonNullable: true, validators: [Validators.required, Validators.min(0), Validators.max(50)] }),
    scope: new FormControl<'overall' | 'category'>('overall', { nonNullable: true }),
  });
  protected readonly voteEditable = computed(() => CONTEST_EDITABLE_FIELDS[this.status()].includes('publicVote'));
  protected readonly categories = new FormArray<FormGroup<{ id: FormControl<string | null>; name: FormControl<string> }>>([]);
  protected readonly prizes = new FormArray<
    FormGroup<{
      tier: FormControl<PrizeTier>;
      count: FormControl<number>;
      amount: FormControl<number | null>;
      currency: FormControl<string>;
      categoryId: FormControl<string>;
    }>
  >([]);

  protected readonly description = signal('');
  protected readonly message = signal<{ tone: 'info' | 'error'; text: UiMessage } | null>(null);
  protected readonly problems = signal<ProblemLine[]>([]);
  /** The round open in the round editor: an id, 'new', or none. */
  protected readonly selectedRound = signal<string | null>(null);
  protected readonly roundBeingEdited = computed<RoundView | null>(
    () => this.contest()?.rounds.find((r) => r.id === this.selectedRound()) ?? null,
  );

  private readonly staleBanner = viewChild('staleBanner', { read: ElementRef });

  constructor() {
    // A save refused as stale may happen far down a tab: bring the Reload banner into view.
    effect(() => {
      const banner = this.staleBanner();
      if (banner) (banner.nativeElement as HTMLElement).scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
    // Each answer of the API resets the forms to what is stored.
    effect(() => {
      const contest = this.contest();
      if (contest) untracked(() => this.fill(contest));
    });
    this.details.controls.description.valueChanges.subscribe((text) => this.description.set(text));
  }

  protected reload(): void {
    this.message.set(null);
    this.problems.set([]);
    void this.store.reload();
  }

  protected async saveDetails(): Promise<void> {
    this.details.markAllAsTouched();
    if (this.details.invalid) return;
    const value = this.details.getRawValue();
    const editable = CONTEST_EDITABLE_FIELDS[this.status()];
    const changes: Omit<UpdateContestRequest, 'version'> = {};
    const put = <K extends DetailField>(field: K, v: UpdateContestRequest[K]) => {
      if (editable.includes(field)) (changes as Record<string, unknown>)[field] = v;
    };
    put('name', value.name.trim());
    put('slug', value.slug);
    put('year', value.year);
    put('description', value.description);
    put('submissionOpensAt', fromLocalInput(value.submissionOpensAt) ?? undefined);
    put('submissionClosesAt', fromLocalInput(value.submissionClosesAt) ?? undefined);
    put('minScoreForPrize', value.minScoreForPrize);
    put('noZeroCriterion', value.noZeroCriterion);
    put('requirePitchDeck', value.requirePitchDeck);
    put('codePrefix', value.codePrefix.trim() || null);
    put('language', value.language);
    put('timeZone', value.timeZone.trim());
    this.report(await this.store.update(changes));
  }

  protected async saveVote(): Promise<void> {
    this.vote.markAllAsTouched();
    if (this.vote.invalid) return;
    const v = this.vote.getRawValue();
    const opensAt = fromLocalInput(v.opensAt);
    const closesAt = fromLocalInput(v.closesAt);
    if (!opensAt || !closesAt) return;
    this.report(
      await this.store.update({
        publicVote: {
          enabled: v.enabled,
          roundId: v.roundId,
          opensAt,
          closesAt,
          share: Math.round(Number(v.sharePercent) * 100) / 10_000,
          scope: v.scope,
        },
      }),
    );
  }

  protected addCategory(): void {
    this.categories.push(this.categoryGroup(null, this.i18n.t('organize.editor.categories.new')));
    this.categories.markAsDirty();
  }

  protected removeCategory(index: number): void {
    this.categories.removeAt(index);
    this.categories.markAsDirty();
  }

  protected async saveCategories(): Promise<void> {
    if (this.categories.invalid) return;
    const categories = this.categories.getRawValue().map((c) => (c.id ? { id: c.id, name: c.name.trim() } : { name: c.name.trim() }));
    this.report(await this.store.update({ categories }));
  }

  protected addPrize(): void {
    this.prizes.push(this.prizeGroup({ tier: 'encouragement', count: 1, amount: null, currency: 'VND', categoryId: '' }));
    this.prizes.markAsDirty();
  }

  protected removePrize(index: number): void {
    this.prizes.removeAt(index);
    this.prizes.markAsDirty();
  }

  protected async savePrizes(): Promise<void> {
    if (this.prizes.invalid) return;
    const prizes = this.prizes.getRawValue().map((p) => ({
      tier: p.tier,
      count: p.count,
      ...(p.amount !== null && p.amount !== undefined ? { amount: p.amount, currency: p.currency || 'VND' } : {}),
      ...(p.categoryId ? { categoryId: p.categoryId } : {}),
    }));
    this.report(await this.store.update({ prizes }));
  }

  protected editRound(id: string | null): void {
    this.selectedRound.set(id);
  }

  protected roundDone(outcome: WriteOutcome | 'cancel'): void {
    if (outcome === 'cancel') {
      this.selectedRound.set(null);
      return;
    }
    this.report(outcome);
    if (outcome.ok) this.selectedRound.set(null);
  }

  /** The form editor tells its own outcome in place; a stale contest still shows the page's reload offer. */
  protected formSaved(outcome: WriteOutcome): void {
    if (outcome.ok || outcome.stale) this.message.set(null);
  }

  protected roundStatusKey(round: RoundView): TranslationKey {
    return `organize.editor.rounds.status.${round.status}`;
  }

  protected stepLabel(step: LifecycleStep): TranslationKey {
    return `organize.editor.lifecycle.next.${step.action}`;
  }

  protected stageKey(stage: LifecycleStage): TranslationKey {
    return `organize.editor.lifecycle.stage.${stage}`;
  }

  protected stateKey(state: StageView['state']): TranslationKey {
    return `organize.editor.lifecycle.state.${state}`;
  }

  protected stageNowKey(stage: LifecycleStage): TranslationKey {
    return `organize.editor.lifecycle.now.${stage}`;
  }

  protected stageWhyKey(stage: Exclude<LifecycleStage, 'prepare'>): TranslationKey {
    return `organize.editor.lifecycle.why.${stage}`;
  }

  /** A step whose refusal is already known: opening with readiness problems, reopening after the deadline. */
  protected stepBlocked(step: LifecycleStep): boolean {
    if (step.action === 'open') return this.readiness().length > 0;
    if (step.action === 'reopen') return this.deadlinePassed();
    return false;
  }

  protected confirmStep(step: LifecycleStep): void {
    const contest = this.contest();
    if (!contest) return;
    const action = this.i18n.t(this.stepLabel(step));
    const closes = formatDateTime(contest.submissionClosesAt, this.i18n.locale());
    const data: ConfirmDialogData = {
      title: this.i18n.t('organize.editor.lifecycle.confirmTitle', { action }),
      body: this.i18n.t(`organize.editor.lifecycle.confirm.${step.action}`, { closes, zone: this.zone() }),
      confirm: action,
      cancel: this.i18n.t('organize.common.cancel'),
    };
    this.dialog
      .open(ConfirmDialogComponent, { data, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((yes) => yes === true))
      .subscribe(() => void this.takeStep(step));
  }

  private async takeStep(step: LifecycleStep): Promise<void> {
    this.problems.set([]);
    const outcome = await this.store.changeStatus(step.status);
    if (!outcome.ok && outcome.notReady) {
      this.message.set(null);
      this.problems.set(outcome.notReady.map(problemLine));
      return;
    }
    this.report(outcome);
  }

  private report(outcome: WriteOutcome): void {
    if (outcome.ok) {
      this.message.set({ tone: 'info', text: { key: 'organize.common.saved' } });
      this.problems.set([]);
    } else if (!outcome.stale) {
      this.message.set({ tone: 'error', text: outcome.message });
    } else {
      this.message.set(null);
    }
  }

  private fill(contest: ContestView): void {
    const editable: readonly string[] = CONTEST_EDITABLE_FIELDS[contest.status];
    this.details.reset({
      name: contest.name,
      slug: contest.slug,
      year: contest.year,
      description: contest.description ?? '',
      submissionOpensAt: toLocalInput(contest.submissionOpensAt),
      submissionClosesAt: toLocalInput(contest.submissionClosesAt),
      minScoreForPrize: contest.minScoreForPrize,
      noZeroCriterion: contest.noZeroCriterion,
      requirePitchDeck: contest.requirePitchDeck,
      codePrefix: contest.codePrefix ?? '',
      language: contest.language ?? 'vi',
      timeZone: contest.timeZone ?? DEFAULT_CONTEST_TIME_ZONE,
    });
    this.description.set(contest.description ?? '');
    const vote = contest.publicVote;
    this.vote.reset({
      enabled: vote?.enabled ?? false,
      roundId: vote?.roundId ?? [...contest.rounds].sort((a, b) => b.order - a.order)[0]?.id ?? '',
      opensAt: vote ? toLocalInput(vote.opensAt) : '',
      closesAt: vote ? toLocalInput(vote.closesAt) : '',
      sharePercent: vote ? Math.round(vote.share * 10_000) / 100 : 20,
      scope: vote?.scope ?? 'overall',
    });
    if (editable.includes('publicVote')) this.vote.enable({ emitEvent: false });
    else this.vote.disable({ emitEvent: false });
    for (const [name, control] of Object.entries(this.details.controls)) {
      if (editable.includes(name)) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }

    const changes = CATEGORY_CHANGES[contest.status];
    this.categories.clear();
    for (const c of contest.categories) {
      const group = this.categoryGroup(c.id, c.name);
      if (!changes.includes('rename')) group.disable();
      this.categories.push(group);
    }
    this.categories.markAsPristine();

    this.prizes.clear();
    for (const p of contest.prizes) {
      const group = this.prizeGroup({
        tier: p.tier,
        count: p.count,
        amount: p.amount,
        currency: p.currency ?? 'VND',
        categoryId: p.categoryId ?? '',
      });
      if (!editable.includes('prizes')) group.disable();
      this.prizes.push(group);
    }
    this.prizes.markAsPristine();
  }

  private categoryGroup(id: string | null, name: string) {
    return new FormGroup({
      id: new FormControl<string | null>(id),
      name: new FormControl(name, { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    });
  }

  private prizeGroup(p: { tier: PrizeTier; count: number; amount: number | null; currency: string; categoryId: string }) {
    return new FormGroup({
      tier: new FormControl<PrizeTier>(p.tier, { nonNullable: true }),
      count: new FormControl(p.count, { nonNullable: true, validators: [Validators.required, Validators.min(1), Validators.max(1000)] }),
      amount: new FormControl<number | null>(p.amount, { validators: [Validators.min(0)] }),
      currency: new FormControl(p.currency, { nonNullable: true, validators: [Validators.pattern(/^[A-Z]{3}$/)] }),
      categoryId: new FormControl(p.categoryId, { nonNullable: true }),
    });
  }
}
