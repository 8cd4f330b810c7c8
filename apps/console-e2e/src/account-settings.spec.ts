import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';

// Without SMTP_URL the API captures mail; the admin mailbox page is where a person (or this test)
// reads it.

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

async function expectNoViolations(page: Page, where: string): Promise<void> {
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

async function signIn(page: Page, email: string, password: string, lang: 'vi' | 'en' = 'en'): Promise<void> {
  await page.goto('/');
  await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

test.describe('one’s own account and the admin’s outbox', () => {
  const email = `settings-${Date.now()}@startup.vn`;

  test('chooses the language of mail, changes the password, and signs out everywhere', async ({ page, request }) => {
    await request.post('/api/auth/register', { data: { email, password: 'first-password-1', displayName: 'Lan', language: 'vi' } });
    await signIn(page, email, 'first-password-1');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('account-link').click();
    await expect(page.getByTestId('account-heading')).toHaveText('Your account');
    await expect(page.getByTestId('account-email')).toHaveText(email);
    await expect(page.getByTestId('profile-language-vi')).toHaveClass(/checked/);
    await expectNoViolations(page, 'en /account');

    // English mail from now on, and a fuller name.
    await page.getByTestId('profile-name').fill('Trần Thị Lan');
    await page.getByTestId('profile-language-en').click();
    await page.getByTestId('profile-save').click();
    await expect(page.getByTestId('profile-saved')).toContainText('Your next mails will be written in English');
    await expect(page.getByTestId('user-menu')).toContainText('Trần Thị Lan');
    const me = await api(
      request,
      'GET',
      '/auth/me',
      await (await request.post('/api/auth/login', { data: { email, password: 'first-password-1' } })).json().then((b) => b.accessToken),
    );
    expect(me).toMatchObject({ displayName: 'Trần Thị Lan', language: 'en' });

    // A wrong current password is named as such; nothing changes.
    await page.getByTestId('password-current').fill('not-my-password');
    await page.getByTestId('password-new').fill('second-password-2');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-error')).toContainText('The current password is not right');

    // A new password the API refuses says which rule it broke (its field problem code), not every rule.
    await page.getByTestId('password-current').fill('first-password-1');
    await page.getByTestId('password-new').fill(email);
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-error')).toHaveText(
      'The password is not acceptable. Not your e-mail address: choose something others cannot guess from it.',
    );
    await page.getByTestId('password-new').fill('second-password-2');

    // Another session (a second device) ends with the change; this one goes on.
    const otherDevice = (await (await request.post('/api/auth/login', { data: { email, password: 'first-password-1' } })).json())
      .accessToken;
    await page.getByTestId('password-current').fill('first-password-1');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-changed')).toBeVisible();
    expect((await request.post('/api/auth/login', { data: { email, password: 'first-password-1' } })).status()).toBe(401);
    await expect
      .poll(async () => (await request.get('/api/auth/me', { headers: { authorization: `Bearer ${otherDevice}` } })).status(), {
        timeout: 5_000,
      })
      .toBe(401);
    await page.reload();
    await expect(page.getByTestId('account-heading')).toBeVisible();

    // Sign out everywhere: asked first, then every session ends, this one included.
    const thirdDevice = (await (await request.post('/api/auth/login', { data: { email, password: 'second-password-2' } })).json())
      .accessToken;
    await page.getByTestId('sign-out-everywhere').click();
    await expect(page.getByTestId('sign-out-everywhere-confirm')).toContainText('Every session of your account ends, this one included.');
    await page.getByTestId('sign-out-everywhere-cancel').click();
    await expect(page.getByTestId('sign-out-everywhere-confirm')).toHaveCount(0);
    await page.getByTestId('sign-out-everywhere').click();
    await page.getByTestId('sign-out-everywhere-yes').click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect
      .poll(async () => (await request.get('/api/auth/me', { headers: { authorization: `Bearer ${thirdDevice}` } })).status(), {
        timeout: 5_000,
      })
      .toBe(401);
  });

  test('the admin reads the outbox: the captured mail in the language its recipient chose, with its text', async ({ page, request }) => {
    // The person of the test above asks for a reset link: written in English now.
    await api(request, 'POST', '/auth/password-reset', undefined, { email });
    await signIn(page, 'admin@demo.laurel', 'laurel-demo', 'vi');
    await page.getByTestId('nav-mailbox').click();
    await expect(page.getByTestId('mailbox-heading')).toHaveText('Hộp thư đi');
    await page.getByTestId('mailbox-to').fill(email);
    const item = page.getByTestId('mailbox-item').filter({ hasText: 'Reset your Laurel password' });
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('mailbox-item-status')).toHaveText('Giữ lại (không SMTP)');
    await expect(item.getByTestId('mailbox-item-to')).toHaveText(email);
    await item.getByTestId('mailbox-item-toggle').click();
    await expect(item.getByTestId('mailbox-item-text')).toContainText('Hello Trần Thị Lan,');
    await expect(item.getByTestId('mailbox-item-link')).toHaveAttribute('href', /\/reset-password#token=/);
    await expectNoViolations(page, 'vi /admin/mail');
    // Only captured mail matches the captured filter; nothing has failed here.
    await page.getByTestId('mailbox-status').click();
    await page.getByRole('option', { name: 'Lỗi' }).click();
    await expect(page.getByText('Không có thư nào')).toBeVisible();
  });

  test('the outbox is the admin’s alone', async ({ page }) => {
    await signIn(page, 'organizer@demo.laurel', 'laurel-demo');
    await expect(page.getByTestId('nav-mailbox')).toHaveCount(0);
    await page.goto('/admin/mail');
    await expect(page.getByTestId('mailbox-heading')).toHaveCount(0);
  });
});
