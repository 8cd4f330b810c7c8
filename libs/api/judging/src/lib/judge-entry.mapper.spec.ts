import type { JudgeAttachmentRow, JudgeEntryRow } from '@laurel/api-database';
import { contentDisposition, downloadName, toJudgeEntryView } from './judge-entry.mapper';

const entry: JudgeEntryRow = {
  id: 'e1',
  contestId: 'c1',
  code: 'ST26-007',
  title: 'Cảm biến độ mặn',
  summary: 's',
  problem: 'p',
  solution: 'so',
  market: 'm',
  businessModel: 'b',
  categoryId: 'cat',
  categoryName: 'Ý tưởng sinh viên',
  teamName: 'AquaSense',
  members: [{ name: 'Đỗ Minh Khôi', role: 'CTO', email: 'khoi@aquasense.vn' }],
  organization: 'Đại học Hàng hải Việt Nam',
  videoUrl: 'https://youtu.be/aquasense',
  answers: { taxCode: '0312345678', stage: 'MVP', revenue: 0, exports: false, notes: '', campus: 'A', removed: 'old answer' },
  formFields: [
    { key: 'taxCode', label: { vi: 'Mã số thuế', en: 'Tax code' }, type: 'text', required: true, identifying: true },
    { key: 'stage', label: { vi: 'Giai đoạn', en: 'Stage' }, type: 'choice', required: true, options: ['MVP'] },
    { key: 'revenue', label: { vi: 'Doanh thu', en: 'Revenue' }, type: 'number', required: false },
    { key: 'exports', label: { vi: 'Xuất khẩu', en: 'Exports' }, type: 'boolean', required: false },
    { key: 'notes', label: { vi: 'Ghi chú', en: 'Notes' }, type: 'longtext', required: false },
    { key: 'campus', label: { vi: 'Cơ sở', en: 'Campus' }, type: 'text', required: false, categoryIds: ['other-category'] },
  ],
};
const file = (id: string, kind: JudgeAttachmentRow['kind'], originalName: string, contentType = 'application/pdf'): JudgeAttachmentRow => ({
  id,
  entryId: 'e1',
  kind,
  storageKey: `attachments/${id}`,
  originalName,
  contentType,
  size: 10,
  blindSize: null,
});
const deck = file('a1', 'pitch_deck', 'AquaSense deck.pdf');
const files = [deck, file('a2', 'other', 'team photo.png', 'image/png'), file('a3', 'other', 'award.jpg', 'image/jpeg')];

describe(toJudgeEntryView.name, () => {
  it('lets nothing that names the team through in a blind round', () => {
    const sut = toJudgeEntryView(entry, files, true);
    expect(Object.keys(sut).sort()).toEqual([
      'answers',
      'attachments',
      'businessModel',
      'category',
      'code',
      'id',
      'market',
      'problem',
      'solution',
      'summary',
      'title',
    ]);
    const text = JSON.stringify(sut);
    for (const secret of [
      'AquaSense',
      'Khôi',
      'aquasense.vn',
      'Hàng hải',
      'youtu',
      'deck.pdf',
      'photo',
      'storageKey',
      'attachments/',
      '0312345678',
      'taxCode',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The identifying tax code is left out; so are empty text, a question of another category and a removed field.
    expect(sut.answers.map((a) => [a.key, a.value])).toEqual([
      ['stage', 'MVP'],
      ['revenue', 0],
      ['exports', false],
    ]);
    expect(sut.attachments[0]).toEqual({ id: 'a1', kind: 'pitch_deck', size: 10, contentType: 'application/pdf' });
  });

  it('shows the team, without member e-mails, in an open round', () => {
    const sut = toJudgeEntryView(entry, files, false);
    expect(sut).toMatchObject({ teamName: 'AquaSense', organization: 'Đại học Hàng hải Việt Nam', videoUrl: 'https://youtu.be/aquasense' });
    expect(sut.members).toEqual([{ name: 'Đỗ Minh Khôi', role: 'CTO' }]);
    expect(sut.attachments.map((a) => a.name)).toEqual(['AquaSense deck.pdf', 'team photo.png', 'award.jpg']);
    expect(sut.answers.map((a) => a.key)).toEqual(['taxCode', 'stage', 'revenue', 'exports']);
    expect(JSON.stringify(sut)).not.toContain('storageKey');
  });
});

describe(downloadName.name, () => {
  it('names blind downloads by code and kind, numbering repeats of a kind', () => {
    expect(files.map((f) => downloadName(entry, f, files, true))).toEqual([
      'ST26-007-pitch_deck.pdf',
      'ST26-007-other.png',
      'ST26-007-other-2.jpg',
    ]);
  });

  it('keeps the uploaded name in an open round', () => {
    expect(downloadName(entry, deck, files, false)).toBe('AquaSense deck.pdf');
  });
});

describe(contentDisposition.name, () => {
  it('carries a Vietnamese name as UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('Hồ sơ "đội".pdf')).toBe(
      `attachment; filename="Ho so _doi_.pdf"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20%22%C4%91%E1%BB%99i%22.pdf`,
    );
  });
});
