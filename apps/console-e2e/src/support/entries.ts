import { type APIRequestContext, expect } from '@playwright/test';
import { answersFor } from './answers';
import { requestCall, signUpVerified } from './mail';

export const DEMO_SLUG = 'startup-talent-2026';

export interface TeamMember {
  name: string;
  role: string;
  email: string | null;
}

/**
 * A fresh applicant's submitted entry in the demo contest, made over HTTP as the console would:
 * its team is `members` (one team lead by default).
 */
export async function submittedEntry(
  request: APIRequestContext,
  title: string,
  members: readonly TeamMember[] = [{ name: 'Nguyễn Thị Lan', role: 'Trưởng nhóm', email: 'lan@example.com' }],
): Promise<{ id: string; code: string; contestId: string }> {
  const email = `organize-e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const { accessToken } = await signUpVerified(requestCall(request), { email, password: 'a-long-password-1', displayName: 'Đội kiểm thử' });
  const headers = { authorization: `Bearer ${accessToken}` };

  const contest = (await (await request.get(`/api/contests/${DEMO_SLUG}`)).json()) as {
    id: string;
    categories: { id: string }[];
    submissionClosesAt: string;
  };
  const [category] = contest.categories;
  if (category === undefined) throw new Error('the demo contest has no category');
  const created = await request.post(`/api/contests/${contest.id}/entries`, {
    headers,
    data: {
      title,
      teamName: 'Đội Sóng Xanh',
      summary: 'Phao cảm biến đo chất lượng nước cho hộ nuôi tôm.',
      problem: 'Nước ô nhiễm được phát hiện quá muộn.',
      solution: 'Cảm biến giá rẻ gửi cảnh báo qua điện thoại.',
      market: 'Hộ nuôi trồng thủy sản ven biển.',
      businessModel: 'Bán thiết bị kèm thuê bao dữ liệu.',
      categoryId: category.id,
      members,
      answers: answersFor(contest, category.id),
    },
  });
  expect(created.status()).toBe(201);
  const entry = (await created.json()) as { id: string };

  // The smallest PDF the type sniffer accepts: the bytes decide, not the name.
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const uploaded = await request.post(`/api/entries/${entry.id}/attachments`, {
    headers,
    multipart: { kind: 'pitch_deck', file: { name: 'pitch-deck.pdf', mimeType: 'application/pdf', buffer: pdf } },
  });
  expect(uploaded.ok()).toBe(true);

  const submitted = await request.post(`/api/entries/${entry.id}/submit`, { headers, data: {} });
  expect(submitted.status()).toBe(200);
  const { code } = (await submitted.json()) as { code: string };
  return { id: entry.id, code, contestId: contest.id };
}
