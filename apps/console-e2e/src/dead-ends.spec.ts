import { type Page, expect, test } from '@playwright/test';
import { known } from '@laurel/domain';
import { Api } from './support/api';
import { councilDecides, setUpJudgedContest } from './support/results-setup';

// The paths where a person used to get stuck (issue 11): a judge declines an entry, the organizer
// hands it to another judge, closes the round knowing what is missing, advances with Enter, and
// the applicant learns the outcome once the results are published.

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

/** A mark on the window that a full page load would wipe out. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { laurelMark: number }).laurelMark = 11));
}

async function expectSameWindow(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { laurelMark?: number }).laurelMark)).toBe(11);
}

test.describe('dead ends, mended', () => {
  test('a judge declines with Enter, the organizer reassigns, adds and removes judges, closes naming the missing sheet; the results flag it; the applicant sees the outcome', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    // The final stays open, judge 1 has not scored D there, and a fourth judge is on the panel.
    const contest = await setUpJudgedContest(baseURL as string, { leaveFinalOpen: true, unscoredFinal: [[0, 'D']], extraJudge: true });
    const { A, D, F } = contest.entries;
    const [judge1, , , fourth] = contest.judges;
    const extra = known(fourth, 'the fourth judge (extraJudge)');
    const api = new Api(baseURL as string);

    // The judge declines D: reason, then Enter in the field. Nothing reloads and the API has it.
    await signIn(page, judge1.email, judge1.password);
    await page.goto('/judging');
    // D is on the list twice (screening, submitted; final, to do).
    await page
      .locator('[data-testid="assignment-row"][data-status="todo"]')
      .filter({ hasText: D.code })
      .getByTestId('assignment-action')
      .click();
    await expect(page.getByTestId('scoring-heading')).toContainText(D.title);
    await markWindow(page);
    await page.getByTestId('recuse').click();
    await page.getByTestId('recuse-reason').fill('I mentored this team last year.');
    await page.getByTestId('recuse-reason').press('Enter');
    await expect(page.getByTestId('scoring-recused')).toBeVisible();
    await expectSameWindow(page);
    const judgeToken = await api.login(judge1.email, judge1.password);
    const mine: { roundId: string; status: string; entry: { id: string } }[] = await api.call('GET', '/api/me/assignments', judgeToken);
    expect(mine.find((a) => a.roundId === contest.finalRoundId && a.entry.id === D.id)?.status).toBe('recused');

    // The organizer replaces judge 1 on D with the fourth judge, then adds and removes a judge on A.
    const organizerPage = await (await browser.newContext()).newPage();
    await signIn(organizerPage, 'organizer@demo.laurel', 'laurel-demo');
    await organizerPage.goto(`/organize/judging?contest=${contest.id}&tab=progress`);
    const entryRow = (code: string) => organizerPage.getByTestId('progress-entry').filter({ hasText: code });
    await entryRow(D.code).getByTestId('progress-entry-judges').click();
    const recused = organizerPage.getByTestId('entry-judge').filter({ hasText: judge1.displayName });
    await expect(recused).toHaveAttribute('data-status', 'recused');
    await recused.getByTestId('entry-judge-replace').click();
    await organizerPage.getByTestId('entry-judges-pick').click();
    await organizerPage.getByRole('option', { name: new RegExp(extra.displayName) }).click();
    await organizerPage.getByTestId('entry-judges-save').click();
    await expect(organizerPage.getByTestId('entry-judges-notice')).toContainText(
      `${extra.displayName} scores instead of ${judge1.displayName}`,
    );
    await expect(organizerPage.getByTestId('entry-judge').filter({ hasText: extra.displayName })).toHaveAttribute('data-status', 'todo');
    await organizerPage.getByTestId('entry-judges-close').click();
    await expect(entryRow(D.code)).toContainText('3');

    await entryRow(A.code).getByTestId('progress-entry-judges').click();
    await organizerPage.getByTestId('entry-judges-pick').click();
    await organizerPage.getByRole('option', { name: new RegExp(extra.displayName) }).click();
    await organizerPage.getByTestId('entry-judges-save').click();
    await expect(organizerPage.getByTestId('entry-judges-notice')).toContainText(`${extra.displayName} is assigned`);
    await organizerPage.getByTestId('entry-judge').filter({ hasText: extra.displayName }).getByTestId('entry-judge-remove').click();
    await expect(organizerPage.getByTestId('entry-judges-notice')).toContainText(`${extra.displayName} was removed`);
    await expect(organizerPage.getByTestId('entry-judge')).toHaveCount(3);
    await organizerPage.getByTestId('entry-judges-close').click();

    // Closing names what is missing before anything happens.
    await organizerPage.goto(`/organize/judging?contest=${contest.id}&tab=rounds`);
    await organizerPage.getByTestId('round-card').filter({ hasText: 'Chung kết' }).getByTestId('round-close').click();
    await expect(organizerPage.getByTestId('confirm-body')).toContainText(`${D.code} ${D.title}: 2/3`);
    await organizerPage.getByTestId('confirm-ok').click();
    await expect(organizerPage.getByTestId('round-card').filter({ hasText: 'Chung kết' }).getByTestId('round-status')).toHaveText(/Closed/);

    // For the fourth judge, D (never scored, round closed) is no longer "to do".
    const extraPage = await (await browser.newContext()).newPage();
    await signIn(extraPage, extra.email, extra.password);
    await extraPage.goto('/judging');
    const missedRow = extraPage.getByTestId('assignment-row').filter({ hasText: D.code });
    await expect(missedRow.getByTestId('assignment-missed')).toHaveText('Not submitted · round closed');
    await expect(missedRow.getByTestId('assignment-action')).toHaveText(/View/);
    await expect(extraPage.getByTestId('filter-todo')).toContainText('(0)');

    // The ranking says D stands on fewer sheets than it should.
    await organizerPage.goto(`/organize/results?contest=${contest.id}&round=${contest.finalRoundId}`);
    await expect(organizerPage.getByTestId('results-missing-sheets')).toContainText(D.code, { timeout: 30_000 });
    await expect(organizerPage.getByTestId('ranking-row').filter({ hasText: D.title }).getByTestId('missing-sheets')).toHaveText(
      '1 sheet(s) missing',
    );
    await expect(organizerPage.getByTestId('ranking-row').filter({ hasText: A.title }).getByTestId('missing-sheets')).toHaveCount(0);

    // Awards and publication through the API; then the applicants' side.
    const organizer = await api.login('organizer@demo.laurel', 'laurel-demo');
    const proposal: { lines: { tier: string; entryId?: string }[] } = await api.call(
      'GET',
      `/api/contests/${contest.id}/awards/proposal`,
      organizer,
    );
    const awards = proposal.lines.filter((l) => l.entryId).map((l) => ({ tier: l.tier, entryId: l.entryId }));
    await api.call('POST', `/api/contests/${contest.id}/awards`, organizer, { awards });
    // The council (the final round's judges) signs off: three approvals cover ⌈2/3 · 4⌉ = 3.
    for (const judge of contest.judges.slice(0, 3)) await councilDecides(baseURL as string, contest.id, judge.token, 'approve');
    await api.call('POST', `/api/contests/${contest.id}/publish`, organizer, {});

    const applicant = await (await browser.newContext()).newPage();
    await signIn(applicant, A.email, A.password);
    await applicant.goto('/my-entries');
    const mineRow = applicant.getByTestId('my-entry').filter({ hasText: A.title });
    await expect(mineRow.getByTestId('my-entry-result')).toHaveText('First prize · ₫100,000,000');
    await expect(mineRow.getByTestId('my-entry-withdraw')).toHaveCount(0);
    await mineRow.getByTestId('my-entry-results').click();
    await expect(applicant).toHaveURL(new RegExp(`/results/${contest.slug}$`));

    const eliminated = await (await browser.newContext()).newPage();
    await eliminated.goto('/');
    await eliminated.evaluate(() => localStorage.setItem('laurel.lang', 'vi'));
    await eliminated.goto('/sign-in');
    await eliminated.getByTestId('sign-in-email').fill(F.email);
    await eliminated.getByTestId('sign-in-password').fill(F.password);
    await eliminated.getByTestId('sign-in-submit').click();
    await expect(eliminated.getByTestId('dashboard-heading')).toBeVisible();
    await eliminated.goto('/my-entries');
    await expect(eliminated.getByTestId('my-entry').filter({ hasText: F.title }).getByTestId('my-entry-result')).toHaveText(
      'Dừng ở Vòng sơ khảo',
    );

    // The contest list and the contest page lead to the published results.
    await eliminated.goto('/contests');
    const card = eliminated.locator('laurel-contest-card').filter({ hasText: contest.name });
    await expect(card.getByTestId('contest-card-results')).toBeVisible();
    await eliminated.goto(`/contests/${contest.slug}`);
    await eliminated.getByTestId('contest-results-link').click();
    await expect(eliminated).toHaveURL(new RegExp(`/results/${contest.slug}$`));
    await expect(eliminated.getByTestId('public-results-title')).toHaveText(contest.name);
  });

  test('Enter in the advance dialog goes to the confirmation step instead of reloading the page', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const contest = await setUpJudgedContest(baseURL as string, { stopAfterScreening: true });
    await signIn(page, 'organizer@demo.laurel', 'laurel-demo');
    await page.goto(`/organize/results?contest=${contest.id}&round=${contest.screeningRoundId}`);
    await expect(page.getByTestId('ranking-row')).toHaveCount(6, { timeout: 30_000 });
    await markWindow(page);
    await page.getByTestId('advance-open').click();
    await page.getByTestId('advance-top').fill('3');
    await page.getByTestId('advance-top').press('Enter');
    await expect(page.getByTestId('advance-confirm-text')).toContainText('3');
    await expectSameWindow(page);
  });
});
