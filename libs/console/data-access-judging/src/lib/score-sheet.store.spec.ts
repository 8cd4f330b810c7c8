import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AssignmentDetailView, SaveSheetRequest, SheetView } from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import { SAVE_DEBOUNCE_MS, ScoreSheetStore } from './score-sheet.store';

const ID = 'a1';
const SHEET_URL = `/api/assignments/${ID}/sheet`;

/** Two criteria of weight 50, scored out of 10: a sheet of 8 and 6 totals 50·8/10 + 50·6/10 = 70. */
function detail(version = 3): AssignmentDetailView {
  return {
    assignment: { id: ID, status: 'todo', roundId: 'r1', entryId: 'e1', recusalReason: null },
    entry: {
      id: 'e1',
      code: 'E-001',
      title: 'Rice husk bricks',
      summary: '',
      problem: '',
      solution: '',
      market: '',
      businessModel: '',
      category: null,
      attachments: [],
      answers: [],
    },
    round: {
      id: 'r1',
      contestId: 'c1',
      name: 'Semi-final',
      status: 'open',
      blind: false,
      live: false,
      criteria: [
        { id: 'team', name: 'Team', guidance: null, weight: 50, maxScore: 10, order: 1 },
        { id: 'market', name: 'Market', guidance: null, weight: 50, maxScore: 10, order: 2 },
      ],
    },
    sheet: { id: 's1', status: 'draft', scores: [], comment: null, commentInternal: false, version, total: 0, submittedAt: null },
  };
}

function answer(body: SaveSheetRequest, version: number): SheetView {
  return {
    id: 's1',
    status: 'draft',
    scores: body.scores.map((s) => ({
      criterionId: s.criterionId,
      value: s.value,
      comment: s.comment ?? null,
      commentInternal: s.commentInternal ?? false,
    })),
    comment: body.comment ?? null,
    commentInternal: body.commentInternal ?? false,
    version,
    total: 0,
    submittedAt: null,
  };
}

