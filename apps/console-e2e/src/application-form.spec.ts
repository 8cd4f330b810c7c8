import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { known } from '@laurel/domain';
import { requestCall, signUpVerified } from './support/mail';

const DAY = 24 * 60 * 60 * 1000;

async function token(request: APIRequestContext, email: string, password = 'laurel-demo'): Promise<string> {
  const signedIn = await request.post('/api/auth/login', { data: { email, password } });
  expect(signedIn.status()).toBe(200);
  return ((await signedIn.json()) as { accessToken: string }).accessToken;
}

/** A draft contest of the demo organizer with one category and a one-criterion round, made over HTTP. */
async function draftContest(request: APIRequestContext, organizer: string): Promise<{ id: string; slug: string }> {
  const headers = { authorization: `Bearer ${organizer}` };
  const slug = `form-e2e-${Date.now()}`;
  const created = await request.post('/api/contests', {
    headers,
    data: {
      name: 'Khởi nghiệp Hải Phòng 2027',
      slug,
      year: 2027,
      submissionOpensAt: new Date(Date.now() - DAY).toISOString(),
      submissionClosesAt: new Date(Date.now() + 30 * DAY).toISOString(),
      requirePitchDeck: false,
      categories: [{ name: 'Doanh nghiệp' }],
      prizes: [],
    },
  });
  expect(created.status()).toBe(201);
  const contest = (await created.json()) as { id: string };
  const round = await request.post(`/api/contests/${contest.id}/rounds`, {
    headers,
    data: {
      name: 'Vòng sơ khảo',
      order: 1,
      panel: 'assigned',
      judgesPerEntry: 1,
      aggregation: 'mean',
      criteria: [{ name: 'Đổi mới', weight: 1, maxScore: 10 }],
    },
  });
  expect(round.status()).toBe(201);
  return { id: contest.id, slug };
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

/** Fills the question being edited (the last one added). */
async function editQuestion(page: Page, question: { key: string; vi: string; en: string; type: string; required: boolean }): Promise<void> {
  const item = page.locator('.question').last();
  await item.getByTestId('question-key').fill(question.key);
  await item.getByTestId('question-label-vi').fill(question.vi);
  await item.getByTestId('question-label-en').fill(question.en);
  await item.getByTestId('question-type').click();
  await page.getByRole('option', { name: question.type, exact: true }).click();
  if (question.required) await item.getByTestId('question-required').locator('input').check();
}

test.describe('the contest’s own application form', () => {
  test.describe.configure({ timeout: 240_000 });

  test('an organizer builds a form and a rule; an applicant fills it, submits, and reads the failed rule', async ({ page, request }) => {
    const organizer = await token(request, 'organizer@demo.laurel');
    const contest = await draftContest(request, organizer);

    // The organizer builds the form in the contest editor; the preview is the applicant's form.
    await signIn(page, 'organizer@demo.laurel', 'laurel-demo');
    await page.goto(`/organize/contests/${contest.id}`);
    await page.getByRole('tab', { name: 'Application form' }).click();
    await page.getByTestId('question-add').click();
    await editQuestion(page, {
      key: 'agree',
      vi: 'Tôi đồng ý với thể lệ',
      en: 'I accept the rules',
      type: 'Tick box (yes/no)',
      required: true,
    });
    await page.getByTestId('question-add').click();
    await editQuestion(page, { key: 'foundedOn', vi: 'Ngày thành lập', en: 'Founding date', type: 'Date', required: true });
    await expect(page.getByTestId('form-preview').getByLabel('Founding date')).toBeVisible();

    // Reordered by keyboard: the founding date goes first.
    await page.locator('.question').last().locator('.handle').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.locator('.question').first()).toHaveAttribute('data-key', 'foundedOn');

    // Dragged by the handle with the mouse: the box goes back on top (the drag library wants a
    // press, a small move to start, then the move onto the place; measured again on a retry, since
    // the page may still be settling after the keyboard move). A question being edited is tall:
    // the window is made tall enough for both handles, since the mouse only reaches what is on screen.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: viewport?.width ?? 1280, height: 2400 });
    await page.locator('.question').first().scrollIntoViewIfNeeded();
    await expect(async () => {
      const handle = await page.locator('.question').last().locator('.handle').boundingBox();
      const top = await page.locator('.question').first().boundingBox();
      if (!handle || !top) throw new Error('the questions are not on screen');
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await page.mouse.down();
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 - 8, { steps: 4 });
      await page.mouse.move(handle.x + handle.width / 2, top.y + 4, { steps: 20 });
      await page.mouse.up();
      await expect(page.locator('.question').first()).toHaveAttribute('data-key', 'agree', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    if (viewport) await page.setViewportSize(viewport);
    // And down again by keyboard.
    await page.locator('.question').first().locator('.handle').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.locator('.question').first()).toHaveAttribute('data-key', 'foundedOn');

    await page.getByTestId('rule-add').click();
    const rule = page.locator('.rule').last();
    await rule.getByTestId('rule-kind').click();
    await page.getByRole('option', { name: 'Date at most N years before the deadline' }).click();
    await rule.getByTestId('rule-field').click();
    await page.getByRole('option', { name: 'Founding date' }).click();
    await rule.getByTestId('rule-years').fill('5');
    await rule.getByTestId('rule-message-vi').fill('Doanh nghiệp thành lập không quá 5 năm');
    await rule.getByTestId('rule-message-en').fill('The company was founded at most 5 years ago');
    await page.getByTestId('form-save').click();
    await expect(page.getByTestId('form-outcome')).toContainText('The form and the rules are saved.');
    await page.screenshot({ path: 'tmp/console-e2e/application-form-builder.png', fullPage: true });

    const opened = await request.post(`/api/contests/${contest.id}/status`, {
      headers: { authorization: `Bearer ${organizer}` },
      data: { status: 'open' },
    });
    expect(opened.status()).toBe(200);

    // An applicant answers in the stepper's own step and submits.
    const email = `form-e2e-${Date.now()}@example.vn`;
    await signUpVerified(requestCall(request), { email, password: 'form-e2e-pass-1', displayName: 'Đội Sao Biển' });
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await signIn(page, email, 'form-e2e-pass-1');
    await page.goto(`/my-entries/new?contest=${contest.slug}`);
    await page.getByTestId('start-category').getByRole('radio').first().check();
    await page.getByTestId('start-create').click();
    await expect(page).toHaveURL(/\/my-entries\/[0-9a-f-]{36}$/);

    await page.getByTestId('entry-title').fill('Sao Biển: phao đo mặn');
    await page.getByTestId('entry-summary').fill('Phao đo độ mặn cho hộ nuôi tôm.');
    await page.getByTestId('entry-problem').fill('Nước mặn đến bất ngờ.');
    await page.getByTestId('entry-solution').fill('Phao cảm biến gửi cảnh báo.');
    await page.getByTestId('entry-market').fill('Hộ nuôi tôm ven biển.');
    await page.getByTestId('entry-businessModel').fill('Bán phao kèm thuê bao.');
    await page.getByRole('tab', { name: 'Team' }).click();
    await page.getByTestId('entry-team-name').fill('Sao Biển');
    await page.getByTestId('entry-member-add').click();
    await page.getByTestId('entry-member-name').fill('Trần Văn Nam');
    await page.getByTestId('entry-member-role').fill('CEO');

    await page.getByRole('tab', { name: "The contest's questions" }).click();
    const questions = page.getByTestId('entry-questions');
    // The step slides in from the right: a click during the slide can land beside the box.
    const offset = async () =>
      ((await questions.boundingBox())?.x ?? 9999) - ((await page.getByTestId('entry-stepper').boundingBox())?.x ?? 0);
    await expect.poll(offset).toBeLessThan(100);
    // Leaving a required box unticked says so in the page's language.
    await questions.getByLabel('I accept the rules').check();
    await questions.getByLabel('I accept the rules').uncheck();
    await expect(questions).toContainText('Tick this box before submitting.');
    await questions.getByLabel('I accept the rules').check();
    // Founded more than five years before the deadline.
    await questions.getByLabel('Founding date').fill('2015-03-01');
    await expect(page.getByTestId('entry-save-state')).toContainText('Saved at');

    await page.getByRole('tab', { name: 'Review & submit' }).click();
    await expect(page.getByTestId('entry-ready')).toBeVisible();
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('entry-ineligible')).toContainText('The company was founded at most 5 years ago');
    await expect(page.getByTestId('entry-status')).toContainText('Draft');
    await page.screenshot({ path: 'tmp/console-e2e/application-form-ineligible.png', fullPage: true });

    // In Vietnamese, the same refusal reads in Vietnamese.
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'vi'));
    await page.reload();
    await page.getByRole('tab', { name: 'Xem lại & nộp' }).click();
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('entry-ineligible')).toContainText('Doanh nghiệp thành lập không quá 5 năm');
  });

  test('a question of the demo contest, answered in submitted entries, is removed only after a confirmation, and its answers stay in the export', async ({
    page,
    request,
  }) => {
    const organizer = await token(request, 'organizer@demo.laurel');
    const headers = { authorization: `Bearer ${organizer}` };
    const demo = (await (await request.get('/api/contests/startup-talent-2026', { headers })).json()) as {
      id: string;
      formLocked: boolean;
    };
    expect(demo.formLocked).toBe(true);

    await signIn(page, 'organizer@demo.laurel', 'laurel-demo');
    await page.goto(`/organize/contests/${demo.id}`);
    await page.getByRole('tab', { name: 'Application form' }).click();
    await expect(page.getByTestId('form-locked')).toBeVisible();
    await page.locator('.question[data-key="revenue"]').getByTestId('question-remove').click();
    await expect(page.locator('.question[data-key="revenue"]')).toHaveCount(0);
    await page.getByTestId('form-save').click();
    // The confirmation names the question; cancelling keeps it on the server.
    await expect(page.getByTestId('confirm-body')).toContainText('revenue');
    await page.keyboard.press('Escape');
    expect(
      ((await (await request.get(`/api/contests/${demo.id}`, { headers })).json()) as { formFields: { key: string }[] }).formFields.map(
        (f) => f.key,
      ),
    ).toContain('revenue');
    await page.getByTestId('form-save').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('form-outcome')).toContainText('The form and the rules are saved.');
    const after = (await (await request.get(`/api/contests/${demo.id}`, { headers })).json()) as { formFields: { key: string }[] };
    expect(after.formFields.map((f) => f.key)).not.toContain('revenue');

    // The entries workbook keeps the column, marked removed, with GreenPort's 1,850 (million VND).
    const exported = await request.get(`/api/contests/${demo.id}/entries.xlsx?status=submitted`, { headers });
    expect(exported.status()).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await exported.body()) as unknown as ArrayBuffer);
    const sheet = known(workbook.worksheets[0], 'the entries sheet');
    // Row values are 1-based with a hole at 0: the index found is the column number.
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const revenue = header.findIndex((h) => h.endsWith('(revenue)'));
    // The workbook speaks the contest's language (Vietnamese).
    expect(header[revenue]).toBe('Doanh thu năm gần nhất (triệu đồng) (đã xoá) (revenue)');
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const greenPort = rows.find((row) => (row.values as unknown[]).includes('ST26-001'));
    expect(greenPort?.getCell(revenue).value).toBe(1850);
  });
});
