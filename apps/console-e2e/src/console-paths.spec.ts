import { randomBytes } from 'node:crypto';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { Api } from './support/api';
import { INTERNAL_COMMENT, PUBLIC_COMMENT, setUpJudgedContest } from './support/results-setup';

// The console as people meet it (issue 11): the contest's steps say what comes next and why the
// others wait, a rubric off 100 is said and confirmed, prize amounts and scores are written the
// language's way, a ranking row opens its judges' sheets, the audit trail names people and
// entries, the dashboard counts, and an invitation names its contest and address.

async function signIn(page: Page, email: string, password: string, language: 'vi' | 'en'): Promise<void> {
  await page.goto('/');
  await page.evaluate((lang) => localStorage.setItem('laurel.lang', lang), language);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

async function useLanguage(page: Page, language: 'vi' | 'en'): Promise<void> {
  await page.evaluate((lang) => localStorage.setItem('laurel.lang', lang), language);
  await page.reload();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
}

/** The token of the newest captured invitation mail to this address. */
async function invitationToken(api: Api, admin: string, email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await api.call('GET', `/api/admin/mail?to=${encodeURIComponent(email)}`, admin);
    const mail = (page.items as { template: string; status: string; actionUrl: string | null }[]).find(
      (m) => m.template === 'judge_invitation' && m.status === 'captured' && m.actionUrl,
    );
    const token = mail?.actionUrl && /#token=([^&\s]+)/.exec(mail.actionUrl)?.[1];
    if (token) return decodeURIComponent(token);
    if (Date.now() > deadline) throw new Error(`no invitation mail to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

test.describe('the console as people meet it', () => {
  test('a draft contest shows its steps: what is missing before opening, why judging waits, then each next step in order', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const api = new Api(baseURL as string);
    const organizer = await api.login('organizer@demo.laurel', 'laurel-demo');
    const admin = await api.login('admin@demo.laurel', 'laurel-demo');
    const day = 24 * 60 * 60 * 1000;
    const slug = `cac-buoc-${randomBytes(4).toString('hex')}`;
    const name = `Khởi nghiệp xanh ${slug.slice(-4).toUpperCase()}`;
    const contest = await api.call('POST', '/api/contests', organizer, {
      name,
      slug,
      year: 2026,
      description: 'Cuộc thi thử các bước',
      submissionOpensAt: new Date(Date.now() - day).toISOString(),
      submissionClosesAt: new Date(Date.now() + 30 * day).toISOString(),
      categories: [{ name: 'Doanh nghiệp' }],
      prizes: [],
    });

    await signIn(page, 'organizer@demo.laurel', 'laurel-demo', 'vi');
    await page.goto(`/organize/contests/${contest.id}`);
    const lifecycle = page.getByTestId('lifecycle');
    await expect(page.getByTestId('stage-prepare')).toHaveAttribute('data-state', 'current', { timeout: 30_000 });
    await expect(page.getByTestId('stage-prepare')).toHaveAttribute('aria-current', 'step');
    // What is missing is listed before anyone presses the button, and the button waits for it.
    await expect(page.getByTestId('readiness')).toContainText('Thêm ít nhất một vòng thi');
    await expect(page.getByTestId('lifecycle-open')).toBeDisabled();
    // Later steps say why they are not possible yet.
    await expect(page.getByTestId('stage-screening').getByTestId('stage-why')).toHaveText('Chưa thể: phải đóng nhận hồ sơ trước.');
    await expect(page.getByTestId('stage-judging').getByTestId('stage-why')).toContainText('các vòng chỉ mở được khi đã bắt đầu chấm');
    await expect(lifecycle).not.toContainText('/api/');

    // A rubric whose weights add up to 20: said while editing, confirmed before saving.
    await page.getByRole('tab', { name: 'Vòng thi & tiêu chí' }).click();
    await page.getByTestId('add-round').click();
    await page.getByTestId('round-name').fill('Vòng sơ khảo');
    await page.getByTestId('add-criterion').click();
    await page.getByTestId('add-criterion').click();
    const criteria = page.getByTestId('criterion');
    await criteria.nth(0).getByTestId('criterion-name').fill('Đổi mới');
    await criteria.nth(1).getByTestId('criterion-name').fill('Thị trường');
    await criteria.nth(1).getByTestId('criterion-weight').fill('30');
    // 10 + 30 = 40: 10/40 = 25 %, 30/40 = 75 %.
    await expect(page.getByTestId('rubric-weights-warning')).toContainText('Tổng trọng số là 40, không phải 100');
    await expect(page.getByTestId('rubric-weights-warning')).toContainText('Đổi mới 25 %');
    await expect(page.getByTestId('rubric-weights-warning')).toContainText('Thị trường 75 %');
    await page.getByTestId('round-save').click();
    await expect(page.getByRole('dialog')).toContainText('Tổng trọng số là 40, không phải 100');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    // Cancelled: nothing saved, still editing.
    await expect(page.getByTestId('round-editor')).toBeVisible();
    expect((await api.call('GET', `/api/contests/${contest.id}`, organizer)).rounds).toHaveLength(0);
    await page.getByTestId('round-save').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('rounds-list')).toContainText('Vòng sơ khảo');
    // Weights that add up to 100 raise nothing.
    await page.getByTestId('edit-round-1').click();
    await page.getByTestId('criterion').nth(0).getByTestId('criterion-weight').fill('70');
    await expect(page.getByTestId('rubric-total')).toContainText('100');
    await expect(page.getByTestId('rubric-weights-warning')).toHaveCount(0);
    await page.getByTestId('round-cancel').click();

    // Ready now: the checklist says so and the step can be taken.
    await expect(page.getByTestId('readiness-ok')).toBeVisible();
    await expect(page.getByTestId('lifecycle-open')).toBeEnabled();

    // A prize amount grouped while it is typed, the language's way.
    await page.getByRole('tab', { name: 'Giải thưởng' }).click();
    await page.getByRole('button', { name: 'Thêm giải' }).click();
    const amount = page.getByTestId('prize-amount').first();
    await amount.pressSequentially('50000000');
    await expect(amount).toHaveValue('50.000.000');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Lưu thay đổi' }).click();
    // The number reaches the API, not the text.
    await expect
      .poll(async () => (await api.call('GET', `/api/contests/${contest.id}`, organizer)).prizes[0]?.amount ?? null)
      .toBe(50_000_000);
    await useLanguage(page, 'en');
    await page.getByRole('tab', { name: 'Prizes' }).click();
    await expect(page.getByTestId('prize-amount').first()).toHaveValue('50,000,000');
    await useLanguage(page, 'vi');

    // Each next step in order, from the stepper.
    for (const [action, stage] of [
      ['open', 'submissions'],
      ['closed', 'screening'],
      ['judging', 'judging'],
    ] as const) {
      await page.getByTestId(`lifecycle-${action}`).click();
      await page.getByTestId('confirm-ok').click();
      await expect(page.getByTestId(`stage-${stage}`)).toHaveAttribute('data-state', 'current');
      if (stage === 'submissions') {
        await expect(page.getByTestId('stage-prepare')).toHaveAttribute('data-state', 'done');
        await expect(page.getByTestId('stage-judging').getByTestId('stage-why')).toBeVisible();
        // The dashboard counts the open contest: nothing submitted, 30 days left.
        const dashboard = await newPage(browser);
        await signIn(dashboard, 'organizer@demo.laurel', 'laurel-demo', 'vi');
        const card = dashboard.getByTestId('glance-contest').filter({ hasText: name });
        await expect(card.getByTestId('glance-submitted')).toHaveText('0');
        await expect(card.getByTestId('glance-days-left')).toHaveText('30');
        await dashboard.context().close();
      }
    }
    await expect(page.getByTestId('lifecycle-rounds')).toContainText('Vòng sơ khảo');
    await expect(page.getByTestId('lifecycle-go-panel')).toHaveAttribute('href', new RegExp(`/organize/judging\\?contest=${contest.id}`));

    // The invitation names the contest and the address the judge will sign in with.
    const judgeEmail = `gk-${randomBytes(4).toString('hex')}@hoidong.example.org`;
    await api.call('POST', `/api/contests/${contest.id}/judges`, organizer, { email: judgeEmail, displayName: 'Ngô Thị Mai' });
    const token = await invitationToken(api, admin, judgeEmail);
    const invited = await newPage(browser);
    await invited.goto('/');
    await invited.evaluate(() => localStorage.setItem('laurel.lang', 'vi'));
    await invited.goto(`/invitations/accept#token=${encodeURIComponent(token)}`);
    await expect(invited.getByTestId('accept-intro')).toContainText(`Ngô Thị Mai, bạn được mời làm giám khảo cuộc thi “${name}”`);
    await expect(invited.getByText(`Chọn mật khẩu cho tài khoản ${judgeEmail} của bạn.`)).toBeVisible();
    await invited.context().close();
  });

  test('a Vietnamese judge types 7,5 and sees 7,5 again; arrows step in the same format; a value out of range leaves the total; Enter goes to the next score', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    // The final stays open and judge 1 has not scored A there yet.
    const contest = await setUpJudgedContest(baseURL as string, { leaveFinalOpen: true, unscoredFinal: [[0, 'A']] });
    const { A } = contest.entries;
    const [judge1] = contest.judges;
    const api = new Api(baseURL as string);
    const mine: { id: string; roundId: string; entry: { id: string } }[] = await api.call('GET', '/api/me/assignments', judge1.token);
    const assignment = mine.find((a) => a.roundId === contest.finalRoundId && a.entry.id === A.id);
    if (!assignment) throw new Error('judge 1 has no final assignment for A');

    await signIn(page, judge1.email, judge1.password, 'vi');
    await page.goto(`/judging/${assignment.id}`);
    await expect(page.getByTestId('scoring-heading')).toContainText(A.title, { timeout: 30_000 });
    const total = page.getByTestId('live-total');
    const first = page.getByTestId('score-input-0');
    await expect(total).toHaveText('0,00');

    // Weights 40, 35, 25 (of 100), every maximum 10: 7,5 on the first is 40 · 0,75 = 30.
    await first.focus();
    await page.keyboard.type('7,5');
    await expect(first).toHaveValue('7,5');
    await expect(total).toHaveText('30,00');
    // ↑ and ↓ step by 0,5 and write the value the way the total is written.
    await page.keyboard.press('ArrowUp');
    await expect(first).toHaveValue('8');
    await expect(total).toHaveText('32,00');
    await page.keyboard.press('ArrowDown');
    await expect(first).toHaveValue('7,5');
    // Above the maximum: the error shows and the total no longer counts the value.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('12');
    await expect(page.getByTestId('score-problem-0')).toBeVisible();
    await expect(total).toHaveText('0,00');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('7,5');
    await expect(page.getByTestId('score-problem-0')).toHaveCount(0);
    await expect(total).toHaveText('30,00');
    // Enter goes straight to the next criterion's score.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('score-input-1')).toBeFocused();
    await page.keyboard.type('8');
    // 30 + 35 · 0,8 = 58.
    await expect(total).toHaveText('58,00');
    await expect(page.getByTestId('save-state')).toHaveText('Đã lưu');

    // After a reload the value reads as it was typed; in English, with a point.
    await page.reload();
    await expect(first).toHaveValue('7,5', { timeout: 30_000 });
    await expect(page.getByTestId('score-input-1')).toHaveValue('8');
    await expect(total).toHaveText('58,00');
    await useLanguage(page, 'en');
    await expect(first).toHaveValue('7.5', { timeout: 30_000 });
    await expect(total).toHaveText('58.00');

    // The organizer's dashboard counts the sheet still missing in the open final: 1 of 12 (3 judges × 4 finalists).
    const organizer = await newPage(browser);
    await signIn(organizer, 'organizer@demo.laurel', 'laurel-demo', 'vi');
    const card = organizer.getByTestId('glance-contest').filter({ hasText: contest.name });
    await expect(card.getByTestId('glance-submitted')).toHaveText('6');
    await expect(card.getByTestId('glance-unsubmitted')).toHaveText('1 / 12');
    await organizer.context().close();
  });

  test('a ranking row opens its judges’ sheets, and the audit trail names people and entries', async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    const contest = await setUpJudgedContest(baseURL as string);
    const { A } = contest.entries;

    await signIn(page, 'organizer@demo.laurel', 'laurel-demo', 'en');
    await page.goto(`/organize/results?contest=${contest.id}&round=${contest.screeningRoundId}`);
    const row = page.getByTestId('ranking-row').filter({ hasText: A.code });
    await row.getByTestId('open-sheets').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('entry-sheets-title')).toContainText(`${A.code} · ${A.title}`);
    const sheets = dialog.getByTestId('entry-sheet-row');
    await expect(sheets).toHaveCount(3);
    // A's screening sheets (innovation, market, team; weights 40, 35, 25; maxima 10):
    // Bình 9, 8, 8 → 36 + 28 + 20 = 84; Cường 8, 8, 9 → 32 + 28 + 22.5 = 82.5; Dũng 9, 9, 8 → 36 + 31.5 + 20 = 87.5.
    await expect(sheets.filter({ hasText: 'Trần Thị Bình' }).getByTestId('entry-sheet-total')).toHaveText('84.00');
    await expect(sheets.filter({ hasText: 'Lê Văn Cường' }).getByTestId('entry-sheet-total')).toHaveText('82.50');
    await expect(sheets.filter({ hasText: 'Phạm Minh Dũng' }).getByTestId('entry-sheet-total')).toHaveText('87.50');
    await expect(dialog).toContainText('3 of 3 judge(s) submitted');
    await expect(dialog).toContainText(PUBLIC_COMMENT);
    await expect(dialog).toContainText(`${INTERNAL_COMMENT} (for the organizers only)`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // Another organizer's round or an entry outside the round: 404, nothing leaks.
    const api = new Api(baseURL as string);
    const organizer = await api.login('organizer@demo.laurel', 'laurel-demo');
    const view = await api.call('GET', `/api/rounds/${contest.finalRoundId}/entries/${A.id}/sheets`, organizer);
    expect(view.sheets.map((s: { status: string }) => s.status)).toEqual(['submitted', 'submitted', 'submitted']);
    const outside = contest.entries['F'];
    await expect(api.call('GET', `/api/rounds/${contest.finalRoundId}/entries/${outside.id}/sheets`, organizer)).rejects.toThrow(/404/);

    // The audit trail in Vietnamese: people by name, entries by code, no bare ids.
    await useLanguage(page, 'vi');
    await page.goto(`/audit?contest=${contest.id}`);
    await expect(page.getByTestId('audit-table')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('audit-subject').filter({ hasText: 'Trần Thị Bình' }).first()).toBeVisible();
    const actors = await page.getByTestId('audit-actor').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.some((a) => /Trần Thị Bình|Lê Văn Cường|Phạm Minh Dũng|Ban tổ chức|Organizer/.test(a))).toBe(true);
    for (const text of [...actors, ...(await page.getByTestId('audit-subject').allTextContents())])
      expect(text.trim()).not.toMatch(/^[0-9a-f]{8}$/);
    await expect(page.getByTestId('audit-table')).toContainText('Phiếu chấm');
    await expect(page.getByTestId('audit-table')).toContainText(A.code);
  });
});
