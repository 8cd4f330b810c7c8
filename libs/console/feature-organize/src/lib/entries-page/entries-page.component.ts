import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { Router } from '@angular/router';
import {
  type ApiFieldProblem,
  ELIGIBILITIES,
  type Eligibility,
  type EntryListItemView,
  ENTRY_STATUSES,
  type EntrySortKey,
  type EntryStatus,
} from '@laurel/contracts';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { type EntryQuery, OrganizeApi } from '@laurel/console-data-access-organize';
import { AlertComponent, EmptyStateComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  apiErrorOf,
  fieldProblemMessage,
  fileNameOf,
  formatDateTime,
  readBlobError,
  saveBlob,
  toUiMessage,
} from '@laurel/console-util';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';

const COLUMNS = ['code', 'title', 'teamName', 'category', 'status', 'eligibility', 'submittedAt'] as const;
export const statusKey = (s: EntryStatus): TranslationKey => `organize.entries.statuses.${s}`;
export const eligibilityKey = (e: Eligibility): TranslationKey => `organize.entries.eligibilities.${e}`;
export const ELIGIBILITY_TONES: Record<Eligibility, StatusTone> = { pending: 'neutral', eligible: 'success', ineligible: 'warning' };
const STATUS_TONES: Record<EntryStatus, StatusTone> = { draft: 'neutral', submitted: 'info', withdrawn: 'warning' };

