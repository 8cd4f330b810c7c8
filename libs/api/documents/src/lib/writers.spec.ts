import { PDFDocument } from 'pdf-lib';
import JSZip from 'jszip';
import type { Readable } from 'node:stream';
import { certificatesPdf } from './certificates-pdf';
import { minutesDocx } from './minutes-docx';
import { scoreSheetsPdf } from './score-sheets-pdf';
import type { AwardLine, MinutesData } from './document-data';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const award = (tier: AwardLine['tier'], title: string): AwardLine => ({
  tier,
  code: 'ST26-001',
  title,
  teamName: 'AgriViệt',
  category: 'Doanh nghiệp',
  prizeAmount: 50_000_000,
  currency: 'VND',
  reason: null,
});

describe('document writers', () => {
  it('writes one A4 landscape page per certificate (842 × 595 pt)', async () => {
    const awards = [award('first', 'Nông nghiệp thông minh'), award('second', 'Cảng xanh'), award('encouragement', 'Ứng dụng học tập')];
    const pdf = await PDFDocument.load(
      await bytesOf(
        certificatesPdf(
          { lang: 'vi', timeZone: 'Asia/Ho_Chi_Minh' },
          'Giấy chứng nhận',
          awards.map((a) => ({ contestName: 'Cuộc thi', year: 2026, award: a, date: new Date() })),
        ),
      ),
    );
    expect(pdf.getPageCount()).toBe(3);
    for (const page of pdf.getPages()) expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([842, 595]);
    expect(pdf.getTitle()).toBe('Giấy chứng nhận');
  });

  it('writes a page per judge for the score sheets, more when a judge has many entries', async () => {
    const entry = (i: number) => ({
      code: `ST26-${String(i).padStart(3, '0')}`,
      title: `Dự án ${i}`,
      teamName: `Đội ${i}`,
      values: [8, 7.5],
      total: 77.5,
      submitted: true,
    });
    const data = {
      lang: 'vi' as const,
      timeZone: 'Asia/Ho_Chi_Minh',
      contestName: 'Cuộc thi',
      roundName: 'Chung khảo',
      blind: false,
      criteria: [
        { name: 'Đổi mới', maxScore: 10 },
        { name: 'Thị trường', maxScore: 10 },
      ],
      sheets: [
        { judgeName: 'Giám khảo Một', organization: null, entries: [entry(1), entry(2)] },
        { judgeName: 'Giám khảo Hai', organization: 'Sở KH&CN', entries: Array.from({ length: 60 }, (_, i) => entry(i + 1)) },
      ],
    };
    const pdf = await PDFDocument.load(await bytesOf(scoreSheetsPdf(data, 'Phiếu chấm')));
    // Judge one fits on a page; sixty rows of about 34 pt run over 515 pt of table: judge two needs more than one.
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(Math.round(pdf.getPage(0).getWidth())).toBe(842);
  });

  it('writes minutes Word opens: the national header and every award line in document.xml', async () => {
    const data: MinutesData = {
      lang: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      contest: { name: 'Tìm kiếm tài năng 2026', year: 2026 },
      meetingAt: new Date('2026-11-20T07:00:00Z'),
      meetingPlace: 'Hội trường A',
      members: [{ name: 'Nguyễn Chủ Tịch', organization: 'Sở KH&CN', decision: 'approve', note: null }],
      tally: { members: 1, approvals: 1, objections: 0, required: 1, reached: true },
      rounds: [{ name: 'Chung khảo', method: 'mean', trim: 1, entries: 2, judges: 1 }],
      ranking: {
        roundName: 'Chung khảo',
        entries: [{ rank: 1, code: 'ST26-001', title: 'Nông nghiệp thông minh', teamName: 'AgriViệt', category: null, score: 90 }],
      },
      awards: [award('first', 'Nông nghiệp thông minh')],
    };
    const zip = await JSZip.loadAsync(await bytesOf(minutesDocx(data)));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN HỌP HỘI ĐỒNG GIÁM KHẢO',
      'Giải Nhất',
      '50.000.000',
      'Hội trường A',
      '14:00, ngày 20 tháng 11 năm 2026',
    ]) {
      expect(xml).toContain(text);
    }
  });
});
