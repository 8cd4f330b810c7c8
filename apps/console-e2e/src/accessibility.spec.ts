import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { setUpJudgedContest } from './support/results-setup';

// axe-core with the WCAG 2.1 A and AA rules on the main pages of each kind of person: the public,
// an applicant, a judge on the scoring page, the organizer on results (and a row's sheets), awards,
// the contest's steps, the dashboard and the audit trail. Zero violations.

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  // Let lazy pages and their data settle before reading them.
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(found, `${where}: ${found.join('\n')}`).toEqual([]);
}

test.describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  test('on a phone the language switch leaves the Laurel name readable', async ({ browser }) => {
    for (const lang of ['vi', 'en']) {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      await context.addInitScript((l) => localStorage.setItem('laurel.lang', l), lang);
      const page = await context.newPage();
      await page.goto('/contests');
      const name = await page.locator('.brand-name').boundingBox();
      const toggle = await page.getByTestId('lang-switch').boundingBox();
      expect(name && toggle).toBeTruthy();
      // The whole name sits left of the switch, nothing cut.
      expect((name?.x ?? 0) + (name?.width ?? 0)).toBeLessThanOrEqual(toggle?.x ?? 0);
      expect(await page.locator('.brand-name').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.screenshot({ path: `tmp/console-e2e/phone-shell-${lang}.png` });
      await context.close();
    }
  });

  test('on a phone the judges, entries and audit tables are cards that name each value, sort from the keyboard and have no violations', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const contest = await setUpJudgedContest(baseURL as string, { stopAfterScreening: true });
    const judge = contest.judges[0];
    /** Nothing in the table's box scrolls sideways, and the page itself does not either. */
    const fitsAcross = async (page: Page, table: string) => {
      const widths = await page.getByTestId(table).evaluate((el) => {
        const box = el.parentElement as HTMLElement;
        return { table: el.scrollWidth, box: box.clientWidth, page: document.documentElement.scrollWidth, view: window.innerWidth };
      });
      expect(widths.table, `${table}: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.box);
      expect(widths.page, `${table}: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.view);
    };
    for (const lang of ['vi', 'en']) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addInitScript((l) => localStorage.setItem('laurel.lang', l), lang);
      const page = await context.newPage();
      await signIn(page, 'organizer@demo.laurel', 'laurel-demo');
      const organization = lang === 'en' ? 'Organization' : 'Đơn vị';

      await page.goto(`/organize/judging?contest=${contest.id}`);
      const judgeRow = page.getByTestId('panel-judges').locator('tbody tr').filter({ hasText: judge.displayName });
      await expect(judgeRow).toBeVisible({ timeout: 30_000 });
      // The organization is read with its column's name, on one line beside it, not a word per line.
      const orgCell = judgeRow.locator('td').nth(1);
      await expect(orgCell).toHaveAttribute('data-label', new RegExp(organization, 'i'));
      expect((await orgCell.boundingBox())?.height ?? 99).toBeLessThan(40);
      await fitsAcross(page, 'panel-judges');
      await page.screenshot({ path: `tmp/console-e2e/phone-panel-${lang}.png` });
      await expectNoViolations(page, `${lang} phone panel`);

      await page.goto(`/organize/entries?contest=${contest.id}`);
      await expect(page.getByTestId('entry-row')).toHaveCount(6, { timeout: 30_000 });
      await fitsAcross(page, 'entries-table');
      // The sort buttons stay on a phone, and work from the keyboard.
      const codeHeader = page.getByTestId('entries-table').locator('th.mat-column-code');
      await expect(codeHeader).toBeVisible();
      await codeHeader.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await expect(codeHeader).toHaveAttribute('aria-sort', 'ascending');
      await page.screenshot({ path: `tmp/console-e2e/phone-entries-${lang}.png` });
      await expectNoViolations(page, `${lang} phone entries`);

      await page.goto(`/audit?contest=${contest.id}`);
      await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 30_000 });
      await fitsAcross(page, 'audit-table');
      await page.screenshot({ path: `tmp/console-e2e/phone-audit-${lang}.png` });
      await expectNoViolations(page, `${lang} phone audit`);
      await context.close();
    }
  });

  test('public, applicant, judge and organizer pages have no violations, in both languages', async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const contest = await setUpJudgedContest(baseURL as string, { leaveFinalOpen: true, unscoredFinal: [[0, 'D']] });

    for (const lang of ['vi', 'en']) {
      const context = await browser.newContext();
      await context.addInitScript((l) => localStorage.setItem('laurel.lang', l), lang);
      const page = await context.newPage();

      for (const path of ['/', '/contests', `/contests/${contest.slug}`, '/sign-in']) {
        await page.goto(path);
        await expectNoViolations(page, `${lang} ${path}`);
      }

      await context.close();

      const applicantContext = await browser.newContext();
      await applicantContext.addInitScript((l) => localStorage.setItem('laurel.lang', l), lang);
      const applicant = await applicantContext.newPage();
      await signIn(applicant, contest.entries['A'].email, contest.entries['A'].password);
      await applicant.goto('/my-entries');
      await expect(applicant.getByTestId('my-entry').first()).toBeVisible();
      await expectNoViolations(applicant, `${lang} applicant /my-entries`);
      await applicantContext.close();

      const judgeContext = await browser.newContext();
      await judgeContext.addInitScript((l) => localStorage.setItem('laurel.lang', l), lang);
      const judgePage = await judgeContext.newPage();
      const judge = contest.judges[0];
      await signIn(judgePage, judge.email, judge.password);
      await judgePage.goto('/judging');
      await judgePage.locator('[data-testid="assignment-row"][data-status="todo"]').first().getByTestId('assignment-action').click();
      await expect(judgePage.getByTestId('scoring-heading')).toBeVisible();
      await expectNoViolations(judgePage, `${lang} judge scoring page`);
      await judgeContext.close();

      const organizerContext = await browser.newContext();
      await organizerContext.addInitScript((l) => localStorage.setItem('laurel.lang', l), lang);
      const organizer = await organizerContext.newPage();
      await signIn(organizer, 'organizer@demo.laurel', 'laurel-demo');
      await organizer.goto(`/organize/results?contest=${contest.id}&round=${contest.screeningRoundId}`);
      await expect(organizer.getByTestId('ranking-row').first()).toBeVisible({ timeout: 30_000 });
      await expectNoViolations(organizer, `${lang} organizer results`);
      // A ranking row's sheets, the contest's steps, the dashboard's counts, the audit trail.
      await organizer.getByTestId('open-sheets').first().click();
      await expect(organizer.getByTestId('entry-sheet-row').first()).toBeVisible();
      await expectNoViolations(organizer, `${lang} organizer entry sheets`);
      await organizer.keyboard.press('Escape');
      await organizer.goto(`/organize/contests/${contest.id}`);
      await expect(organizer.getByTestId('stage-judging')).toHaveAttribute('data-state', 'current', { timeout: 30_000 });
      await expectNoViolations(organizer, `${lang} organizer contest steps`);
      await organizer.goto('/dashboard');
      await expect(organizer.getByTestId('glance-contest').first()).toBeVisible();
      await expectNoViolations(organizer, `${lang} organizer dashboard`);
      await organizer.goto(`/audit?contest=${contest.id}`);
      await expect(organizer.getByTestId('audit-row').first()).toBeVisible({ timeout: 30_000 });
      await expectNoViolations(organizer, `${lang} organizer audit`);
      await organizer.goto(`/organize/awards?contest=${contest.id}`);
      await expect(organizer.getByTestId('awards-heading').or(organizer.locator('h1')).first()).toBeVisible();
      await expectNoViolations(organizer, `${lang} organizer awards`);
      await organizerContext.close();
    }
  });
});
