import { contentDisposition, sanitizeFileName } from './file-name';

describe(sanitizeFileName.name, () => {
  it('keeps a good name as it is, Vietnamese letters included', () => {
    expect(sanitizeFileName('Hồ sơ dự thi GreenHarbor.pdf', 'pdf')).toBe('Hồ sơ dự thi GreenHarbor.pdf');
    expect(sanitizeFileName('Logo.JPEG', 'jpeg')).toBe('Logo.jpeg');
  });

  it('drops every path part, whichever slash it uses', () => {
    expect(sanitizeFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('..\\..\\windows\\deck.pptx', 'pptx')).toBe('deck.pptx');
    expect(sanitizeFileName('../', 'pdf')).toBe('file.pdf');
    expect(sanitizeFileName('..', 'pdf')).toBe('file.pdf');
  });

  it('removes controls and direction marks, and characters file systems refuse', () => {
    expect(sanitizeFileName('deck\r\n\u0000.pdf', 'pdf')).toBe('deck.pdf');
    // U+202E would show "report\u202Efdp.exe" as "reportexe.pdf".
    expect(sanitizeFileName('report\u202Efdp.exe', 'pdf')).toBe('reportfdp.exe.pdf');
    expect(sanitizeFileName('a<b>:c|d?"e*.png', 'png')).toBe('a_b__c_d__e_.png');
    expect(sanitizeFileName('   .hidden.pdf  ', 'pdf')).toBe('hidden.pdf');
  });

  it('ends the name with the extension of the type the bytes showed', () => {
    expect(sanitizeFileName('setup.exe', 'pdf')).toBe('setup.exe.pdf');
    expect(sanitizeFileName('no-extension', 'png')).toBe('no-extension.png');
    expect(sanitizeFileName(undefined, 'pptx')).toBe('file.pptx');
  });

  it('cuts long names to 150 characters without splitting a letter', () => {
    const long = sanitizeFileName(`${'ồ'.repeat(300)}.pdf`, 'pdf');
    expect(Array.from(long)).toHaveLength(150);
    expect(long.endsWith('ồ.pdf')).toBe(true);
    expect(Array.from(sanitizeFileName(`${'😀'.repeat(200)}.png`, 'png'))).toHaveLength(150);
  });
});

describe(contentDisposition.name, () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Hồ sơ đội Đông.pdf')).toBe(
      `attachment; filename="Ho so doi Dong.pdf"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20%C4%91%E1%BB%99i%20%C4%90%C3%B4ng.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or RFC 5987 specials', () => {
    expect(contentDisposition(`a"b\\c'(d)*.pdf`)).toBe(
      `attachment; filename="a_b_c'(d)*.pdf"; filename*=UTF-8''a%22b%5Cc%27%28d%29%2A.pdf`,
    );
  });
});
