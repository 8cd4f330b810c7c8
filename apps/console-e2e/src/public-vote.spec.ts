import { type Page, expect, test } from '@playwright/test';
import { tokenOfLink } from './support/mail';
import { confirmProposal, councilDecides, setUpJudgedContest } from './support/results-setup';

async function api(baseURL: string, method: string, path: string, token: string | null, body?: unknown): Promise<any> {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function login(baseURL: string, email: string): Promise<string> {
  return (await api(baseURL, 'POST', '/api/auth/login', null, { email, password: 'laurel-demo' })).accessToken;
}

/** Without SMTP_URL the outbox captures mail; the admin reads it, link included. */
async function capturedLink(baseURL: string, to: string): Promise<string> {
  const admin = await login(baseURL, 'admin@demo.laurel');
  for (let i = 0; i < 40; i++) {
    const mails: { to: string; template: string; text?: string | null }[] = await api(baseURL, 'GET', '/api/admin/mail', admin);
    const mail = (Array.isArray(mails) ? mails : ((mails as any).items ?? [])).find(
      (m: any) => m.to === to && m.template === 'vote_confirmation',
    );
    const link = mail?.text ? /https?:\/\/\S+\/vote\/confirm#token=\S+/.exec(mail.text)?.[0] : undefined;
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no vote confirmation mail to ${to}`);
}

async function phone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
}

test.describe('public vote', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a voter on a phone picks an entry, confirms by the mailed link, and the organizer sees the count and voids it', async ({
    page,
    baseURL,
  }) => {
    const base = baseURL as string;
    const contest = await setUpJudgedContest(base, { leaveFinalOpen: true });
    const organizer = await login(base, 'organizer@demo.laurel');
    const current = await api(base, 'GET', `/api/contests/${contest.id}`, organizer);
    const day = 24 * 60 * 60 * 1000;
    // The vote blends into the final, whose judges have scored but which is still open (votes
    // come in while the round runs; a closed round's ranking is final).
    await api(base, 'PATCH', `/api/contests/${contest.id}`, organizer, {
      version: current.version,
      publicVote: {
        enabled: true,
        roundId: contest.finalRoundId,
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + day).toISOString(),
        share: 0.2,
        scope: 'overall',
      },
    });

    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'vi'));
    await phone(page);
    await page.goto(`/vote/${contest.slug}`);
    await expect(page.getByTestId('ballot-title')).toHaveText(contest.name, { timeout: 30_000 });
    await expect(page.getByTestId('ballot-entry')).toHaveCount(4);
    await page.screenshot({ path: 'tmp/console-e2e/screens/ballot-vi-390.png', fullPage: false });
    await page.getByTestId('ballot-entry').filter({ hasText: contest.entries['C'].title }).click();
    await page.getByTestId('ballot-email').fill('Khan.Gia+phone@Example.vn');
    await page.screenshot({ path: 'tmp/console-e2e/screens/ballot-chosen-vi-390.png' });
    await page.getByTestId('ballot-submit').click();
    await expect(page.getByTestId('ballot-sent')).toContainText('Hãy kiểm tra hộp thư');

    const link = await capturedLink(base, 'khan.gia+phone@example.vn');
    await page.goto(new URL(link).pathname + new URL(link).hash);
    await expect(page.getByTestId('vote-counted')).toContainText(contest.entries['C'].title);
    await page.screenshot({ path: 'tmp/console-e2e/screens/vote-counted-vi-390.png' });

    for (const lang of ['vi', 'en']) {
      await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
      for (const width of [390, 820, 1280]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`/vote/${contest.slug}`);
        await expect(page.getByTestId('ballot-entry').first()).toBeVisible({ timeout: 30_000 });
        await page.getByTestId('ballot-entry').nth(1).click();
        await page.screenshot({ path: `tmp/console-e2e/screens/ballot-${lang}-${width}.png` });
      }
    }

    // The organizer's counts on the results page of the vote's round, and a void with a reason.
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
    await page.getByTestId('sign-in-password').fill('laurel-demo');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('dashboard-heading')).toBeVisible();
    await page.goto(`/organize/results?contest=${contest.id}&round=${contest.finalRoundId}`);
    await expect(page.getByTestId('vote-counts')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('vote-count-row').filter({ hasText: contest.entries['C'].title })).toContainText('1');
    // The ranking shows the blend's parts beside the score: C has the only vote, so 100.
    const cRow = page.getByTestId('ranking-row').filter({ hasText: contest.entries['C'].title });
    await expect(cRow.getByTestId('ranking-votes')).toHaveText('1');
    await expect(cRow.getByTestId('ranking-vote-score')).toContainText('100');
    await page.getByTestId('ranking-table').first().screenshot({ path: 'tmp/console-e2e/screens/ranking-vote-en-1280.png' });
    for (const lang of ['en', 'vi']) {
      await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
      for (const width of [1280, 820, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.reload();
        await expect(page.getByTestId('vote-counts')).toBeVisible({ timeout: 30_000 });
        await page.getByTestId('vote-counts').scrollIntoViewIfNeeded();
        await page.getByTestId('vote-counts').screenshot({ path: `tmp/console-e2e/screens/vote-counts-${lang}-${width}.png` });
      }
    }
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await expect(page.getByTestId('vote-counts')).toBeVisible({ timeout: 30_000 });
    // The settings as the organizer set them, in the contest editor's tab.
    await page.goto(`/organize/contests/${contest.id}`);
    await page.getByRole('tab', { name: 'Public vote' }).click();
    await expect(page.getByTestId('vote-share')).toHaveValue('20');
    await expect(page.getByTestId('vote-ballot-link')).toHaveText(`/vote/${contest.slug}`);
    await page.getByTestId('vote-settings').screenshot({ path: 'tmp/console-e2e/screens/vote-settings-en-1280.png' });
    await page.goto(`/organize/results?contest=${contest.id}&round=${contest.finalRoundId}`);
    await expect(page.getByTestId('vote-counts')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('vote-void').first().click();
    await page.getByTestId('vote-void-reason').fill('Test vote from the organizers’ office.');
    await page.getByTestId('vote-void-confirm').click();
    await expect(page.getByTestId('vote-totals')).toContainText('0 counted');
    await expect(page.getByTestId('vote-totals')).toContainText('1 voided');

    // A vote for D that stands; then the final closes, the awards are confirmed and approved, and
    // the contest publishes: the public results show the blend and its parts.
    const entryD = contest.entries['D'];
    await api(base, 'POST', `/api/public/contests/${contest.slug}/votes`, null, {
      entryId: entryD.id,
      email: 'lan.pham@example.vn',
      language: 'en',
    });
    const token = tokenOfLink(await capturedLink(base, 'lan.pham@example.vn'));
    await api(base, 'POST', '/api/public/votes/confirm', null, { token });
    await api(base, 'POST', `/api/rounds/${contest.finalRoundId}/close`, organizer, {});
    await confirmProposal(base, contest.id, {});
    for (const judge of contest.judges.slice(0, 2)) await councilDecides(base, contest.id, judge.token, 'approve');
    await api(base, 'POST', `/api/contests/${contest.id}/publish`, organizer, {});
    for (const [lang, width] of [
      ['en', 1280],
      ['en', 820],
      ['vi', 390],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/results/${contest.slug}`);
      await expect(page.getByTestId('public-blend')).toContainText(
        lang === 'en' ? '80 % judges + 20 % public vote' : '80 % điểm giám khảo + 20 % bình chọn',
        { timeout: 30_000 },
      );
      const votes = page.getByTestId('public-ranking').locator('tr').filter({ hasText: entryD.title }).getByTestId('public-votes');
      // On a phone the parts give way to the score; the line above the table states the blend.
      if (width > 600) await expect(votes).toHaveText('1');
      else await expect(votes).toBeHidden();
      await page.locator('section.pr-ranking').screenshot({ path: `tmp/console-e2e/screens/public-results-vote-${lang}-${width}.png` });
    }
  });
});
