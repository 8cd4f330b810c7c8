import { expect, test } from '@playwright/test';
import { DEMO_SLUG, submittedEntry } from './support/entries';

async function signInAsOrganizer(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
  await page.getByTestId('sign-in-password').fill('laurel-demo');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

test.describe('organizer pages', () => {
  // Two lazy feature chunks, a fresh applicant and an upload: give a busy machine room.
  test.describe.configure({ timeout: 180_000 });

  test('the demo organizer sees the rubric as shares of the total, and they follow a new criterion', async ({ page }) => {
    await signInAsOrganizer(page);
    await page.goto('/organize/contests');
    await page.getByTestId('organize-contest-link').filter({ hasText: 'Tìm kiếm tài năng khởi nghiệp' }).first().click();
    await expect(page.getByTestId('editor-heading')).toContainText('Tìm kiếm tài năng khởi nghiệp', { timeout: 30_000 });
    await expect(page.getByTestId('contest-status')).toHaveText(/open/i);

    await page.getByRole('tab', { name: 'Rounds & rubric' }).click();
    await page.getByTestId('edit-round-1').click();

    const criteria = page.getByTestId('criterion');
    await expect(criteria).toHaveCount(6, { timeout: 30_000 });
    const first = criteria.first();
    await expect(first.getByTestId('criterion-name')).toHaveValue('Tính đổi mới sáng tạo');
    // Weights 25, 20, 20, 15, 10, 10: total 100, so 25 is 25 %.
    await expect(first.getByTestId('criterion-share')).toHaveText('25 %');
    await expect(page.getByTestId('rubric-total')).toContainText('100');

    await page.getByTestId('add-criterion').click();
    await expect(criteria).toHaveCount(7);
    const added = criteria.last();
    await added.getByTestId('criterion-name').fill('Tính bền vững');
    await added.getByTestId('criterion-weight').fill('25');
    await added.getByTestId('criterion-max').fill('25');
    // Total 125 now: 25 / 125 = 20 % for both, 20 / 125 = 16 % for the second.
    await expect(first.getByTestId('criterion-share')).toHaveText('20 %');
    await expect(added.getByTestId('criterion-share')).toHaveText('20 %');
    await expect(criteria.nth(1).getByTestId('criterion-share')).toHaveText('16 %');
    await expect(page.getByTestId('rubric-total')).toContainText('125');

    // Keyboard users reorder with the buttons: the new criterion moves up one place.
    await added.getByRole('button', { name: 'Move “Tính bền vững” up' }).click();
    await expect(criteria.nth(5).getByTestId('criterion-name')).toHaveValue('Tính bền vững');

    // Leave the shared demo rubric as it was.
    await page.getByTestId('round-cancel').click();
    await expect(page.getByTestId('rounds-list')).toBeVisible();
  });

  test('the organizer finds a submitted entry by search, opens it and marks it eligible', async ({ page, request }) => {
    const title = `Phao cảm biến ${Date.now()}`;
    const entry = await submittedEntry(request, title);

    await signInAsOrganizer(page);
    await page.goto(`/organize/entries?contest=${entry.contestId}`);
    await expect(page.getByTestId('entries-table')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('entries-search').fill(entry.code);

    const rows = page.getByTestId('entry-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(title);
    await expect(rows.first().getByTestId('row-eligibility')).toHaveText('Not screened');

    await rows.first().getByTestId('entry-link').click();
    await expect(page.getByTestId('entry-title')).toHaveText(title, { timeout: 30_000 });
    await expect(page.getByTestId('entry-code')).toContainText(entry.code);
    await expect(page.getByText('pitch-deck.pdf')).toBeVisible();
    await expect(page.getByTestId('eligibility-decision')).toHaveText('Not screened yet.');

    // Not eligible needs a reason; the page says so before sending anything.
    await page.getByRole('radio', { name: 'Not eligible' }).check();
    await page.getByTestId('eligibility-save').click();
    await expect(page.getByText('A reason is required when the entry is not eligible.').last()).toBeVisible();

    await page.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await page.getByTestId('eligibility-save').click();
    await expect(page.getByTestId('eligibility-message')).toHaveText('Recorded.');
    await expect(page.getByTestId('entry-eligibility')).toHaveText('Eligible');
    await expect(page.getByTestId('eligibility-decision')).toContainText('Eligible — recorded by you on');

    // The list shows the decision too.
    await page.getByTestId('entry-back').click();
    await expect(page).toHaveURL(new RegExp(`contest=${entry.contestId}`));
    await page.getByTestId('entries-search').fill(entry.code);
    await expect(page.getByTestId('entry-row')).toHaveCount(1);
    await expect(page.getByTestId('entry-row').first().getByTestId('row-eligibility')).toHaveText('Eligible');
  });

  test("the organizer corrects a submitted entry's organization, saying why", async ({ page, request }) => {
    const title = `Cảng xanh ${Date.now()}`;
    const entry = await submittedEntry(request, title);

    await signInAsOrganizer(page);
    await page.goto(`/organize/entries/${entry.id}?contest=${entry.contestId}`);
    await expect(page.getByTestId('entry-title')).toHaveText(title, { timeout: 30_000 });
    await expect(page.getByTestId('entry-organization')).toHaveText('—');

    await page.getByTestId('correction-open').click();
    await page.getByTestId('correction-organization').fill('Đại học Hàng hải Việt Nam');
    // Without a reason nothing is sent, and the page says why.
    await page.getByTestId('correction-save').click();
    await expect(page.getByText('Say why the submitted entry is corrected: the audit trail keeps it.')).toBeVisible();
    await expect(page.getByTestId('entry-organization')).toHaveText('—');

    await page.getByTestId('correction-reason').fill('The team named its university in its registration letter.');
    await page.getByTestId('correction-save').click();
    await expect(page.getByTestId('correction-message')).toHaveText(
      'Corrected. The conflicts of interest of this entry’s judges were checked again.',
    );
    await expect(page.getByTestId('entry-organization')).toHaveText('Đại học Hàng hải Việt Nam');
    await expect(page.getByTestId('correction-form')).toHaveCount(0);

    // The API holds it, a version further on.
    const stored = await request.get(`/api/entries/${entry.id}`, {
      headers: { authorization: `Bearer ${await page.evaluate(() => localStorage.getItem('laurel.token'))}` },
    });
    expect(((await stored.json()) as { organization: string | null }).organization).toBe('Đại học Hàng hải Việt Nam');
  });

  test("the demo contest's entry that fails its rules shows each rule's outcome, and eligible needs a reason", async ({
    page,
    request,
  }) => {
    const contest = (await (await request.get(`/api/contests/${DEMO_SLUG}`)).json()) as { id: string };
    await signInAsOrganizer(page);
    await page.goto(`/organize/entries?contest=${contest.id}`);
    await expect(page.getByTestId('entries-table')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('entry-row').first()).toBeVisible();
    // At 1280 px every column, Submitted included, fits the content area: no sideways scroll.
    const table = page.getByTestId('entries-table');
    const box = table.locator('xpath=..');
    expect(await box.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(0);
    await expect(table.getByRole('columnheader', { name: /Submitted/ })).toBeInViewport({ ratio: 1 });
    await page.getByTestId('entries-search').fill('ST26-007');
    const row = page.getByTestId('entry-row');
    await expect(row).toHaveCount(1);
    // Five rules apply to a company; it fails the founding date, the team size and the province.
    await expect(row.getByTestId('row-rules')).toContainText('2/5 met');
    await row.getByTestId('entry-link').click();

    const checks = page.getByTestId('eligibility-checks').locator('li');
    await expect(checks).toHaveCount(5, { timeout: 30_000 });
    await expect(page.locator('[data-rule="founded-5-years"]')).toHaveAttribute('data-passed', 'false');
    await expect(page.locator('[data-rule="founded-5-years"]')).toContainText(
      'The company must have been founded at most 5 years before the deadline.',
    );
    await expect(page.locator('[data-rule="team-of-5"]')).toHaveAttribute('data-passed', 'false');
    await expect(page.locator('[data-rule="in-hai-phong"]')).toHaveAttribute('data-passed', 'false');
    await expect(page.locator('[data-rule="two-per-organization"]')).toHaveAttribute('data-passed', 'true');
    await expect(page.locator('[data-rule="accepts-rules"]')).toHaveAttribute('data-passed', 'true');
    // The answers the rules read, in the reader's language.
    await expect(page.getByTestId('entry-answers')).toContainText('Quảng Ninh');
    await expect(page.getByTestId('entry-answers')).toContainText('Core team size');

    await page.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await expect(page.getByTestId('override-hint')).toBeVisible();
  });
});
