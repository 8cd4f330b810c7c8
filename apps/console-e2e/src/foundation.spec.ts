import { expect, test } from '@playwright/test';

test.describe('the console', () => {
  test('the demo organizer signs in, sees the dashboard, and switches to Vietnamese', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    await expect(page.getByTestId('sign-in-title')).toBeVisible();

    await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
    await page.getByTestId('sign-in-password').fill('laurel-demo');
    await page.getByTestId('sign-in-submit').click();

    await expect(page.getByTestId('dashboard-heading')).toBeVisible();
    await expect(page.getByTestId('dashboard-role-organizer')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-vi').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByText('Ban tổ chức').first()).toBeVisible();

    // The choice is remembered across a reload.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('dashboard-heading')).toBeVisible();
  });

  test('a wrong password says so', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error')).toBeVisible();
  });

  test('while the sign-in runs, its button says so, keeps its place and the focus, and another press or Enter sends nothing', async ({
    page,
  }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    // The request is held until the test has pressed again, so the pending state cannot end first.
    let logins = 0;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/login', async (route) => {
      logins += 1;
      await held;
      await route.continue();
    });
    await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
    await page.getByTestId('sign-in-password').fill('laurel-demo');
    const button = page.getByTestId('sign-in-submit');
    await expect(button).toHaveAccessibleName('Sign in');
    const idle = await button.boundingBox();

    await button.click();
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleName('Signing in…');
    await expect(button.locator('mat-progress-spinner')).toBeVisible();
    await expect(button).toBeFocused();
    expect(await button.boundingBox()).toEqual(idle);

    // aria-disabled: Playwright would wait for the button to be enabled, so the second press is forced.
    await button.click({ force: true });
    await page.getByTestId('sign-in-password').press('Enter');
    release();
    await expect(page.getByTestId('dashboard-heading')).toBeVisible();
    expect(logins).toBe(1);
  });

  test('visitors see the contests list read from the API, and deep links load the console', async ({ page }) => {
    await page.goto('/contests');
    await expect(page.getByTestId('contest-card').first()).toBeVisible();
    await expect(page.getByTestId('contest-name').first()).toContainText('Tìm kiếm tài năng khởi nghiệp');
  });
});
