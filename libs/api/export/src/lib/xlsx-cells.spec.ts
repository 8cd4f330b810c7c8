import { cell, safeText, SheetNames } from './xlsx-cells';

describe(SheetNames.name, () => {
  it('replaces the characters Excel refuses and trims apostrophes at the ends', () => {
    const sut = new SheetNames();
    expect(sut.name('Vòng 1: sơ khảo [A/B]*?\\')).toBe('Vòng 1 sơ khảo A B');
    expect(sut.name("'Quoted'")).toBe('Quoted');
    expect(sut.name('  ')).toBe('Sheet');
  });

  it('cuts at 31 characters and keeps names unique (ignoring case) after the cut', () => {
    const sut = new SheetNames();
    const long = 'Ranking Vòng chung khảo trình bày trực tiếp';
    // "Ranking Vòng chung khảo trình b" is 31 characters.
    expect(sut.name(long)).toBe('Ranking Vòng chung khảo trình b');
    expect(sut.name(`${long} (lần 2)`)).toBe('Ranking Vòng chung khảo trì (2)');
    expect(sut.name('SUMMARY')).toBe('SUMMARY');
    expect(sut.name('summary')).toBe('summary (2)');
    for (const name of [long, 'x'.repeat(40)].map((n) => sut.name(n))) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('keeps Vietnamese composed and never splits a surrogate pair', () => {
    const sut = new SheetNames();
    // "ả" written as a + combining hook above is composed to one character.
    expect(sut.name('Kha\u0309o')).toBe('Khảo');
    const name = sut.name(`${'a'.repeat(30)}😀`);
    expect(name).toBe('a'.repeat(30));
  });
});

describe(safeText.name, () => {
  it.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tTab', '\rReturn'])('prefixes %j with an apostrophe', (text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  it('leaves other text, and numbers, as they are', () => {
    expect(safeText('Nông nghiệp = tương lai')).toBe('Nông nghiệp = tương lai');
    expect(cell(-2.5)).toBe(-2.5);
    expect(cell(Number.NaN)).toBeNull();
    expect(cell(undefined)).toBeNull();
  });
});
