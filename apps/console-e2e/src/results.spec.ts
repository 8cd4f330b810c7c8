import { type Page, expect, test } from '@playwright/test';
import { councilDecides, screenOut, setUpJudgedContest } from './support/results-setup';

async function signInAsOrganizer(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
  await page.getByTestId('sign-in-password').fill('laurel-demo');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

test.describe('results, awards and publication', () => {
  test('the organizer reviews the final ranking, decides a tie, confirms the awards and publishes; the public page shows the winners', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    // Final round: A clearly first; B and C identical on every sheet, so they tie at rank 2
    // across the second/third boundary and the proposal asks for a decision.
    const contest = await setUpJudgedContest(baseURL as string, { tieAtSecond: true });
    const { A, B, C } = contest.entries;

    await signInAsOrganizer(page);

    await page.goto(`/organize/results?contest=${contest.id}&round=${contest.finalRoundId}`);
    await expect(page.getByTestId('ranking-row').first()).toContainText(A.title, { timeout: 30_000 });
    await expect(page.getByTestId('ranking-row')).toHaveCount(4);
    await expect(page.getByTestId('results-snapshot')).toBeVisible();
    await expect(page.getByTestId('settled-by').nth(1)).toHaveText('Tie');
    // The tie is explained in words on the page, not in a hover tooltip.
    await expect(page.getByTestId('ranking-row').nth(1).getByTestId('tie-note')).toContainText('on every rule: they share the rank');
    await expect(page.getByTestId('reliability-k')).toContainText('k = 3 judges per entry');
    await expect(page.getByTestId('reliability-agreement')).toContainText('Agreement between judges');

    await page.goto(`/organize/awards?contest=${contest.id}`);
    // The proposal walks the final round's snapshot; give a busy machine time to answer.
    await expect(page.getByTestId('awards-proposal')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('award-decision')).toContainText('Tied across a prize boundary');

    // Nothing decided yet: the page refuses and says why.
    await page.getByTestId('awards-confirm').click();
    await expect(page.getByTestId('awards-action-error')).toBeVisible();

    const decision = page.getByTestId('award-decision');
    await decision.getByTestId('award-decision-row').filter({ hasText: B.title }).getByTestId('award-decision-select').click();
    await page.getByRole('option', { name: 'Second prize' }).click();
    await decision.getByTestId('award-decision-row').filter({ hasText: C.title }).getByTestId('award-decision-select').click();
    await page.getByRole('option', { name: 'Third prize' }).click();
    await decision.getByTestId('award-decision-reason').fill('GreenHarbor has the stronger pilot with the port authority.');

    await page.getByTestId('awards-confirm').click();
    await expect(page.getByTestId('awards-notice')).toBeVisible();
    const confirmed = page.getByTestId('confirmed-award');
    await expect(confirmed.filter({ hasText: A.title })).toContainText('First prize');
    await expect(confirmed.filter({ hasText: B.title })).toContainText('Second prize');
    await expect(confirmed.filter({ hasText: C.title })).toContainText('Reason: GreenHarbor has the stronger pilot');

    // The results workbook downloads with the server's file name.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-workbook').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await expect(page.getByTestId('export-done')).toBeVisible();

    // The council (the final round's three judges) signs off: ⌈2/3 · 3⌉ = 2 approvals.
    for (const judge of contest.judges.slice(0, 2)) await councilDecides(baseURL as string, contest.id, judge.token, 'approve');

    await page.getByTestId('awards-publish').click();
    await expect(page.getByTestId('confirm-body')).toContainText('public');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('awards-public-link')).toBeVisible();

    // A visitor who is not signed in sees the winners, and no judge.
    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(`/results/${contest.slug}`);
    await expect(publicPage.getByTestId('public-results-title')).toHaveText(contest.name);
    await expect(publicPage.getByTestId('public-award').first()).toContainText(A.title);
    await expect(publicPage.getByTestId('public-tier-first')).toContainText(A.title);
    await expect(publicPage.getByTestId('public-tier-second')).toContainText(B.title);
    await expect(publicPage.getByTestId('public-tier-third')).toContainText(C.title);
    await expect(publicPage.getByTestId('public-ranking')).toContainText(C.title);
    for (const judge of ['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Minh Dũng']) {
      await expect(publicPage.locator('body')).not.toContainText(judge);
    }
    await visitor.close();
  });

  test('a confirmation the API refuses lists what is wrong with each line, in the reader’s language', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const contest = await setUpJudgedContest(baseURL as string);
    const { B } = contest.entries;
    await signInAsOrganizer(page);
    await page.goto(`/organize/awards?contest=${contest.id}`);
    await expect(page.getByTestId('awards-proposal')).toBeVisible({ timeout: 30_000 });

    // B, proposed for second, is screened out in another tab while this page still shows it.
    await screenOut(baseURL as string, B.id, 'The company is older than five years.');
    await page.getByTestId('awards-confirm').click();
    const problems = page.getByTestId('awards-problems');
    await expect(problems).toContainText(`${B.code} was screened out as not eligible and cannot take a prize.`);

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-vi').click();
    await expect(problems).toContainText(`Hồ sơ ${B.code} đã bị loại vì không đủ điều kiện nên không thể nhận giải.`);
    await expect(problems).not.toContainText('screened out');
  });

  test('the live board shows the standings of an open round as they stream in', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const contest = await setUpJudgedContest(baseURL as string, { leaveFinalOpen: true });
    await signInAsOrganizer(page);
    await page.goto(`/live/${contest.finalRoundId}`);
    await expect(page.getByTestId('live-connection')).toHaveAttribute('data-connection', 'live');
    await expect(page.getByTestId('live-row')).toHaveCount(4);
    await expect(page.getByTestId('live-row').first()).toContainText(contest.entries['A'].title);
  });

  test('unpublished results say so to a visitor', async ({ page }) => {
    await page.goto('/results/no-such-contest');
    await expect(page.getByTestId('public-results-missing')).toBeVisible();
  });
});
