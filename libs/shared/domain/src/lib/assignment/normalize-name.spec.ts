import { normalizeOrganization, normalizePersonName } from './normalize-name';

describe(normalizeOrganization.name, () => {
  it.each([
    ['Đại học Hải Phòng', 'dai hoc hai phong'],
    ['dai hoc hai phong', 'dai hoc hai phong'],
    ['  ĐẠI HỌC   HẢI PHÒNG  ', 'dai hoc hai phong'],
    ['Trường Đại học Bách khoa - ĐHQG TP.HCM', 'truong dai hoc bach khoa dhqg tp hcm'],
    ['Công ty CP Phần mềm FPT.', 'cong ty cp phan mem fpt'],
    // Legacy-encoding conversions leave the Icelandic Ð (U+00D0) where Đ (U+0110) belongs.
    ['\u00D0ại học Huế', 'dai hoc hue'],
    // Decomposed input (as macOS file names and some keyboards produce) folds the same way.
    ['Ha\u0300 Nô\u0323i', 'ha noi'],
    ['ＦＰＴ Software', 'fpt software'],
    ['Viettel\tHigh\nTech', 'viettel high tech'],
  ])('folds %j to %j', (input, expected) => {
    expect(normalizeOrganization(input)).toBe(expected);
  });

  it.each([[''], ['   '], ['-- . --'], [null], [undefined]])('folds the blank organization %j to ""', (input) => {
    expect(normalizeOrganization(input)).toBe('');
  });

  it('keeps legal suffixes, so two companies of one group stay apart', () => {
    expect(normalizeOrganization('VNG Corp')).not.toBe(normalizeOrganization('VNG'));
  });
});

describe(normalizePersonName.name, () => {
  it('folds Vietnamese names like organizations', () => {
    expect(normalizePersonName('Nguyễn Thị Ánh Tuyết')).toBe('nguyen thi anh tuyet');
    expect(normalizePersonName('ĐỖ  ĐỨC   ĐẠT')).toBe('do duc dat');
  });
});
