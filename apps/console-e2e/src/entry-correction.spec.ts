import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { DEMO_SLUG, submittedEntry } from './support/entries';

// The organizer corrects a submitted entry's team in the console: the members editor keeps to the
// contest's team-size rule, a mentor's name corrected to a judge's name makes that judge's
// conflict of interest appear (and the page says so), and a correction made on an old version is
// refused with a way to reload.

const JUDGE = 'ThS. Trần Thị Bình';

async function organizerToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email: 'organizer@demo.laurel', password: 'laurel-demo' } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

async function signInAsOrganizer(page: Page, lang: 'vi' | 'en'): Promise<void> {
  await page.goto('/');
  await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill('organizer@demo.laurel');
  await page.getByTestId('sign-in-password').fill('laurel-demo');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('dashboard-heading')).toBeVisible();
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
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

test.describe("the organizer's correction of a submitted entry's team", () => {
  // A fresh applicant, an upload and two lazy feature chunks: give a busy machine room.
  test.describe.configure({ timeout: 240_000 });

  test("correcting a mentor's name to a judge's makes that judge's conflict appear, and the page shows it", async ({ page, request }) => {
    const token = await organizerToken(request);
    const headers = { authorization: `Bearer ${token}` };
    // The contest's rules: at most 3 members (the demo contest is open, so its rules may change).
    const contest = (await (await request.get(`/api/contests/${DEMO_SLUG}`, { headers })).json()) as {
      id: string;
      version: number;
      eligibilityRules: unknown[];
    };
    const ruled = await request.patch(`/api/contests/${contest.id}`, {
      headers,
      data: {
        version: contest.version,
        eligibilityRules: [
          ...contest.eligibilityRules,
          {
            id: 'team-max-3',
            kind: 'max_team_size',
            params: { max: 3 },
            message: { vi: 'Tối đa 3 thành viên.', en: 'At most 3 members.' },
          },
        ],
      },
    });
    expect(ruled.status()).toBe(200);

    // The team wrote its mentor's name with a typo and no e-mail: no judge matches it yet.
    const entry = await submittedEntry(request, `Phao đo nước ${Date.now()}`, [
      { name: 'Nguyễn Thị Lan', role: 'Trưởng nhóm', email: 'lan@example.com' },
      { name: 'Trần Thị Bính', role: 'Cố vấn', email: null },
    ]);

    await signInAsOrganizer(page, 'en');
    await page.goto(`/organize/entries/${entry.id}?contest=${entry.contestId}`);
    await expect(page.getByTestId('entry-member-row')).toHaveCount(2, { timeout: 30_000 });
    await page.getByTestId('correction-open').click();

    // The members editor: the two members, within 1..3 as the rules say.
    const form = page.getByTestId('correction-form');
    const rows = form.getByTestId('entry-member');
    await expect(rows).toHaveCount(2);
    await expect(form.getByTestId('correction-team-size')).toHaveText('Under this contest’s rules a team has 1 to 3 members.');
    await form.getByTestId('entry-member-add').click();
    await expect(rows).toHaveCount(3);
    await expect(form.getByTestId('entry-member-add')).toHaveCount(0);
    await expect(form.getByTestId('entry-members-max')).toHaveText('At most 3 members.');
    // A new member left empty is not sent: the form says what is missing.
    await form.getByTestId('correction-reason').fill('The registration letter names the mentor.');
    await form.getByTestId('correction-save').click();
    await expect(form.getByTestId('correction-invalid')).toBeVisible();
    await expect(rows.nth(2).getByText('Enter the full name.')).toBeVisible();
    await page.screenshot({ path: 'tmp/console-e2e/screens/entry-correction-three-en-1280.png' });
    await rows.nth(2).getByTestId('entry-member-remove').click();
    await expect(rows).toHaveCount(2);
    await expect(form.getByTestId('entry-member-add')).toBeVisible();

    await expectNoAxeViolations(page, 'the correction form');

    // The mentor's name as the registration letter writes it: the judge's.
    await rows.nth(1).getByTestId('entry-member-name').fill(JUDGE);
    await form.getByTestId('correction-save').click();
    await expect(page.getByTestId('correction-message')).toHaveText(
      'Corrected. The conflicts of interest of this entry’s judges were checked again.',
    );
    await expect(page.getByTestId('correction-form')).toHaveCount(0);
    await expect(page.getByTestId('entry-member-row').nth(1)).toContainText(JUDGE);
    const appeared = page.getByTestId('correction-conflict-appeared');
    await expect(appeared).toHaveCount(1);
    await expect(appeared).toContainText(JUDGE);
    await expect(appeared).toContainText('Member of the team');
    await expect(page.getByTestId('correction-conflict-went')).toHaveCount(0);
    await expectNoAxeViolations(page, 'the correction and its conflicts');
    await page.getByTestId('correction-conflicts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tmp/console-e2e/screens/entry-correction-done-en.png' });

    // The conflicts list holds it too.
    await page.getByTestId('correction-conflicts-link').click();
    const conflict = page.getByTestId('conflicts-table').locator('tr', { hasText: entry.code });
    await expect(conflict).toContainText(JUDGE, { timeout: 30_000 });
    await expect(conflict).toContainText('Member of the team');
  });

  test('a correction made on an old version is refused with a way to reload, then goes through', async ({ page, request }) => {
    const token = await organizerToken(request);
    const entry = await submittedEntry(request, `Cảm biến mặn ${Date.now()}`);
    await signInAsOrganizer(page, 'vi');
    await page.goto(`/organize/entries/${entry.id}?contest=${entry.contestId}`);
    await expect(page.getByTestId('entry-member-row')).toHaveCount(1, { timeout: 30_000 });
    await page.getByTestId('correction-open').click();
    const form = page.getByTestId('correction-form');
    // One member, the fewest: it cannot be removed, and the editor says why.
    await expect(form.getByTestId('entry-member-remove')).toBeDisabled();
    await expect(form.getByTestId('entry-members-min')).toHaveText('Đội cần từ 1 thành viên trở lên.');

    // How the form looks at a phone's, a tablet's and a desktop's width, in both languages.
    for (const lang of ['vi', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('laurel.lang', l), lang);
      await page.reload();
      await page.getByTestId('correction-open').click();
      for (const width of [390, 820, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.getByTestId('correction-form').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `tmp/console-e2e/screens/entry-correction-${lang}-${width}.png` });
      }
    }
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'vi'));
    await page.reload();
    await page.getByTestId('correction-open').click();

    // Someone else corrects the entry meanwhile (version 2 → 3).
    const current = (await (await request.get(`/api/entries/${entry.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      version: number;
    };
    const other = await request.post(`/api/entries/${entry.id}/correction`, {
      headers: { authorization: `Bearer ${token}` },
      data: { version: current.version, organization: 'Đại học Hàng hải Việt Nam', reason: 'Theo thư đăng ký.' },
    });
    expect(other.status()).toBe(200);

    await form.getByTestId('entry-member-role').first().fill('Trưởng nhóm kỹ thuật');
    await form.getByTestId('correction-reason').fill('Vai trò ghi trong biên bản họp đội.');
    await form.getByTestId('correction-save').click();
    const message = page.getByTestId('correction-message');
    await expect(message).toContainText('Có người khác vừa thay đổi nội dung này.');
    await page.getByTestId('correction-reload').click();
    // The entry as it now is, in the form again, the reason kept; the role is typed again.
    await expect(form.getByTestId('correction-organization')).toHaveValue('Đại học Hàng hải Việt Nam');
    await expect(form.getByTestId('correction-reason')).toHaveValue('Vai trò ghi trong biên bản họp đội.');
    await form.getByTestId('entry-member-role').first().fill('Trưởng nhóm kỹ thuật');
    await form.getByTestId('correction-save').click();
    await expect(message).toHaveText('Đã sửa. Xung đột lợi ích giữa hồ sơ và các giám khảo được kiểm tra lại.');
    await expect(page.getByTestId('entry-member-row').first()).toContainText('Trưởng nhóm kỹ thuật');
    await expect(page.getByTestId('entry-organization')).toHaveText('Đại học Hàng hải Việt Nam');
    await expect(page.getByTestId('correction-conflicts')).toContainText('Không xung đột lợi ích nào của hồ sơ thay đổi.');
  });
});
