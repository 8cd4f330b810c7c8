import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { requestCall, signUpVerified } from './support/mail';

// Mail reaches people here as it does on a machine without SMTP: captured by the API and read
// from the admin mailbox (GET /api/admin/mail), where the link a person must open is kept.

async function api(request: APIRequestContext, method: string, path: string, token?: string, data?: unknown) {
  const response = await request.fetch(`/api${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(data === undefined ? {} : { data }),
  });
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
    .poll(
      async () => {
        const page = await api(request, 'GET', `/admin/mail?to=${encodeURIComponent(to)}`, admin);
        link = page.items.find(
          (m: { template: string; status: string; actionUrl: string | null }) => m.template === template && m.status === 'captured',
        )?.actionUrl;
        return link ?? null;
      },
      { timeout: 20_000 },
    )
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
    expect(
      (await request.post('/api/auth/login', { data: { email: 'startup2@demo.laurel', password: 'a-brand-new-password' } })).status(),
    ).toBe(200);
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
      if (lifecycle.indexOf(contest.status) < lifecycle.indexOf(status))
        await api(request, 'POST', `/contests/${contest.id}/status`, organizer, { status, version: contest.version });
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

test.describe('people management', () => {
  test('the administrator finds a new team, makes it an organizer after confirming, disables it, and cannot remove the last administrator', async ({
    page,
    request,
  }) => {
    const email = `people.${Date.now()}@startup.example.vn`;
    await signUpVerified(requestCall(request), { email, password: 'people-pass-1', displayName: 'Đội Con Người' });
    await signIn(page, 'admin@demo.laurel');
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('users-heading')).toHaveText('Users & organizers');

    await page.getByTestId('users-search').fill(email);
    // The list follows the search after a short pause: wait for it before touching a row.
    const row = page.getByTestId('users-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(email);
    await expect(row).toContainText('Đội Con Người');

    // Cancelling leaves the switch as it was.
    await row.getByTestId('users-organizer').click();
    await expect(page.getByTestId('confirm-body')).toContainText(`Đội Con Người (${email}) becomes Organizer`);
    await page.getByTestId('confirm-cancel').click();
    await expect(row.getByTestId('users-organizer').getByRole('switch')).toHaveAttribute('aria-checked', 'false');

    await row.getByTestId('users-organizer').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('users-notice')).toContainText('Đội Con Người now has the Organizer role.');
    await expect(row.getByTestId('users-organizer').getByRole('switch')).toHaveAttribute('aria-checked', 'true');
    const login = await request.post('/api/auth/login', { data: { email, password: 'people-pass-1' } });
    expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toContain('organizer');

    await row.getByTestId('users-disable').click();
    await page.getByTestId('confirm-ok').click();
    await expect(row.getByTestId('users-status')).toContainText('Disabled');
    expect((await request.post('/api/auth/login', { data: { email, password: 'people-pass-1' } })).status()).toBe(403);

    // The only administrator cannot revoke their own role: the page says why.
    await page.getByTestId('users-search').fill('admin@demo.laurel');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('admin@demo.laurel');
    await row.getByTestId('users-admin').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('users-error')).toContainText('This is the last enabled administrator');
    await expect(row.getByTestId('users-admin').getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  });

  test('the administrator invites an organizer; the invitation travels only by mail and makes an organizer', async ({
    page,
    browser,
    request,
  }) => {
    const email = `organizer.${Date.now()}@techfest.example.vn`;
    await signIn(page, 'admin@demo.laurel');
    await page.goto('/admin/users');
    await page.getByTestId('users-invite').click();
    await expect(page.getByTestId('invite-account-name')).toBeFocused();
    await page.getByTestId('invite-account-name').fill('Ban tổ chức Techfest');
    await page.getByTestId('invite-account-email').fill(email);
    await page.getByTestId('invite-account-send').click();
    await expect(page.getByTestId('invite-account-sent')).toContainText(`The invitation is on its way to ${email}`);
    await page.getByTestId('invite-account-close').click();

    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto('/');
    await inviteePage.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await inviteePage.goto(await mailedPath(request, email, 'account_invitation'));
    await inviteePage.getByTestId('accept-password').fill('organizer-pass-1');
    await inviteePage.getByTestId('accept-confirm').fill('organizer-pass-1');
    await inviteePage.getByTestId('accept-submit').click();
    await expect(inviteePage).not.toHaveURL(/invitations\/accept/);
    const login = await request.post('/api/auth/login', { data: { email, password: 'organizer-pass-1' } });
    expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toEqual(['organizer']);
    await invitee.close();
  });
});
