import { type APIRequestContext, expect, test } from '@playwright/test';
import { answersFor } from './support/answers';
import { requestCall, signUpVerified } from './support/mail';

// judge1 scores an entry of the demo contest from the console, by keyboard, and submits it.
// Everything before that is set up through the API, as the demo organizer would do it.

const PASSWORD = 'laurel-demo';
// A tiny PDF: the API reads the type from the bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Criterion {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
  order: number;
}

async function api(request: APIRequestContext, method: string, path: string, token?: string, data?: unknown) {
  const response = await request.fetch(`/api${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(data === undefined ? {} : { data }),
  });
  const body = await response.json().catch(() => null);
  return { status: response.status(), body };
}

async function ok(request: APIRequestContext, method: string, path: string, token?: string, data?: unknown) {
  const result = await api(request, method, path, token, data);
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body;
}

async function signIn(request: APIRequestContext, email: string, password = PASSWORD): Promise<string> {
  return (await ok(request, 'POST', '/auth/login', undefined, { email, password })).accessToken;
}

/** The demo contest in judging, a fresh eligible entry in its open screening round, three judges on it. */
async function setUp(request: APIRequestContext) {
  const organizer = await signIn(request, 'organizer@demo.laurel');
  let contest = await ok(request, 'GET', '/contests/startup-talent-2026', organizer);

  const email = `judging-e2e-${Date.now()}@example.com`;
  const applicant = (await signUpVerified(requestCall(request), { email, password: 'applicant-pass-1', displayName: 'Judging E2E' }))
    .accessToken;
  const draft = await ok(request, 'POST', `/contests/${contest.id}/entries`, applicant, {
    categoryId: contest.categories[0].id,
    title: `Trạm sạc mặt trời ${Date.now()}`,
    teamName: 'SunCharge',
    summary: 'Trạm sạc dùng pin mặt trời cho xe máy điện.',
    problem: 'Thiếu trạm sạc công cộng.',
    solution: 'Mạng trạm sạc mô-đun.',
    market: 'Xe máy điện tại Việt Nam.',
    businessModel: 'Thu phí theo lượt sạc.',
    organization: 'SunCharge JSC',
    members: [{ name: 'Lê Minh Châu', role: 'CEO' }],
    answers: answersFor(contest, contest.categories[0].id),
  });
  const upload = await request.post(`/api/entries/${draft.id}/attachments`, {
    headers: { authorization: `Bearer ${applicant}` },
    multipart: { kind: 'pitch_deck', file: { name: 'pitch.pdf', mimeType: 'application/pdf', buffer: PDF } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  // The entry gets its code (ST26-…) when it is submitted.
  const entry = await ok(request, 'POST', `/entries/${draft.id}/submit`, applicant, {});
  expect(entry.code).toBeTruthy();

  // open → closed → judging, whatever step the contest is at.
  const lifecycle = ['draft', 'open', 'closed', 'judging'];
  for (const status of ['closed', 'judging']) {
    contest = await ok(request, 'GET', `/contests/${contest.id}`, organizer);
    if (lifecycle.indexOf(contest.status) < lifecycle.indexOf(status)) {
      await ok(request, 'POST', `/contests/${contest.id}/status`, organizer, { status, version: contest.version });
    }
  }
  await ok(request, 'POST', `/entries/${entry.id}/eligibility`, organizer, { eligible: true });

  contest = await ok(request, 'GET', `/contests/${contest.id}`, organizer);
  const screening = [...contest.rounds].sort((a: Criterion, b: Criterion) => a.order - b.order)[0];
  if (screening.status === 'draft') await ok(request, 'POST', `/rounds/${screening.id}/open`, organizer, {});
  const auto = await ok(request, 'POST', `/rounds/${screening.id}/assignments/auto`, organizer, { judgesPerEntry: 3 });
  const ours = auto.assignments.filter((a: { entryId: string }) => a.entryId === entry.id);
  expect(ours.length).toBe(3);

  const judge = await signIn(request, 'judge1@demo.laurel');
  let mine = await ok(request, 'GET', '/me/assignments', judge);
  let assignment = mine.find((a: { entry: { id: string } }) => a.entry.id === entry.id);
  if (!assignment) {
    // A larger panel (another test may have invited judges) need not have picked judge1.
    const judges = await ok(request, 'GET', `/contests/${contest.id}/judges`, organizer);
    const judge1 = judges.find((j: { email: string }) => j.email === 'judge1@demo.laurel');
    await ok(request, 'POST', `/rounds/${screening.id}/assignments`, organizer, { entryId: entry.id, judgeId: judge1.judgeId });
    mine = await ok(request, 'GET', '/me/assignments', judge);
    assignment = mine.find((a: { entry: { id: string } }) => a.entry.id === entry.id);
  }
  return { entry, assignmentId: assignment.id as string, judge };
}

/** A value for each criterion: two decimals for one, halves for the others. */
function pickValues(criteria: Criterion[]): { criterion: Criterion; value: number }[] {
  return criteria.map((c, i) => ({
    criterion: c,
    value: i === 0 ? Math.round(c.maxScore * 0.73 * 100) / 100 : Math.round(c.maxScore * (0.9 - i * 0.1) * 2) / 2,
  }));
}

test.describe('the judge console', () => {
  test('judge1 scores every criterion by keyboard, sees the live total, submits, and the sheet locks', async ({ page, request }) => {
    // The set-up walks the whole lifecycle through the API first.
    test.setTimeout(180_000);
    const { entry, assignmentId, judge } = await setUp(request);
    const detail = await ok(request, 'GET', `/assignments/${assignmentId}`, judge);
    const criteria: Criterion[] = [...detail.round.criteria].sort((a: Criterion, b: Criterion) => a.order - b.order);
    const sheet = pickValues(criteria);
    // T = 100 · Σ w·(v/max) / Σ w
    const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
    const expected = (100 * sheet.reduce((sum, { criterion: c, value }) => sum + c.weight * (value / c.maxScore), 0)) / weights;
    const shown = expected.toFixed(2);

    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-email').fill('judge1@demo.laurel');
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('dashboard-heading')).toBeVisible();

    // The assignment list: our entry, to do, with a Score action.
    await page.goto('/judging');
    const row = page.getByTestId('assignment-row').filter({ hasText: entry.code });
    await expect(row).toHaveAttribute('data-status', 'todo');
    await row.getByTestId('assignment-action').click();
    await expect(page).toHaveURL(new RegExp(`/judging/${assignmentId}$`));
    await expect(page.getByTestId('scoring-heading')).toContainText(entry.title);
    await expect(page.getByTestId('live-total')).toHaveText('0.00');

    // Score every criterion with the keyboard: type, then Tab through to the next score field.
    const first = page.getByTestId('score-input-0');
    await first.focus();
    // A value above the maximum is refused inline, and ↑/↓ step by 0.5.
    const [firstCriterion] = criteria;
    if (firstCriterion === undefined) throw new Error('the round has no criteria');
    await page.keyboard.type(String(firstCriterion.maxScore + 1));
    await expect(page.getByTestId('score-problem-0')).toBeVisible();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1');
    await page.keyboard.press('ArrowUp');
    await expect(first).toHaveValue('1.5');
    await expect(page.getByTestId('score-problem-0')).toHaveCount(0);
    for (const [i, { value }] of sheet.entries()) {
      const input = page.getByTestId(`score-input-${i}`);
      await expect(input).toBeFocused();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(String(value));
      await expect(input).toHaveValue(String(value));
      if (i < criteria.length - 1) {
        for (let tabs = 0; tabs < 6; tabs++) {
          await page.keyboard.press('Tab');
          if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === `score-input-${i + 1}`) break;
        }
      }
    }

    await expect(page.getByTestId('live-total')).toHaveText(shown);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    // Submit: the dialog shows the total and that the sheet locks; Enter confirms.
    await page.getByTestId('submit-sheet').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('submit-dialog-total')).toContainText(shown);
    await expect(page.getByTestId('submit-dialog-confirm')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('scoring-locked')).toBeVisible();
    await expect(page.getByTestId('scoring-locked')).toContainText('Submitted at');
    await expect(page.getByTestId('submit-sheet')).toHaveCount(0);
    await expect(page.getByTestId('score-input-0')).toHaveAttribute('readonly', '');
    await expect(page.getByTestId('live-total')).toHaveText(shown);

    // The API reports the same total as the page showed.
    const after = await ok(request, 'GET', `/assignments/${assignmentId}`, judge);
    expect(after.sheet.status).toBe('submitted');
    expect(after.sheet.total.toFixed(2)).toBe(shown);
    expect(await page.getByTestId('live-total').textContent()).toBe(after.sheet.total.toFixed(2));

    // Back on the list, the row says submitted and shows the total.
    await page.getByTestId('scoring-back').click();
    await expect(row).toHaveAttribute('data-status', 'submitted');
    await expect(row).toContainText(shown);
  });
});
