import { DocumentLocale } from './document-locale';

describe(DocumentLocale.name, () => {
  const vi = new DocumentLocale('vi', 'Asia/Ho_Chi_Minh');
  // 2026-04-30T16:59:00Z is 23:59 on 30 April in Ho Chi Minh City (UTC+7, no daylight saving).
  const at = new Date('2026-04-30T16:59:00Z');

  it('writes the wall clock of the contest zone for a spreadsheet cell', () => {
    expect(vi.wallClock(at).toISOString()).toBe('2026-04-30T23:59:00.000Z');
    expect(new DocumentLocale('en', 'Europe/Berlin').wallClock(at).toISOString()).toBe('2026-04-30T18:59:00.000Z');
  });

  it('names the zone, writes times and money the language’s way', () => {
    expect(vi.zoneLabel(at)).toBe('Asia/Ho_Chi_Minh (GMT+7)');
    expect(vi.time(at)).toMatch(/30\/04\/2026/);
    expect(vi.time(at)).toMatch(/23:59/);
    // Intl puts a no-break space before the sign.
    expect(vi.money(50_000_000, 'VND')).toBe('50.000.000\u00a0₫');
    expect(new DocumentLocale('en', 'UTC').money(50_000_000, 'VND')).toBe('₫50,000,000');
    expect(vi.money(null, 'VND')).toBeNull();
    expect(vi.words.tiers.first).toBe('Giải Nhất');
  });
});
