import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { docxText, download, readPdf } from './support/documents';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture } from './support/results-fixtures';

/**
 * The documents an office files and signs, read back with real readers: the minutes unzipped
 * and searched in word/document.xml, the PDFs parsed by pdf.js and pdf-lib.
 *
 * One round (the final), three judges scoring every entry; rubric one criterion (weight 1, max 10):
 *   A: 9, 9, 9 → 90 first     B: 8, 8, 8 → 80 second     C: 7, 7, 7 → 70 third     D: 5, 5, 5 → 50 none
 * A4 landscape is 842 × 595 pt.
 */
describe('documents: minutes, score sheets and certificates', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let entries: Record<'A' | 'B' | 'C' | 'D', BuiltEntry>;
  let judges: [BuiltJudge, BuiltJudge, BuiltJudge];
  const contestName = 'Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026';
  const url = (path: string) => `${api.url}${path}`;

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl })).code).toBe(0);
    api = await startApi({}, databaseUrl);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http, organizer);
    contest = await fixture.contest({
      name: contestName,
      categories: ['Doanh nghiệp'],
      prizes: [
        { tier: 'first', count: 1, amount: 50_000_000, currency: 'VND' },
        { tier: 'second', count: 1, amount: 30_000_000, currency: 'VND' },
        { tier: 'third', count: 1, amount: 20_000_000, currency: 'VND' },
      ],
      rounds: [{ name: 'Vòng chung khảo', order: 1, criteria: [{ name: 'Tổng thể', weight: 1, maxScore: 10 }] }],
    });
    entries = {
      A: await fixture.entry(contest, { title: 'Nông nghiệp thông minh', teamName: 'AgriViệt', category: 'Doanh nghiệp' }),
      B: await fixture.entry(contest, { title: 'Cảng xanh GreenHarbor', teamName: 'GreenHarbor', category: 'Doanh nghiệp' }),
      C: await fixture.entry(contest, { title: 'Ứng dụng học tập Đa Ngữ', teamName: 'Đa Ngữ', category: 'Doanh nghiệp' }),
      D: await fixture.entry(contest, { title: 'Dự án chưa đạt', teamName: 'Đội Dê', category: 'Doanh nghiệp' }),
    };
    for (const entry of Object.values(entries)) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [
      await fixture.judge(contest.id, 'Nguyễn Văn Chủ Tịch'),
      await fixture.judge(contest.id, 'Trần Thị Ủy Viên'),
      await fixture.judge(contest.id, 'Lê Minh Thư Ký'),
    ];
    const [round] = contest.rounds;
    await fixture.openRound(round.id);
    const values = { A: 9, B: 8, C: 7, D: 5 };
    for (const judge of judges)
      for (const key of ['A', 'B', 'C', 'D'] as const) await fixture.score(judge, round, entries[key].id, { 'Tổng thể': values[key] });
    await fixture.closeRound(round.id);
    const confirmed = await http.post(
      `/api/contests/${contest.id}/awards`,
      {
        awards: [
          { tier: 'first', entryId: entries.A.id },
          { tier: 'second', entryId: entries.B.id },
          { tier: 'third', entryId: entries.C.id },
        ],
      },
      organizer,
    );
    expect(confirmed.status).toBe(200);
    const current = await http.get(`/api/contests/${contest.id}`, organizer);
    const meeting = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: {
        version: current.body.version,
        councilMeetingAt: '2026-11-20T14:00:00+07:00',
        councilMeetingPlace: 'Hội trường Trung tâm Khởi nghiệp',
      },
      token: organizer,
    });
    expect(meeting.status).toBe(200);
    await fixture.approve(contest.id, judges.slice(0, 2));
    await http.post(
      `/api/contests/${contest.id}/awards/approvals`,
      { decision: 'object', note: 'Đề nghị xem lại giải Ba.' },
      judges[2].token,
    );
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('writes the minutes: national header, time and place, council, ranking, every award with its amount, the vote', async () => {
    const { status, headers, bytes } = await download(url(`/api/contests/${contest.id}/minutes.docx`), organizer);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('wordprocessingml');
    expect(headers.get('content-disposition')).toContain(`${contest.slug}-bien-ban-hoi-dong.docx`);
    const { text } = await docxText(bytes);
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN HỌP HỘI ĐỒNG GIÁM KHẢO',
      `Cuộc thi ${contestName}`,
      // 14:00 in Hồ Chí Minh City, as sent.
      '14:00, ngày 20 tháng 11 năm 2026',
      'Hội trường Trung tâm Khởi nghiệp',
      'Trung bình cộng điểm của các giám khảo',
      'CHỦ TỊCH HỘI ĐỒNG',
      'THƯ KÝ',
      // ⌈2/3 · 3⌉ = 2; two approvals, one objection.
      'Tán thành: 2/3; không tán thành: 1/3; số phiếu tán thành cần có: 2.',
      'Đề nghị xem lại giải Ba.',
    ]) {
      expect(text).toContain(line);
    }
    for (const judge of judges) expect(text).toContain(judge.displayName);
    // Every award line: tier, code, project, team and the amount in the đồng's format.
    for (const [tier, entry, amount] of [
      ['Giải Nhất', entries.A, '50.000.000'],
      ['Giải Nhì', entries.B, '30.000.000'],
      ['Giải Ba', entries.C, '20.000.000'],
    ] as const) {
      for (const cell of [tier, entry.code, entry.title, entry.teamName, `${amount} ₫`])
        expect(text.replace(/\u00a0/g, ' ')).toContain(cell);
    }
    // The final ranking, D included.
    expect(text).toContain(entries.D.title);
    expect(text).toContain('90,00');
  });

  it('writes the minutes in English on request', async () => {
    const { status, bytes } = await download(url(`/api/contests/${contest.id}/minutes.docx?lang=en`), organizer);
    expect(status).toBe(200);
    const { text } = await docxText(bytes);
    for (const line of [
      'SOCIALIST REPUBLIC OF VIETNAM',
      'MINUTES OF THE JUDGING COUNCIL MEETING',
      'First prize',
      '₫50,000,000',
      'Approved: 2/3; objected: 1/3; approvals needed: 2.',
    ]) {
      expect(text).toContain(line);
    }
    expect((await http.get(`/api/contests/${contest.id}/minutes.docx?lang=fr`, organizer)).status).toBe(400);
  });

  it("writes in the contest's own language and time zone unless ?lang says otherwise", async () => {
    const patch = async (body: Record<string, unknown>) => {
      const current = await http.get(`/api/contests/${contest.id}`, organizer);
      expect(
        (await http.request('PATCH', `/api/contests/${contest.id}`, { body: { version: current.body.version, ...body }, token: organizer }))
          .status,
      ).toBe(200);
    };
    await patch({ language: 'en', timeZone: 'Asia/Tokyo' });
    const english = await docxText((await download(url(`/api/contests/${contest.id}/minutes.docx`), organizer)).bytes);
    // 14:00 in Hồ Chí Minh City (UTC+7) is 16:00 in Tokyo (UTC+9).
    expect(english.text).toContain('16:00, 20 November 2026 (Asia/Tokyo)');
    const vietnamese = await docxText((await download(url(`/api/contests/${contest.id}/minutes.docx?lang=vi`), organizer)).bytes);
    expect(vietnamese.text).toContain('BIÊN BẢN HỌP HỘI ĐỒNG GIÁM KHẢO');
    await patch({ language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' });
  });

  it('writes one A4 landscape certificate per award with the embedded font and the Vietnamese text', async () => {
    const { status, headers, bytes } = await download(url(`/api/contests/${contest.id}/certificates.pdf`), organizer);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBe(3);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([842, 595]);
    expect(pdf.pages[0]?.text).toContain('GIẤY CHỨNG NHẬN');
    expect(pdf.pages[0]?.text).toContain('Giải Nhất');
    expect(pdf.pages[0]?.text).toContain('Hội đồng giám khảo');
    expect(pdf.pages[0]?.text).toContain(entries.A.title);
    expect(pdf.pages[0]?.text).toContain('AgriViệt');
    expect(pdf.pages[1]?.text).toContain('Giải Nhì');
    expect(pdf.pages[2]?.text).toContain('Giải Ba');
    expect(pdf.pages[2]?.text).toContain('Ứng dụng học tập Đa Ngữ');
    // pdfkit subsets the font: "ABCDEF+NotoSans-Regular"; every font of the file is embedded.
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(2);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    expect(pdf.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);

    const english = await readPdf((await download(url(`/api/contests/${contest.id}/certificates.pdf?lang=en`), organizer)).bytes);
    expect(english.pages[0]?.text).toContain('CERTIFICATE');
    expect(english.pages[0]?.text).toContain('First prize');
  });

  it('writes a score sheet page per judge: entries × criteria, totals, a signature line', async () => {
    const round = contest.rounds[0];
    const { status, bytes } = await download(url(`/api/rounds/${round.id}/score-sheets.pdf`), organizer);
    expect(status).toBe(200);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBe(3);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([842, 595]);
    const byJudge = [...judges].sort((a, b) => a.displayName.localeCompare(b.displayName));
    for (const [i, page] of pdf.pages.entries()) {
      expect(page.text).toContain('Hội đồng giám khảo');
      expect(page.text).toContain('PHIẾU CHẤM ĐIỂM');
      expect(page.text).toContain('Giám khảo ký tên');
      expect(page.text).toContain(entries.A.code);
      // A's values 9 → total 90,00; D's 5 → 50,00.
      expect(page.text).toContain('90,00');
      expect(page.text).toContain('50,00');
      expect(page.text.split(known(byJudge[i], 'byJudge[i]').displayName).length - 1).toBeGreaterThanOrEqual(2);
    }
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  });

  it("gives an awarded team its own certificate once the results are published, and nobody else's", async () => {
    const path = (entry: BuiltEntry) => url(`/api/entries/${entry.id}/certificate.pdf`);
    expect((await download(path(entries.A), entries.A.ownerToken)).status).toBe(404);
    expect((await http.post(`/api/contests/${contest.id}/publish`, {}, organizer)).status).toBe(200);

    const own = await download(path(entries.A), entries.A.ownerToken);
    expect(own.status).toBe(200);
    const pdf = await readPdf(own.bytes);
    expect(pdf.pageCount).toBe(1);
    expect([pdf.pages[0]?.width, pdf.pages[0]?.height]).toEqual([842, 595]);
    expect(pdf.pages[0]?.text).toContain('Giải Nhất');
    expect(pdf.pages[0]?.text).toContain(entries.A.title);

    expect((await download(path(entries.A), entries.B.ownerToken)).status).toBe(404);
    expect((await download(path(entries.A), organizer)).status).toBe(404);
    expect((await download(path(entries.D), entries.D.ownerToken)).status).toBe(404);
  });
});