/** Lets the store's awaits (firstValueFrom, the in-flight chain) run after an answer arrives. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe(ScoreSheetStore.name, () => {
  let http: HttpTestingController;
  let pageInjector: EnvironmentInjector;
  let sut: ScoreSheetStore;

  beforeEach(async () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    http = TestBed.inject(HttpTestingController);
    // The scoring page provides the store: its injector is the page's, destroyed when the judge leaves.
    pageInjector = createEnvironmentInjector([ScoreSheetStore], TestBed.inject(EnvironmentInjector));
    sut = pageInjector.get(ScoreSheetStore);
    const loaded = sut.load(ID);
    await settle();
    http.expectOne(`/api/assignments/${ID}`).flush(detail());
    await loaded;
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  function pendingSaves(): TestRequest[] {
    return http.match({ method: 'PUT', url: SHEET_URL });
  }

  it('saves once after typing pauses for the debounce, with the version it read', async () => {
    sut.setValue('team', '7');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS - 1);
    sut.setValue('team', '8');
    sut.setValue('market', '6');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS - 1);
    expect(pendingSaves()).toHaveLength(0);
    expect(sut.saveState()).toBe('dirty');
    expect(sut.total()).toBe(70);

    jest.advanceTimersByTime(1);
    const [save, ...more] = pendingSaves();
    expect(more).toHaveLength(0);
    expect(save?.request.body).toEqual({
      scores: [
        { criterionId: 'team', value: 8 },
        { criterionId: 'market', value: 6 },
      ],
      version: 3,
    });
    expect(sut.saveState()).toBe('saving');
    save?.flush(answer(save.request.body as SaveSheetRequest, 4));
    await settle();
    expect(sut.saveState()).toBe('saved');
  });

  it('keeps one save in flight: the next waits for it and carries the newest values and the version it returned', async () => {
    sut.setValue('team', '8');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    const [first] = pendingSaves();
    expect(first?.request.body).toEqual({ scores: [{ criterionId: 'team', value: 8 }], version: 3 });

    // Typed while the first save travels: its own debounce ends, but it waits.
    sut.setValue('market', '5');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS / 2);
    sut.setValue('market', '6');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    await settle();
    expect(pendingSaves()).toHaveLength(0);
    expect(sut.saveState()).toBe('dirty'); // the screen says a change waits

    first?.flush(answer(first.request.body as SaveSheetRequest, 4));
    await settle();
    const [second, ...more] = pendingSaves();
    expect(more).toHaveLength(0);
    expect(second?.request.body).toEqual({
      scores: [
        { criterionId: 'team', value: 8 },
        { criterionId: 'market', value: 6 },
      ],
      version: 4,
    });
    second?.flush(answer(second.request.body as SaveSheetRequest, 5));
    await settle();
    expect(sut.saveState()).toBe('saved');
  });

  it('stops saving on a stale version (409): the judge is told and nothing more is sent until a reload', async () => {
    sut.setValue('team', '8');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    pendingSaves()[0]?.flush(
      { statusCode: 409, code: 'sheet.stale_version', message: 'This sheet was changed elsewhere.' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(sut.saveState()).toBe('stale');
    expect(sut.saveError()).toEqual({ key: 'judging.errors.stale' });
    expect(sut.canSubmit()).toBe(false);

    sut.setValue('market', '6');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS * 2);
    await sut.flush();
    expect(pendingSaves()).toHaveLength(0);

    // Reading the sheet again takes what was saved elsewhere, and saving resumes from its version.
    const reloaded = sut.reload();
    await settle();
    http.expectOne(`/api/assignments/${ID}`).flush(detail(7));
    await reloaded;
    expect(sut.saveState()).toBe('saved');
    sut.setValue('team', '9');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    const [resumed] = pendingSaves();
    expect(resumed?.request.body).toEqual({ scores: [{ criterionId: 'team', value: 9 }], version: 7 });
    resumed?.flush(answer(resumed.request.body as SaveSheetRequest, 8));
    await settle();
  });

  it('shows a closed round (409) as a save error, not as a stale sheet, and tries again on the next change', async () => {
    sut.setValue('team', '8');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    pendingSaves()[0]?.flush(
      { statusCode: 409, code: 'round.closed', message: 'The round is closed.' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(sut.saveState()).toBe('error');
    expect(sut.saveError()).toEqual({ key: 'judging.errors.roundClosed' });

    sut.setValue('team', '9');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    const [retry] = pendingSaves();
    expect(retry?.request.body).toEqual({ scores: [{ criterionId: 'team', value: 9 }], version: 3 });
    retry?.flush(answer(retry.request.body as SaveSheetRequest, 4));
    await settle();
    expect(sut.saveState()).toBe('saved');
  });

  it('saves what is pending when the judge leaves the page, without waiting for the debounce', async () => {
    sut.setValue('team', '8');
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS / 2);
    pageInjector.destroy();
    await settle();
    const [save, ...more] = pendingSaves();
    expect(more).toHaveLength(0);
    expect(save?.request.body).toEqual({ scores: [{ criterionId: 'team', value: 8 }], version: 3 });
    save?.flush(answer(save.request.body as SaveSheetRequest, 4));
    await settle();

    // Nothing else was waiting: the timer that was running sends nothing more.
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS * 2);
    expect(pendingSaves()).toHaveLength(0);
  });

  it('sends nothing when the judge leaves with everything saved', () => {
    pageInjector.destroy();
    jest.advanceTimersByTime(SAVE_DEBOUNCE_MS * 2);
    expect(pendingSaves()).toHaveLength(0);
  });

  it('saves before submitting, then submits', async () => {
    sut.setValue('team', '8');
    sut.setValue('market', '6');
    const submitted = sut.submit();
    await settle();
    const [save] = pendingSaves();
    expect(save?.request.body).toEqual({
      scores: [
        { criterionId: 'team', value: 8 },
        { criterionId: 'market', value: 6 },
      ],
      version: 3,
    });
    save?.flush(answer(save.request.body as SaveSheetRequest, 4));
    await settle();
    const submit = http.expectOne({ method: 'POST', url: `/api/assignments/${ID}/submit` });
    submit.flush({
      ...answer(save?.request.body as SaveSheetRequest, 5),
      status: 'submitted',
      total: 70,
      submittedAt: '2026-03-01T10:00:00Z',
    });
    expect(await submitted).toBeNull();
    expect(sut.submitted()).toBe(true);
    expect(sut.total()).toBe(70);
  });
});
