import { type APIRequestContext, type Page, expect, test } from '@playwright/test';

// Mail reaches people here as it does on a machine without SMTP: captured by the API and read
// from the admin mailbox (GET /api/admin/mail), where the link a person must open is kept.

async function api(request: APIRequestContext, method: string, path: string, token?: string, data?: unknown) {
  const response = await request.fetch(`/api${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(data === undefined ? {} : { data }) });
  const body = await response.json().catch(() => null);
  expect(response.status(), `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

const signInApi = async (request: APIRequestContext, email: string, password = 'laurel-demo') =>
  (await api(request, 'POST', '/auth/login', undefined, { email, password })).accessToken as string;

/** The path (with its #token) of the newest captured mail of this template to this address. */
async function mailedPath(request: APIRequestContext, to: string, template: string): Promise<string> {
  const admin = await signInApi(request, 'admin@demo.laurel');
  let link: string | undefined;
  await expect
    .poll(async () => {
      const page = await api(request, 'GET', `/admin/mail?to=${encodeURIComponent(to)}`, admin);
      link = page.items.find((m: { template: string; status: string; actionUrl: string | null }) => m.template === template && m.status === 'captured')?.actionUrl;
      return link ?? null;
    }, { timeout: 20_000 })
    .not.toBeNull();
  const url = new URL(link as string);
  return `${url.pathname}${url.hash}`;
}

async function signIn(page: Page, email: string, password = 'laurel-demo'): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

test.describe('accounts and mail', () => {
  test('forgot password: the mailed link sets a new password, the old one stops working', async ({ page, request }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    await page.getByTestId('to-forgot').click();
    await page.getByTestId('forgot-email').fill('startup2@demo.laurel');
    await page.getByTestId('forgot-submit').click();
    await expect(page.getByTestId('forgot-sent')).toContainText('If an account uses startup2@demo.laurel');

    await page.goto(await mailedPath(request, 'startup2@demo.laurel', 'password_reset'));
    await page.getByTestId('reset-password').fill('a-brand-new-password');
    await page.getByTestId('reset-submit').click();
    await expect(page.getByTestId('dashboard-heading')).toBeVisible();

    const old = await request.post('/api/auth/login', { data: { email: 'startup2@demo.laurel', password: 'laurel-demo' } });
    expect(old.status()).toBe(401);
    expect((await request.post('/api/auth/login', { data: { email: 'startup2@demo.laurel', password: 'a-brand-new-password' } })).status()).toBe(200);
  });

  test('the organizer invites a judge, the judge opens the mail, accepts and sees the assignment', async ({ page, browser, request }) => {
    const email = `new.judge.${Date.now()}@hoidong.example.org`;
    await signIn(page, 'organizer@demo.laurel');
    await page.goto('/organize/judging');
    await page.getByTestId('invite-judge').click();
    // The dialog moves focus to the name once it has opened (cdkFocusInitial); typing before that
    // can land the organization's text in the name field.
    await expect(page.getByTestId('invite-name')).toBeFocused();
    await page.getByTestId('invite-name').fill('TS. Hoàng Thu Hà');
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-organization').fill('Viện Đổi mới');
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('invite-mailed')).toContainText(email);
    await page.getByTestId('invite-close').click();
    const row = page.getByTestId('panel-judges').locator('tr', { hasText: email });
    await expect(row.getByTestId('panel-judge-state')).toContainText('Invitation pending');

    // The judge, in a browser of their own, opens the link of the mail and chooses a password.
    const judgeContext = await browser.newContext();
    const judgePage = await judgeContext.newPage();
    await judgePage.goto('/');
    await judgePage.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await judgePage.goto(await mailedPath(request, email, 'judge_invitation'));
    await expect(judgePage.getByTestId('accept-intro')).toContainText('TS. Hoàng Thu Hà, you are invited to judge');
    await judgePage.getByTestId('accept-password').fill('judge-ha-password');
    await judgePage.getByTestId('accept-confirm').fill('judge-ha-password');
    await judgePage.getByTestId('accept-submit').click();
    await expect(judgePage.getByTestId('judging-heading')).toBeVisible();

    // The organizer puts the new judge on an entry of the open screening round.
    const organizer = await signInApi(request, 'organizer@demo.laurel');
    let contest = await api(request, 'GET', '/contests/startup-talent-2026', organizer);
    const lifecycle = ['draft', 'open', 'closed', 'judging'];
    for (const status of ['closed', 'judging']) {
      contest = await api(request, 'GET', `/contests/${contest.id}`, organizer);
      if (lifecycle.indexOf(contest.status) < lifecycle.indexOf(status)) await api(request, 'POST', `/contests/${contest.id}/status`, organizer, { status, version: contest.version });
    }
    contest = await api(request, 'GET', `/contests/${contest.id}`, organizer);
    const screening = [...contest.rounds].sort((a: { order: number }, b: { order: number }) => a.order - b.order)[0];
    if (screening.status === 'draft') await api(request, 'POST', `/rounds/${screening.id}/open`, organizer, {});
    const panel = await api(request, 'GET', `/contests/${contest.id}/judges`, organizer);
    const judge = panel.find((j: { email: string }) => j.email === email);
    expect(judge).toMatchObject({ status: 'accepted', mail: 'captured' });
    const entries = await api(request, 'GET', `/contests/${contest.id}/entries?status=submitted`, organizer);
    const entry = (entries.items ?? entries).find((e: { eligibility: string }) => e.eligibility === 'eligible');
    await api(request, 'POST', `/rounds/${screening.id}/assignments`, organizer, { entryId: entry.id, judgeId: judge.judgeId });

    await judgePage.reload();
    await expect(judgePage.getByTestId('assignment-row').first()).toContainText(entry.title);
    await page.reload();
    await expect(page.getByTestId('panel-judges').locator('tr', { hasText: email })).not.toContainText('Invitation pending');
    await judgeContext.close();
  });
});
