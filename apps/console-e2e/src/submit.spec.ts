import { expect, test } from '@playwright/test';
import { answersFor } from './support/answers';
import { mailedLink, requestCall } from './support/mail';

// The smallest file a PDF reader accepts: a catalog, one empty page, a trailer. The API reads
// the type from the bytes (`%PDF-`), so this passes as a pitch deck.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test.describe('an applicant submits an entry', () => {
  test('signs up from the demo contest, confirms the address from the mail, fills the stepper, uploads a PDF, submits and sees the code', async ({
    page,
    request,
  }) => {
    // Six steps, an upload and three pages: longer than the default minute on a busy machine.
    test.setTimeout(180_000);
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));

    // The public contest page, reached from the contest list.
    await page.goto('/contests');
    await page.getByTestId('contest-details').first().click();
    await expect(page.getByTestId('contest-page-name')).toContainText('Tìm kiếm tài năng khởi nghiệp');
    await expect(page.getByTestId('contest-rubric')).toBeVisible();
    await expect(page.getByTestId('contest-prizes')).toBeVisible();
    await expect(page.getByTestId('contest-countdown')).toBeVisible();

    // Signed out, the call to action signs up first and comes back to a new entry of this contest.
    await page.getByTestId('contest-cta').click();
    await page.getByTestId('sign-up-name').fill('GreenHarbor');
    const email = `team-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.vn`;
    await page.getByTestId('sign-up-email').fill(email);
    await page.getByTestId('sign-up-password').fill('green-harbor-2026');
    await page.getByTestId('sign-up-submit').click();
    // No session yet: the address must be proved first, and the page says where to look.
    await expect(page.getByTestId('sign-up-sent')).toContainText(`Check the mailbox of ${email}`);

    // The team opens the captured mail's link: the address is confirmed, the team signed in, and
    // "Continue" goes back to the contest it wanted to enter.
    const link = new URL(await mailedLink(requestCall(request), email, 'verify_email'));
    expect(link.pathname).toBe('/verify-email');
    await page.goto(`${link.pathname}${link.hash}`);
    await expect(page.getByTestId('verify-done')).toContainText(`${email} is confirmed`);
    await expect(page.getByTestId('verify-banner')).toHaveCount(0);
    await page.getByTestId('verify-continue').click();
    await expect(page).toHaveURL(/\/my-entries\/new\?contest=startup-talent-2026/);

    await page.getByTestId('start-category').getByRole('radio').first().check();
    await page.getByTestId('start-create').click();
    await expect(page).toHaveURL(/\/my-entries\/[0-9a-f-]{36}$/);

    // Project
    await page.getByTestId('entry-title').fill('GreenHarbor: smart green ports');
    await page.getByTestId('entry-summary').fill('Emission monitoring for seaports.');
    await page.getByTestId('entry-problem').fill('Ports emit a lot and measure nothing.');
    await page.getByTestId('entry-solution').fill('IoT sensors and a dashboard.');
    await page.getByTestId('entry-market').fill('Forty Vietnamese seaports.');
    await page.getByTestId('entry-businessModel').fill('A subscription per port.');
    await expect(page.getByTestId('entry-save-state')).toContainText('Saved at');
    await page.getByTestId('entry-next').click();

    // Team
    await page.getByTestId('entry-team-name').fill('GreenHarbor');
    await page.getByTestId('entry-member-add').click();
    await page.getByTestId('entry-member-name').fill('Nguyễn Thị Hoa');
    await page.getByTestId('entry-member-role').fill('CEO');
    await page.getByTestId('entry-member-email').fill('hoa@');
    await page.getByTestId('entry-member-role').click();
    // A bad e-mail is not sent: the page says so instead of failing on the server.
    await expect(page.getByTestId('entry-save-state')).toContainText('Not saved');
    await page.getByTestId('entry-member-email').fill('hoa@greenharbor.vn');
    await expect(page.getByTestId('entry-save-state')).toContainText('Saved at');

    // The demo contest's own questions, asked of a company: founded two years ago, in Hải Phòng,
    // four people, rules accepted (the rules are checked on submit).
    await page.getByRole('tab', { name: "The contest's questions" }).click();
    const questions = page.getByTestId('entry-questions');
    // The step slides in from the right: a click during the slide can land beside the box.
    const offset = async () =>
      ((await questions.boundingBox())?.x ?? 9999) - ((await page.getByTestId('entry-stepper').boundingBox())?.x ?? 0);
    await expect.poll(offset).toBeLessThan(100);
    const founded = new Date();
    founded.setFullYear(founded.getFullYear() - 2);
    await questions.getByLabel(/^Date the company was founded/).fill(founded.toISOString().slice(0, 10));
    await questions.getByLabel(/^Tax code/).fill('0202456789');
    await questions.getByRole('combobox', { name: /^Where the project is carried out/ }).click();
    await page.getByRole('option', { name: 'Hải Phòng' }).click();
    await questions.getByRole('combobox', { name: /^Stage/ }).click();
    await page.getByRole('option', { name: 'Sản phẩm mẫu (MVP)' }).click();
    await questions.getByLabel(/^Core team size/).fill('4');
    await questions.getByRole('checkbox', { name: /^The team has read and accepts the contest rules/ }).check();
    await expect(page.getByTestId('entry-save-state')).toContainText('Saved at');

    // Category (already chosen when the entry was started) and documents.
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByTestId('entry-file-pitch_deck').setInputFiles({ name: 'pitch-deck.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByTestId('entry-attachment')).toContainText('pitch-deck.pdf');

    // Video: http(s) only.
    await page.getByRole('tab', { name: 'Video' }).click();
    await page.getByTestId('entry-video').fill('https://www.youtube.com/watch?v=greenharbor');

    // Review & submit
    await page.getByRole('tab', { name: 'Review & submit' }).click();
    await expect(page.getByTestId('entry-ready')).toBeVisible();
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('entry-code')).toHaveText(/^[A-Z]+\d{2}-\d{3}$/);
    const code = (await page.getByTestId('entry-code').textContent())?.trim() ?? '';

    // My entries lists it as submitted, with its code.
    await page.getByTestId('entry-to-list').click();
    const line = page.getByTestId('my-entry').filter({ hasText: 'GreenHarbor: smart green ports' });
    await expect(line).toHaveAttribute('data-status', 'submitted');
    await expect(line.getByTestId('my-entry-status')).toContainText(code);
  });
});

