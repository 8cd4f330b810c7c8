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

  test('visitors see the contests list read from the API, and deep links load the console', async ({ page }) => {
    await page.goto('/contests');
    await expect(page.getByTestId('contest-card').first()).toBeVisible();
    await expect(page.getByTestId('contest-name').first()).toContainText('Tìm kiếm tài năng khởi nghiệp');
  });
});
