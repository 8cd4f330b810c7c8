import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList, moveItemInArray } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { RunSheetSlotInput, StageActionType } from '@laurel/contracts';
import { StageStore, type StageSlot, formatClock, phaseKey } from '@laurel/console-data-access-pitch';
import { AlertComponent, StatusChipComponent, registerLaurelIcons } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type TranslationKey, type UiMessage, UiMessagePipe } from '@laurel/console-util';

/** A slot of the run sheet as edited on this page: minutes, not seconds. */
interface DraftSlot {
  id: string;
  kind: 'entry' | 'break';
  entryId: string | null;
  name: string;
  detail: string;
  pitchMinutes: number;
  qaMinutes: number;
  breakMinutes: number;
  label: string;
  outcome: StageSlot['outcome'];
}

const EXTEND_SECONDS = 60;

/**
 * `/organize/pitch/:roundId`: the organizer's stage control, made for a tablet: the team on
 * stage with its clock and the buttons that move the stage, who of the judges has submitted for
 * it, the reveal, and the run sheet (drag or ↑ ↓ to reorder, minutes, breaks, a new draw before
 * the start). Every button sends the version on screen, so a second organizer pressing at the
 * same moment is told the stage moved on rather than moving it twice.
 */
@Component({
  selector: 'laurel-control-page',
  imports: [
    CdkDrag,
    CdkDragHandle,
    CdkDropList,
    MatButton,
    MatIconButton,
    MatProgressBar,
    MatTooltip,
    RouterLink,
    AlertComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [StageStore],
  templateUrl: './control-page.component.html',
  styleUrl: './control-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ControlPageComponent {
  /** Route parameter. */
  readonly roundId = input.required<string>();

  protected readonly store = inject(StageStore);
  private readonly i18n = inject(I18nService);

  protected readonly message = signal<UiMessage | null>(null);
  protected readonly notice = signal<UiMessage | null>(null);
  protected readonly seed = signal('');
  /** The run sheet being edited; null: the one on the server, untouched. */
  private readonly draft = signal<DraftSlot[] | null>(null);
  private breakCounter = 0;

  protected readonly view = this.store.organizerView;
  protected readonly slots = computed<DraftSlot[]>(() => this.draft() ?? (this.view()?.slots ?? []).map((s) => this.toDraft(s)));
  protected readonly dirty = computed(() => this.draft() !== null);
  protected readonly started = computed(() => this.view()?.startedAt != null);
  protected readonly editable = computed(() => this.view()?.roundStatus !== 'closed');
  protected readonly current = this.store.currentSlot;
  protected readonly clock = this.store.clock;
  protected readonly clockText = computed(() => {
    const clock = this.clock();
    if (!clock) return '';
    return clock.phase === 'overtime' ? `+${formatClock(clock.overtimeMs)}` : formatClock(clock.remainingMs);
  });
  protected readonly phaseKey = computed<TranslationKey | null>(() => {
    const clock = this.clock();
    return clock ? phaseKey(clock.phase) : null;
  });
  protected readonly judges = computed(() => this.view()?.judges ?? []);
  protected readonly submittedCount = computed(() => this.judges().filter((j) => j.submitted).length);
  protected readonly scoringCount = computed(() => this.judges().filter((j) => !j.excused).length);
  protected readonly upNext = this.store.upNext;
  protected readonly connectionKey = computed<TranslationKey>(() => `pitch.connection.${this.store.connection()}`);

  constructor() {
    registerLaurelIcons();
    effect(() => {
      const roundId = this.roundId();
      untracked(() => this.store.start(roundId));
    });
  }

  protected nameOf(slot: StageSlot | null): string {
    if (!slot) return '';
    if (slot.kind === 'break') return slot.label ?? this.i18n.t('pitch.control.breakSlot');
    return [slot.code, slot.title].filter(Boolean).join(' · ');
  }

  protected async act(action: StageActionType, extra: { slotId?: string; seconds?: number } = {}): Promise<void> {
    this.message.set(null);
    this.notice.set(null);
    this.message.set(await this.store.act(action, extra));
  }

  protected extend(): Promise<void> {
    return this.act('extend', { seconds: EXTEND_SECONDS });
  }

  protected async draw(): Promise<void> {
    this.message.set(null);
    const error = await this.store.draw(this.seed().trim() || undefined);
    this.message.set(error);
    if (!error) {
      this.draft.set(null);
      this.notice.set({ key: 'pitch.control.saved' });
    }
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    this.message.set(null);
    const slots = draft.map((s): RunSheetSlotInput =>
      s.kind === 'entry'
        ? {
            id: s.id,
            kind: 'entry',
            entryId: s.entryId as string,
            pitchSeconds: Math.round(s.pitchMinutes * 60),
            qaSeconds: Math.round(s.qaMinutes * 60),
          }
        : { id: s.id, kind: 'break', seconds: Math.round(s.breakMinutes * 60), label: s.label.trim() || null },
    );
    const error = await this.store.saveRunSheet(slots);
    this.message.set(error);
    if (!error) {
      this.draft.set(null);
      this.notice.set({ key: 'pitch.control.saved' });
    }
  }

  protected discard(): void {
    this.draft.set(null);
  }

  protected drop(event: CdkDragDrop<DraftSlot[]>): void {
    this.edit((slots) => moveItemInArray(slots, event.previousIndex, event.currentIndex));
  }

  protected move(index: number, by: -1 | 1): void {
    const target = index + by;
    if (target < 0 || target >= this.slots().length) return;
    this.edit((slots) => moveItemInArray(slots, index, target));
  }

  protected addBreak(): void {
    this.edit((slots) =>
      slots.push({
        id: `break:${Date.now().toString(36)}${(this.breakCounter++).toString(36)}`,
        kind: 'break',
        entryId: null,
        name: '',
        detail: '',
        pitchMinutes: 0,
        qaMinutes: 0,
        breakMinutes: 10,
        label: this.i18n.t('pitch.control.breakDefault'),
        outcome: null,
      }),
    );
  }

  protected removeBreak(index: number): void {
    this.edit((slots) => slots.splice(index, 1));
  }

  protected setNumber(index: number, field: 'pitchMinutes' | 'qaMinutes' | 'breakMinutes', event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (!Number.isFinite(value)) return;
    this.edit((slots) => updateSlot(slots, index, { [field]: value }));
  }

  protected setLabel(index: number, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.edit((slots) => updateSlot(slots, index, { label: value }));
  }

  protected setSeed(event: Event): void {
    this.seed.set((event.target as HTMLInputElement).value);
  }

  protected outcomeKey(slot: DraftSlot): TranslationKey | null {
    if (this.view()?.current?.slotId === slot.id) return 'pitch.control.outcome.current';
    return slot.outcome ? `pitch.control.outcome.${slot.outcome}` : null;
  }

  protected isCurrent(slot: DraftSlot): boolean {
    return this.view()?.current?.slotId === slot.id;
  }

  private edit(change: (slots: DraftSlot[]) => unknown): void {
    const slots = [...this.slots()];
    change(slots);
    this.draft.set(slots);
    this.notice.set({ key: 'pitch.control.unsaved' });
  }

  private toDraft(slot: StageSlot): DraftSlot {
    if (slot.kind === 'break') {
      return {
        id: slot.id,
        kind: 'break',
        entryId: null,
        name: '',
        detail: '',
        pitchMinutes: 0,
        qaMinutes: 0,
        breakMinutes: slot.seconds / 60,
        label: slot.label ?? '',
        outcome: slot.outcome,
      };
    }
    return {
      id: slot.id,
      kind: 'entry',
      entryId: slot.entryId,
      name: [slot.code, slot.title].filter(Boolean).join(' · '),
      detail: slot.teamName ?? '',
      pitchMinutes: slot.pitchSeconds / 60,
      qaMinutes: slot.qaSeconds / 60,
      breakMinutes: 0,
      label: '',
      outcome: slot.outcome,
    };
  }
}

/** Changes fields of the slot at `index`; an index no slot has (the list changed meanwhile) changes nothing. */
function updateSlot(slots: DraftSlot[], index: number, fields: Partial<DraftSlot>): void {
  const slot = slots[index];
  if (slot !== undefined) slots[index] = { ...slot, ...fields };
}
