import { CdkDrag, CdkDragHandle, type CdkDragDrop, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { AggregationMethod, ContestView, CreateRoundRequest, PanelMode, RankBy, RoundView } from '@laurel/contracts';
import { known } from '@laurel/domain';
import { ContestEditorStore, type WriteOutcome } from '@laurel/console-data-access-organize';
import { AlertComponent, ConfirmDialogComponent, type ConfirmDialogData } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type TranslationKey } from '@laurel/console-util';
import { filter, firstValueFrom } from 'rxjs';
import { fromLocalInput, toLocalInput, weightShares } from '../shared/datetime';

type CriterionForm = FormGroup<{
  id: FormControl<string | null>;
  name: FormControl<string>;
  description: FormControl<string>;
  weight: FormControl<number>;
  maxScore: FormControl<number>;
}>;

export const AGGREGATION_LABELS: Record<AggregationMethod, TranslationKey> = {
  mean: 'organize.editor.rounds.aggregationMean',
  median: 'organize.editor.rounds.aggregationMedian',
  trimmed_mean: 'organize.editor.rounds.aggregationTrimmed',
  zscore: 'organize.editor.rounds.aggregationZscore',
};

/** One round's settings and its rubric; weights are shown live as shares of their total. */
@Component({
  selector: 'laurel-round-editor',
  imports: [
    ReactiveFormsModule,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
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
    MatSelect,
    AlertComponent,
    TranslatePipe,
  ],
  templateUrl: './round-editor.component.html',
  styleUrl: './round-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoundEditorComponent {
  /** The round to edit; null: a new round. */
  readonly round = input<RoundView | null>(null);
  readonly contest = input.required<ContestView>();
  readonly done = output<WriteOutcome | 'cancel'>();

  private readonly store = inject(ContestEditorStore);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly aggregations = Object.entries(AGGREGATION_LABELS) as [AggregationMethod, TranslationKey][];
  protected readonly saving = this.store.saving;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    order: new FormControl(1, { nonNullable: true, validators: [Validators.required, Validators.min(1), Validators.max(100)] }),
    panel: new FormControl<PanelMode>('assigned', { nonNullable: true }),
    judgesPerEntry: new FormControl(3, { nonNullable: true, validators: [Validators.required, Validators.min(1), Validators.max(50)] }),
    blind: new FormControl(false, { nonNullable: true }),
    aggregation: new FormControl<AggregationMethod>('mean', { nonNullable: true }),
    trim: new FormControl(1, { nonNullable: true, validators: [Validators.min(0), Validators.max(20)] }),
    minSheetsForNormalization: new FormControl(5, { nonNullable: true, validators: [Validators.min(1), Validators.max(1000)] }),
    rankBy: new FormControl<RankBy>('overall', { nonNullable: true }),
    divergenceThreshold: new FormControl<number | null>(null, { validators: [Validators.min(0), Validators.max(100)] }),
    maxExtraJudges: new FormControl(1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(10), Validators.pattern(/^\d+$/)],
    }),
    /** datetime-local, in the browser's time zone; '' : no deadline. */
    scoresDueAt: new FormControl('', { nonNullable: true }),
    reminderHoursBefore: new FormControl(24, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(720), Validators.pattern(/^\d+$/)],
    }),
  });
  protected readonly criteria = new FormArray<CriterionForm>([]);
  /** Priority criteria by name, in tie-break order. */
  protected readonly priority = signal<string[]>([]);
  protected readonly priorityPick = new FormControl('', { nonNullable: true });

  /** Bumped on every rubric change so the computed shares follow the form. */
  private readonly rubricTick = signal(0);
  protected readonly aggregation = signal<AggregationMethod>('mean');
  protected readonly rubricLocked = computed(() => (this.round()?.status ?? 'draft') !== 'draft');
  protected readonly rows = computed(() => {
    this.rubricTick();
    const values = this.criteria.getRawValue();
    const shares = weightShares(values.map((c) => Number(c.weight)));
    // weightShares answers one share per weight, in order.
    return values.map((c, i) => ({ share: formatShare(known(shares[i], 'the share of a criterion'), this.i18n.locale()), name: c.name }));
  });
  protected readonly totalWeight = computed(() => {
    this.rubricTick();
    return this.criteria.getRawValue().reduce((sum, c) => sum + (Number(c.weight) > 0 ? Number(c.weight) : 0), 0);
  });
  /** Weights are shares of their total: a total other than 100 is legal, but rarely what was meant. */
  protected readonly weightsOff = computed(() => {
    // The total first: it reads the rubric tick, so this follows every change of the form array.
    const total = this.totalWeight();
    return this.criteria.length > 0 && !this.rubricLocked() && Math.abs(total - 100) > 1e-9;
  });
  protected readonly totalText = computed(() =>
    new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2 }).format(this.totalWeight()),
  );
  protected readonly sharesText = computed(() =>
    this.i18n.formatList(
      this.rows().map((row) => `${row.name.trim() || '…'} ${this.i18n.t('organize.editor.rubric.share', { share: row.share })}`),
    ),
  );
  protected readonly priorityChoices = computed(() => {
    this.rubricTick();
    const chosen = this.priority();
    return this.criteria
      .getRawValue()
      .map((c) => c.name.trim())
      .filter((name) => name && !chosen.includes(name));
  });
  protected readonly invalidRubric = signal(false);

  constructor() {
    effect(() => {
      const round = this.round();
      const contest = this.contest();
      untracked(() => this.fill(round, contest));
    });
    this.criteria.valueChanges.subscribe(() => this.rubricTick.update((n) => n + 1));
    this.form.controls.aggregation.valueChanges.subscribe((a) => this.aggregation.set(a));
  }

  protected addCriterion(): void {
    this.criteria.push(this.criterionGroup({ id: null, name: '', description: '', weight: 10, maxScore: 10 }));
    this.rubricTick.update((n) => n + 1);
  }

  protected removeCriterion(index: number): void {
    const name = this.criteria.at(index).controls.name.value.trim();
    this.criteria.removeAt(index);
    this.priority.update((list) => list.filter((n) => n !== name));
  }

  protected move(from: number, to: number): void {
    if (to < 0 || to >= this.criteria.length || from === to) return;
    const control = this.criteria.at(from);
    this.criteria.removeAt(from, { emitEvent: false });
    this.criteria.insert(to, control);
  }

  protected dropped(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  protected addPriority(): void {
    const name = this.priorityPick.value;
    if (!name) return;
    this.priority.update((list) => [...list, name]);
    this.priorityPick.setValue('');
  }

  protected movePriority(index: number, delta: number): void {
    this.priority.update((list) => {
      const next = [...list];
      const to = index + delta;
      const moved = next[index];
      const other = next[to];
      if (moved === undefined || other === undefined) return list;
      next[index] = other;
      next[to] = moved;
      return next;
    });
  }

  protected removePriority(index: number): void {
    this.priority.update((list) => list.filter((_, i) => i !== index));
  }

  protected cancel(): void {
    this.done.emit('cancel');
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    this.criteria.markAllAsTouched();
    this.invalidRubric.set(this.criteria.invalid);
    if (this.form.invalid || this.criteria.invalid) return;
    if (this.weightsOff() && !(await this.confirmWeights())) return;
    const v = this.form.getRawValue();
    const names = this.criteria.getRawValue().map((c) => c.name.trim());
    const body: CreateRoundRequest = {
      name: v.name.trim(),
      order: v.order,
      panel: v.panel,
      judgesPerEntry: v.judgesPerEntry,
      blind: v.blind,
      aggregation: v.aggregation,
      rankBy: v.rankBy,
      priorityCriteria: this.priority().filter((name) => names.includes(name)),
      ...(v.aggregation === 'trimmed_mean' ? { trim: v.trim } : {}),
      ...(v.aggregation === 'zscore' ? { minSheetsForNormalization: v.minSheetsForNormalization } : {}),
      // An emptied field reads as null or '': both switch divergence review off.
      divergenceThreshold: v.divergenceThreshold === null || String(v.divergenceThreshold) === '' ? null : Number(v.divergenceThreshold),
      maxExtraJudges: Number(v.maxExtraJudges),
      reminderHoursBefore: Number(v.reminderHoursBefore),
    } as CreateRoundRequest;
    const round = this.round();
    // The input keeps minutes only: an untouched deadline is left out rather than sent rounded.
    if (!round || v.scoresDueAt !== (round.scoresDueAt ? toLocalInput(round.scoresDueAt) : ''))
      body.scoresDueAt = fromLocalInput(v.scoresDueAt);
    if (!this.rubricLocked()) {
      body.criteria = this.criteria.getRawValue().map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        name: c.name.trim(),
        description: c.description.trim() || null,
        weight: Number(c.weight),
        maxScore: Number(c.maxScore),
      }));
    }
    const outcome = round
      ? await this.store.updateRound(round.id, body)
      : await this.store.createRound({ ...body, criteria: body.criteria ?? [] });
    this.done.emit(outcome);
  }

  private confirmWeights(): Promise<boolean> {
    const data: ConfirmDialogData = {
      title: this.i18n.t('organize.editor.rubric.weightsConfirmTitle', { total: this.totalText() }),
      body: this.i18n.t('organize.editor.rubric.weightsConfirmBody', { shares: this.sharesText() }),
      confirm: this.i18n.t('organize.editor.rubric.weightsConfirm'),
      cancel: this.i18n.t('organize.common.cancel'),
    };
    return firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data, width: '520px', maxWidth: '95vw' }).afterClosed()).then(
      (yes) => yes === true,
    );
  }

  protected remove(): void {
    const round = this.round();
    if (!round) return;
    const data: ConfirmDialogData = {
      title: this.i18n.t('organize.editor.rounds.delete'),
      body: this.i18n.t('organize.editor.rounds.deleteConfirm', { name: round.name }),
      confirm: this.i18n.t('organize.editor.rounds.delete'),
      cancel: this.i18n.t('organize.common.cancel'),
    };
    this.dialog
      .open(ConfirmDialogComponent, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((yes) => yes === true))
      .subscribe(() => void this.deleteRound(round.id));
  }

  private async deleteRound(roundId: string): Promise<void> {
    const outcome = await this.store.deleteRound(roundId);
    this.done.emit(outcome);
    if (outcome.ok) this.done.emit('cancel');
  }

  private fill(round: RoundView | null, contest: ContestView): void {
    const nextOrder = Math.max(0, ...contest.rounds.map((r) => r.order)) + 1;
    this.form.reset({
      name: round?.name ?? this.i18n.t('organize.editor.rounds.newName', { n: nextOrder }),
      order: round?.order ?? nextOrder,
      panel: round?.panel ?? 'assigned',
      judgesPerEntry: round?.judgesPerEntry ?? 3,
      blind: round?.blind ?? false,
      aggregation: round?.aggregation ?? 'mean',
      trim: round?.trim ?? 1,
      minSheetsForNormalization: round?.minSheetsForNormalization ?? 5,
      rankBy: round?.rankBy ?? 'overall',
      divergenceThreshold: round?.divergenceThreshold ?? null,
      maxExtraJudges: round?.maxExtraJudges ?? 1,
      scoresDueAt: round?.scoresDueAt ? toLocalInput(round.scoresDueAt) : '',
      reminderHoursBefore: round?.reminderHoursBefore ?? 24,
    });
    this.aggregation.set(round?.aggregation ?? 'mean');
    this.criteria.clear({ emitEvent: false });
    for (const c of [...(round?.criteria ?? [])].sort((a, b) => a.order - b.order)) {
      const group = this.criterionGroup({
        id: c.id,
        name: c.name,
        description: c.description ?? '',
        weight: c.weight,
        maxScore: c.maxScore,
      });
      this.criteria.push(group, { emitEvent: false });
    }
    if (round && round.status !== 'draft') this.criteria.disable({ emitEvent: false });
    // The view gives priority criteria as ids; the request takes names.
    this.priority.set(
      (round?.priorityCriteria ?? []).map((id) => round?.criteria.find((c) => c.id === id)?.name).filter((n): n is string => !!n),
    );
    this.rubricTick.update((n) => n + 1);
  }

  private criterionGroup(c: { id: string | null; name: string; description: string; weight: number; maxScore: number }): CriterionForm {
    return new FormGroup({
      id: new FormControl<string | null>(c.id),
      name: new FormControl(c.name, { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
      description: new FormControl(c.description, { nonNullable: true, validators: [Validators.maxLength(4000)] }),
      weight: new FormControl(c.weight, {
        nonNullable: true,
        validators: [Validators.required, Validators.min(0.01), Validators.max(10000)],
      }),
      maxScore: new FormControl(c.maxScore, {
        nonNullable: true,
        validators: [Validators.required, Validators.min(0.01), Validators.max(10000)],
      }),
    });
  }
}

/** 25 → "25", 16.666… → "16,7" (vi) or "16.7" (en). */
function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(share);
}
