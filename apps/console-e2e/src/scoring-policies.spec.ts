import { type Page, expect, test } from '@playwright/test';
import { setUpJudgedContest } from './support/results-setup';

async function signInAsOrganizer(page: Page, lang: 'en' | 'vi' = 'en'): Promise<void> {
  await page.goto('/');
  await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
  await page.getByTestId('sign-in-password').fill('laurel-demo');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

async function organizerToken(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'organizer@demo.laurel', password: 'laurel-demo' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function getJson(baseURL: string, path: string, token: string): Promise<any> {
  return (await fetch(`${baseURL}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
}

test.describe('the contest’s own scoring rules', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the advance dialog previews each gate, names why an entry stays out, and advances what it showed', async ({ page, baseURL }) => {
    // Screening totals (T = 4·v1 + 3.5·v2 + 2.5·v3), B's team criterion 0 from every judge:
    // A 84.67, C 71, B 62.5 (team mean 0), D 57.83, E 56.67, F 43.33.
    // Gates top 3, minimum 50, no criterion scored 0: B fails zero_criterion, F is below 50;
    // passing A, C, D, E → A, C, D advance; E passed the gates but is not in the top 3.
    const contest = await setUpJudgedContest(baseURL as string, { stopAfterScreening: true, zeroTeam: { round: 'screening', key: 'B' } });
    const { A, B, C, D, E, F } = contest.entries;
    await signInAsOrganizer(page);
    await page.goto(`/organize/results?contest=${contest.id}&round=${contest.screeningRoundId}`);
    await expect(page.getByTestId('ranking-row').first()).toContainText(A.title, { timeout: 30_000 });
    await page.getByTestId('advance-open').click();

    await page.getByTestId('advance-top').fill('3');
    await page.getByTestId('advance-gate-min').locator('input').check();
    await page.getByTestId('advance-min').fill('50');
    await page.getByTestId('advance-gate-zero').locator('input').check();
    const row = (title: string) => page.getByTestId('advance-preview-row').filter({ hasText: title });
    await expect(row(A.title)).toHaveAttribute('data-advances', 'true');
    await expect(row(C.title)).toHaveAttribute('data-advances', 'true');
    await expect(row(D.title)).toHaveAttribute('data-advances', 'true');
    await expect(row(B.title).getByTestId('advance-verdict')).toHaveText('A criterion scored 0 by every judge');
    await expect(row(E.title).getByTestId('advance-verdict')).toHaveText('Passed the gates, but not in the top 3');
    await expect(row(F.title).getByTestId('advance-verdict')).toHaveText('Below the minimum score');

    for (const width of [1280, 820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `tmp/console-e2e/screens/advance-gates-en-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByTestId('advance-review').click();
    await expect(page.getByTestId('advance-confirm-text')).toContainText('3 entries');
    await page.getByTestId('advance-confirm').click();
    await expect(page.getByTestId('advance-confirm')).toBeHidden();
    const token = await organizerToken(baseURL as string);
    const results = await getJson(baseURL as string, `/api/rounds/${contest.screeningRoundId}/results`, token);
    const advanced = results.entries
      .filter((e: any) => e.outcome === 'advanced')
      .map((e: any) => e.entryId)
      .sort();
    expect(advanced).toEqual([A.id, C.id, D.id].sort());
  });

  test('the awards proposal shows the entry the noZeroCriterion gate passed over, in Vietnamese too', async ({ page, baseURL }) => {
    // Final: A ≈ 95, C 73.33, D 63.33, B 62.5 with its team criterion 0 from every judge. Prizes
    // first, second, third and two encouragements: A, C, D take the first three; B is passed
    // over by the gate, and the encouragement places stay unawarded.
    const contest = await setUpJudgedContest(baseURL as string, { noZeroCriterion: true, zeroTeam: { round: 'final', key: 'B' } });
    await signInAsOrganizer(page, 'vi');
    await page.goto(`/organize/awards?contest=${contest.id}`);
    await expect(page.getByTestId('awards-proposal')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('awards-no-zero')).toBeVisible();
    const skipped = page.getByTestId('awards-skipped-row');
    await expect(skipped).toHaveCount(1);
    await expect(skipped).toContainText(contest.entries['B'].title);
    await expect(skipped).toContainText('Có tiêu chí bị mọi giám khảo chấm 0');
    for (const width of [1280, 820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId('awards-skipped').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tmp/console-e2e/screens/awards-skipped-vi-${width}.png` });
    }
  });

  test('the organizer sets the prize gate on a contest and divergence review on a round', async ({ page, baseURL }) => {
    const token = await organizerToken(baseURL as string);
    const day = 24 * 60 * 60 * 1000;
    const slug = `quy-dinh-${Date.now().toString(36)}`;
    const created = await (
      await fetch(`${baseURL}/api/contests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          name: `Quy định chấm ${slug}`,
          slug,
          year: 2026,
          submissionOpensAt: new Date(Date.now() + day).toISOString(),
          submissionClosesAt: new Date(Date.now() + 30 * day).toISOString(),
          categories: [{ name: 'Chung' }],
          prizes: [{ tier: 'first', count: 1 }],
        }),
      })
    ).json();
    await fetch(`${baseURL}/api/contests/${created.id}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: 'Sơ khảo',
        order: 1,
        panel: 'assigned',
        judgesPerEntry: 2,
        aggregation: 'mean',
        criteria: [{ name: 'Ý tưởng', weight: 100, maxScore: 10 }],
      }),
    });

    await signInAsOrganizer(page);
    await page.goto(`/organize/contests/${created.id}`);
    await expect(page.getByTestId('editor-heading')).toContainText('Quy định chấm', { timeout: 30_000 });
    await expect(page.getByTestId('details-no-zero').locator('input')).not.toBeChecked();
    await page.getByTestId('details-no-zero').locator('input').check();
    await page.getByTestId('details-save').click();
    await expect.poll(async () => (await getJson(baseURL as string, `/api/contests/${created.id}`, token)).noZeroCriterion).toBe(true);

    await page.getByRole('tab', { name: 'Rounds & rubric' }).click();
    await page.getByTestId('edit-round-1').click();
    await page.getByTestId('round-divergence').fill('20');
    await page.getByTestId('round-max-extra').fill('2');
    // The deadline in the browser's zone (Asia/Ho_Chi_Minh, UTC+7) and the reminder's lead time.
    await expect(page.getByTestId('round-reminder-hours')).toHaveValue('24');
    await page.getByTestId('round-scores-due').fill('2027-05-20T17:00');
    await page.getByTestId('round-reminder-hours').fill('36');
    await page.getByTestId('round-save').click();
    await expect
      .poll(async () => (await getJson(baseURL as string, `/api/contests/${created.id}`, token)).rounds[0])
      .toMatchObject({ divergenceThreshold: 20, maxExtraJudges: 2, scoresDueAt: '2027-05-20T10:00:00.000Z', reminderHoursBefore: 36 });
    // Opened again, the editor shows the deadline as saved.
    await page.getByTestId('edit-round-1').click();
    await expect(page.getByTestId('round-scores-due')).toHaveValue('2027-05-20T17:00');
  });
});
