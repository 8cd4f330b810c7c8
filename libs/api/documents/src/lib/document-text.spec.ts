import { DOCUMENT_TEXT } from './document-text';

describe('DOCUMENT_TEXT', () => {
  const vi = DOCUMENT_TEXT.vi;
  const en = DOCUMENT_TEXT.en;

  it('writes money in the currency format of the language', () => {
    // Vietnamese groups thousands with a dot and puts the đồng sign after: 50.000.000 ₫.
    expect(vi.money(50_000_000, 'VND').replace(/\s/g, ' ')).toBe('50.000.000 ₫');
    expect(en.money(50_000_000, 'VND')).toBe('₫50,000,000');
    expect(en.money(1500.5, 'USD')).toBe('$1,500.50');
  });

  it('dates in the contest time zone: 2026-11-20T18:30Z is the 21st in Hồ Chí Minh City (UTC+7)', () => {
    const d = new Date('2026-11-20T18:30:00Z');
    expect(vi.date(d, 'Asia/Ho_Chi_Minh')).toBe('ngày 21 tháng 11 năm 2026');
    expect(en.date(d, 'Asia/Ho_Chi_Minh')).toBe('21 November 2026');
    expect(vi.dateTime(d, 'Asia/Ho_Chi_Minh')).toBe('01:30, ngày 21 tháng 11 năm 2026 (Asia/Ho_Chi_Minh)');
  });

  it('names every tier as offices do', () => {
    expect(Object.values(vi.tiers)).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Ba', 'Giải Khuyến khích']);
    expect(vi.number(87.456)).toBe('87,46');
    expect(en.number(87.456)).toBe('87.46');
  });
});
