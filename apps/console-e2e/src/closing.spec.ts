import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { INTERNAL_COMMENT, PUBLIC_COMMENT, confirmProposal, setUpJudgedContest } from './support/results-setup';

async function signIn(page: Page, email: string, password: string, lang: 'en' | 'vi' = 'en'): Promise<void> {
  await page.goto('/');
  await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

/** Downloads through the page's button and returns the file's name and first bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; head: string; size: number }> {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  const bytes = readFileSync((await file.path()) as string);
  return { name: file.suggestedFilename(), head: bytes.subarray(0, 5).toString('latin1'), size: bytes.length };
}

test.describe('closing the contest: council, documents, feedback, charts', () => {
  test('the council votes on its own page, the organizer downloads every document and publishes, the winner reads the feedback and fetches the certificate', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const base = baseURL as string;
    const contest = await setUpJudgedContest(base);
    await confirmProposal(base, contest.id, { showComments: true });
    const { A } = contest.entries;

    // Two of the three judges (the default council) approve on their council page: ⌈2/3 · 3⌉ = 2.
    for (const [i, judge] of contest.judges.slice(0, 2).entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, judge.email, judge.password, i === 0 ? 'vi' : 'en');
      await page.goto('/council');
      await page.getByTestId('council-item').filter({ hasText: contest.name }).getByTestId('council-open').click();
      await expect(page.getByTestId('council-award').first()).toContainText(A.title);
      await page.getByTestId('council-note').fill(i === 0 ? 'Đồng ý với danh sách.' : 'Agreed.');
      await page.getByTestId('council-approve').click();
      await expect(page.getByTestId('council-saved')).toBeVisible();
      await expect(page.getByTestId('council-my-decision')).toContainText(i === 0 ? 'Tán thành' : 'Approves');
      await context.close();
    }

    const organizerContext = await browser.newContext();
    const organizer = await organizerContext.newPage();
    await signIn(organizer, 'organizer@demo.laurel', 'laurel-demo');
    await organizer.goto(`/organize/results?contest=${contest.id}&round=${contest.finalRoundId}`);
    await expect(organizer.getByTestId('chart-leniency').locator('canvas[data-chart-ready]')).toBeVisible({ timeout: 30_000 });
    await expect(organizer.getByTestId('chart-distribution').locator('canvas[data-chart-ready]')).toBeVisible();
    await expect(organizer.getByTestId('chart-distribution').locator('canvas')).toHaveAttribute(
      'aria-label',
      'Score distribution of the round',
    );

    await organizer.goto(`/organize/awards?contest=${contest.id}`);
    await expect(organizer.getByTestId('council-tally-line')).toContainText('Approved 2/3', { timeout: 30_000 });
    await expect(organizer.getByTestId('council-member').filter({ hasText: 'Trần Thị Bình' })).toContainText('Đồng ý với danh sách.');

    const minutes = await download(organizer, 'document-minutes');
    expect(minutes.name).toMatch(/-bien-ban-hoi-dong\.docx$/);
    expect(minutes.head.startsWith('PK')).toBe(true);
    const certificates = await download(organizer, 'document-certificates');
    expect(certificates.name).toMatch(/-giay-chung-nhan\.pdf$/);
    expect(certificates.head).toBe('%PDF-');
    const sheets = await download(organizer, 'document-score-sheets');
    expect(sheets.name).toMatch(/-phieu-cham\.pdf$/);
    expect(sheets.head).toBe('%PDF-');
    await organizer.getByTestId('documents-language').getByText('English').click();
    const english = await download(organizer, 'document-certificates');
    expect(english.name).toMatch(/-certificates\.pdf$/);
    await expect(organizer.getByTestId('document-done')).toBeVisible();

    await organizer.getByTestId('awards-publish').click();
    await organizer.getByTestId('confirm-ok').click();
    await expect(organizer.getByTestId('awards-public-link')).toBeVisible();
    await organizerContext.close();

    // The winning team reads its feedback under "My entries" and downloads its certificate.
    const teamContext = await browser.newContext();
    const team = await teamContext.newPage();
    await signIn(team, A.email, A.password);
    await team.goto('/my-entries');
    await team.getByTestId('my-entry').filter({ hasText: A.title }).getByTestId('my-entry-feedback').click();
    await expect(team.getByTestId('feedback-heading')).toHaveText('Feedback & results');
    await expect(team.getByTestId('feedback-award')).toContainText('First prize');
    await expect(team.getByTestId('feedback-round')).toHaveCount(2);
    await expect(team.getByTestId('feedback-comment').first()).toContainText('Judge 1');
    await expect(team.getByTestId('feedback-comment').first()).toContainText(PUBLIC_COMMENT);
    await expect(team.locator('body')).not.toContainText(INTERNAL_COMMENT);
    for (const judge of contest.judges) await expect(team.locator('body')).not.toContainText(judge.displayName);
    await expect(team.getByTestId('feedback-round').first().locator('canvas[data-chart-ready]')).toBeVisible({ timeout: 30_000 });
    // The chart's figures are in the page for screen readers.
    await expect(team.getByTestId('feedback-round').first().getByTestId('feedback-criterion')).toHaveCount(3);
    const own = await download(team, 'feedback-certificate');
    expect(own.head).toBe('%PDF-');
    await teamContext.close();
  });
});
