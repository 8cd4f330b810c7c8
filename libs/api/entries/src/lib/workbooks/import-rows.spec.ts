import { checkImportRows, IMPORT_COLUMNS, type ImportRow, matchHeaders } from './import-rows';
import { safeCellText } from './spreadsheet';

const categories = [
  { id: 'c-startup', name: 'Doanh nghiệp khởi nghiệp' },
  { id: 'c-student', name: 'Ý tưởng sinh viên' },
];

function row(rowNumber: number, values: ImportRow['values'] = {}): ImportRow {
  return {
    rowNumber,
    values: {
      title: `Dự án ${rowNumber}`,
      teamName: `Đội ${rowNumber}`,
      category: 'Doanh nghiệp khởi nghiệp',
      summary: 's',
      problem: 'p',
      solution: 'so',
      market: 'm',
      businessModel: 'b',
      member1Name: 'Trần An',
      member1Role: 'CEO',
      ...values,
    },
  };
}

describe(matchHeaders.name, () => {
  it('finds each column by its full header, either language alone, in any order and case', () => {
    const headers = new Map<number, string>([
      [1, 'Team name'],
      [2, 'tên dự án'],
      [3, 'Bảng thi / Category'],
      [4, 'Tóm tắt / Summary'],
      [5, 'Problem'],
      [6, 'Giải pháp'],
      [7, 'Market'],
      [8, 'MÔ HÌNH KINH DOANH'],
      [9, 'Something else'],
    ]);
    const { columns, problems } = matchHeaders(headers);
    expect(problems).toEqual([]);
    expect(columns.get('teamName')).toBe(1);
    expect(columns.get('title')).toBe(2);
    expect(columns.get('businessModel')).toBe(8);
  });

  it('names each required column that is missing', () => {
    const { problems } = matchHeaders(new Map([[1, IMPORT_COLUMNS[0]?.header ?? '']]));
    expect(problems.map((p) => p.message)).toContain(
      'has no column "Tên đội / Team name": download the template again and keep its header row',
    );
    expect(problems).toHaveLength(7);
  });
});

describe(checkImportRows.name, () => {
  it('turns good rows into entries with the category id and the members given', () => {
    const { entries, problems } = checkImportRows(
      [
        row(2, {
          category: ' ý tưởng SINH viên ',
          member2Name: 'Lê Bình',
          member2Role: 'CTO',
          member2Email: 'binh@aqua.vn',
          videoUrl: 'https://youtu.be/x',
        }),
      ],
      categories,
    );
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({
      categoryId: 'c-student',
      videoUrl: 'https://youtu.be/x',
      organization: null,
      members: [
        { name: 'Trần An', role: 'CEO', email: null },
        { name: 'Lê Bình', role: 'CTO', email: 'binh@aqua.vn' },
      ],
    });
  });

  it('reports every problem of every row with its row number and field', () => {
    const { problems } = checkImportRows(
      [
        row(2),
        row(3, { teamName: '', category: 'Nông nghiệp' }),
        row(4, { member1Email: 'not-an-email', videoUrl: 'javascript:alert(1)' }),
        row(5, { member1Name: '', member1Role: '' }),
        row(6, { title: 'dự án 2', teamName: 'ĐỘI 2' }),
      ],
      categories,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'row 3: teamName',
      'row 3: category',
      'row 4: videoUrl',
      'row 4: member1Email',
      'row 5: members',
      'row 6: title',
    ]);
    expect(problems[1]?.message).toBe(
      '"Nông nghiệp" is not a category of this contest; use one of "Doanh nghiệp khởi nghiệp", "Ý tưởng sinh viên"',
    );
    expect(problems[5]?.message).toBe('repeats row 2 (same title and team name): keep one of them');
  });

  it('refuses text longer than the entry allows', () => {
    const { problems } = checkImportRows([row(2, { title: 'x'.repeat(201) })], categories);
    expect(problems).toEqual([
      {
        field: 'row 2: title',
        message: 'is 201 characters long; at most 200 fit',
        code: 'import.too_long',
        params: { row: 2, column: 'Tên dự án / Project title', length: 201, max: 200 },
      },
    ]);
  });
});

describe(safeCellText.name, () => {
  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'].map(safeCellText)).toEqual([
      `'=HYPERLINK("http://x")`,
      `'+1`,
      `'-2`,
      `'@SUM(A1)`,
      `'\tcmd`,
      `'\rcmd`,
    ]);
    expect(safeCellText('GreenHarbor = cảng xanh')).toBe('GreenHarbor = cảng xanh');
    expect(safeCellText(null)).toBe('');
  });
});