test.describe('an applicant whose address is not yet confirmed', () => {
  test('keeps the draft, is told why submitting waits, asks for a new link and submits after opening it', async ({ page, request }) => {
    test.setTimeout(120_000);
    const call = requestCall(request);
    const email = `unconfirmed-${Date.now()}@example.vn`;
    await call('POST', '/api/auth/register', null, {
      email,
      password: 'unconfirmed-pass-1',
      displayName: 'Đội Chưa Xác Nhận',
      language: 'en',
    });
    const token = (await call('POST', '/api/auth/login', null, { email, password: 'unconfirmed-pass-1' })).accessToken;
    const contest = await call('GET', '/api/contests/startup-talent-2026', null);
    const draft = await call('POST', `/api/contests/${contest.id}/entries`, token, {
      categoryId: contest.categories[0].id,
      title: 'Unconfirmed but ready',
      teamName: 'Đội Chưa Xác Nhận',
      summary: 'Summary',
      problem: 'Problem',
      solution: 'Solution',
      market: 'Market',
      businessModel: 'Business model',
      members: [{ name: 'Trần Văn B', role: 'CEO' }],
      answers: answersFor(contest, contest.categories[0].id),
    });
    await request.fetch(`/api/entries/${draft.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      multipart: { kind: 'pitch_deck', file: { name: 'deck.pdf', mimeType: 'application/pdf', buffer: PDF } },
    });

    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('laurel.lang', 'en'));
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill('unconfirmed-pass-1');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('verify-banner')).toContainText(`Confirm your e-mail address ${email}`);

    await page.goto(`/my-entries/${draft.id}`);
    await page.getByRole('tab', { name: 'Review & submit' }).click();
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByText('Confirm your e-mail address first')).toBeVisible();

    // The first link is lost; the banner mails a new one, and only the new one works.
    const first = await mailedLink(call, email, 'verify_email');
    await page.getByTestId('verify-banner-resend').click();
    await expect(page.getByTestId('verify-banner-resent')).toContainText(`A new link is on its way to ${email}`);
    let second = first;
    await expect.poll(async () => (second = await mailedLink(call, email, 'verify_email'))).not.toBe(first);
    const stale = new URL(first);
    await page.goto(`${stale.pathname}${stale.hash}`);
    await expect(page.getByTestId('verify-error')).toContainText('This link is not valid');
    const fresh = new URL(second);
    await page.goto(`${fresh.pathname}${fresh.hash}`);
    await expect(page.getByTestId('verify-done')).toBeVisible();

    await page.goto(`/my-entries/${draft.id}`);
    await page.getByRole('tab', { name: 'Review & submit' }).click();
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('entry-code')).toHaveText(/^[A-Z]+\d{2}-\d{3}$/);
  });
});
