import { expect, test } from '@playwright/test';

test.describe('audit trail', () => {
  test('the demo organizer opens the audit page, picks the demo contest and verifies the chain', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
    await page.getByTestId('sign-in-password').fill('laurel-demo');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('dashboard-heading')).toBeVisible();

    await page.goto('/audit');
    await expect(page.getByTestId('audit-heading')).toBeVisible();
    await page.getByTestId('audit-contest').click();
    await page.getByRole('option', { name: /Tìm kiếm tài năng/ }).click();
    await expect(page.getByTestId('audit-table')).toBeVisible();

    await page.getByTestId('audit-verify-button').click();
    const result = page.getByTestId('audit-verify-result');
    await expect(result).toContainText(/\d/);
    await expect(result).toContainText('events of this contest check out');
  });
});