/** Screening: the entries of one contest, paged, sorted and filtered by the API; import and export. */
@Component({
  selector: 'laurel-entries-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatPrefix,
    MatPaginator,
    MatProgressBar,
    MatOption,
    MatSelect,
    MatSort,
    MatSortHeader,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './entries-page.component.html',
  styleUrl: './entries-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntriesPageComponent {
  /** `?contest=` */
  readonly contest = input<string>();

  protected readonly contests = inject(MyContestsStore);
  private readonly api = inject(OrganizeApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  protected readonly columns = COLUMNS;
  protected readonly statuses = ENTRY_STATUSES;
  protected readonly eligibilities = ELIGIBILITIES;
  protected readonly statusKey = statusKey;
  protected readonly eligibilityKey = eligibilityKey;
  protected readonly statusTone = (s: EntryStatus) => STATUS_TONES[s];
  protected readonly eligibilityTone = (e: Eligibility) => ELIGIBILITY_TONES[e];

  protected readonly contestId = computed(() => this.contest() ?? this.contests.contests()[0]?.id ?? null);
  protected readonly current = computed(() => this.contests.contests().find((c) => c.id === this.contestId()) ?? null);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly query = signal<EntryQuery>({
    page: 1,
    pageSize: 20,
    sort: 'submittedAt',
    order: 'desc',
    status: '',
    eligibility: '',
    categoryId: '',
    q: '',
  });
  protected readonly items = signal<EntryListItemView[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.status || q.eligibility || q.categoryId || q.q);
  });

  protected readonly download = signal<{ kind: 'export' | 'template'; percent: number | null } | null>(null);
  protected readonly importing = signal(false);
  protected readonly importNote = signal<{ tone: 'info' | 'error'; text: UiMessage; rows?: ImportProblemLine[] } | null>(null);

  private requestSeq = 0;

  constructor() {
    void this.contests.load();
    this.search.valueChanges.pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed()).subscribe((q) => {
      this.query.update((s) => ({ ...s, q: q.trim(), page: 1 }));
    });
    // The contest shown is always in the URL, so a reload or a shared link shows the same list.
    effect(() => {
      const fallback = this.contests.contests()[0]?.id;
      if (!this.contest() && fallback) untracked(() => this.chooseContest(fallback));
    });
    effect(() => {
      const id = this.contestId();
      const query = this.query();
      if (id) untracked(() => void this.fetch(id, query));
    });
  }

  protected chooseContest(id: string): void {
    this.query.update((s) => ({ ...s, categoryId: '', page: 1 }));
    void this.router.navigate([], { queryParams: { contest: id }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected setFilter(name: 'status' | 'eligibility' | 'categoryId', value: string): void {
    this.query.update((s) => ({ ...s, [name]: value, page: 1 }));
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.query.update((s) => ({ ...s, status: '', eligibility: '', categoryId: '', q: '', page: 1 }));
  }

  protected paged(event: PageEvent): void {
    this.query.update((s) => ({ ...s, page: event.pageIndex + 1, pageSize: event.pageSize }));
  }

  protected sorted(sort: Sort): void {
    const key = (sort.active === 'category' ? undefined : sort.active) as EntrySortKey | undefined;
    this.query.update((s) => ({ ...s, sort: sort.direction ? key : undefined, order: sort.direction || undefined, page: 1 }));
  }

  protected passedCount(row: EntryListItemView): number {
    return (row.eligibilityChecks ?? []).filter((c) => c.passed).length;
  }

  /** The rules the entry does not meet, in the reader's language (the cell's tooltip). */
  protected failedRules(row: EntryListItemView): string {
    const lang = this.i18n.lang();
    return (row.eligibilityChecks ?? [])
      .filter((c) => !c.passed)
      .map((c) => c.message[lang])
      .join('; ');
  }

  protected open(row: EntryListItemView): void {
    void this.router.navigate(['/organize/entries', row.id], { queryParams: { contest: this.contestId() } });
  }

  protected submittedAt(iso: string | null): string {
    return iso ? formatDateTime(iso, this.i18n.locale()) : '—';
  }

  protected retry(): void {
    const id = this.contestId();
    if (id) void this.fetch(id, this.query());
  }

  protected async downloadFile(kind: 'export' | 'template'): Promise<void> {
    const id = this.contestId();
    if (!id || this.download()) return;
    const q = this.query();
    const path = kind === 'export' ? `/contests/${id}/entries.xlsx` : `/contests/${id}/entries/import-template.xlsx`;
    const params = kind === 'export' ? { status: q.status, categoryId: q.categoryId, eligibility: q.eligibility, q: q.q } : undefined;
    this.download.set({ kind, percent: null });
    this.importNote.set(null);
    this.api.download(path, params).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.DownloadProgress) {
          this.download.set({ kind, percent: event.total ? Math.round((100 * event.loaded) / event.total) : null });
        } else if (event.type === HttpEventType.Response && event.body) {
          const fallback = kind === 'export' ? 'entries.xlsx' : 'entries-import-template.xlsx';
          saveBlob(event.body, fileNameOf(event.headers.get('Content-Disposition'), fallback));
          this.download.set(null);
        }
      },
      error: (error: unknown) => {
        this.download.set(null);
        void readBlobError(error).then((read) => this.importNote.set({ tone: 'error', text: toUiMessage(read) }));
      },
    });
  }

  protected async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const id = this.contestId();
    input.value = '';
    if (!file || !id) return;
    this.importing.set(true);
    this.importNote.set(null);
    try {
      const result = await firstValueFrom(this.api.importEntries(id, file));
      this.importNote.set({ tone: 'info', text: { key: 'organize.entries.imported', params: { count: result.imported } } });
      this.retry();
    } catch (error) {
      const api = apiErrorOf(error);
      if (api?.code === 'import.invalid_rows') {
        this.importNote.set({
          tone: 'error',
          text: { key: 'organize.entries.importFailed' },
          rows: (api.fields ?? []).map(importProblemLine),
        });
      } else {
        this.importNote.set({ tone: 'error', text: toUiMessage(error) });
      }
    } finally {
      this.importing.set(false);
    }
  }

  private async fetch(contestId: string, query: EntryQuery): Promise<void> {
    const seq = ++this.requestSeq;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(this.api.entries(contestId, query));
      if (seq !== this.requestSeq) return;
      this.items.set(page.items);
      this.total.set(page.total);
      this.loaded.set(true);
    } catch (error) {
      if (seq === this.requestSeq) this.error.set(toUiMessage(error));
    } finally {
      if (seq === this.requestSeq) this.loading.set(false);
    }
  }
}

/** A row of the import's problem table: where in the workbook (row and column, as the template names it) and what. */
interface ImportProblemLine {
  at: UiMessage;
  problem: UiMessage;
}

function importProblemLine(problem: ApiFieldProblem): ImportProblemLine {
  const row = problem.params?.['row'];
  const column = problem.params?.['column'];
  const at: UiMessage =
    row !== undefined && column !== undefined
      ? { key: 'organize.entries.importAt.rowColumn', params: { row, column } }
      : row !== undefined
        ? { key: 'organize.entries.importAt.row', params: { row } }
        : column !== undefined
          ? { key: 'organize.entries.importAt.column', params: { column } }
          : { key: 'organize.entries.importAt.file' };
  return { at, problem: fieldProblemMessage(problem) };
}
