import { Workbook } from 'exceljs';
import { known } from '@laurel/domain';
import { completeEntry, getBytes, newApplicant, openContest, postFile, sql, sqlRow } from './fixtures/entries';
import { tinyPdf } from './fixtures/files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('organizer screening, import and export over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;
  let otherOrganizer: string;
  let contest: { id: string; categories: { id: string; name: string }[] };
  /** Submitted entries by title, in the order they were submitted (codes SP27-001 …). */
  const submitted: Record<string, { id: string; code: string }> = {};
  const entryTitled = (title: string) => known(submitted[title], `the submitted entry "${title}"`);
  let draftId: string;
  let databaseUrl: string;

  const TITLES = ['Bamboo Bikes', 'aqua sense', 'Cảng xanh', 'Drone nông nghiệp', 'Eco 100% Pack', 'Fish_Track', 'Green Wave'];

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    api = await startApi({}, databaseUrl);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    const other = await newApplicant(http, 'organizer');
    await sql(databaseUrl, `UPDATE users SET roles = '{organizer}' WHERE id = $1`, [other.id]);
    otherOrganizer = await http.login(other.email, 'applicant-pass');

    contest = await openContest(http, databaseUrl, organizer, { slug: 'screening-pilot-2027' });
    for (const [i, title] of TITLES.entries()) {
      const team = await newApplicant(http);
      const category = known(contest.categories[i % 2], 'contest.categories[i % 2]').id;
      // The last team tries a formula injection through the export.
      const injection =
        i === 6
          ? { teamName: '=HYPERLINK("http://evil.example")', organization: '@SUM(A1) org' }
          : { teamName: `Team ${String.fromCharCode(90 - i)}` };
      const body = completeEntry(contest, category, { title, ...injection });
      const { body: entry } = await http.post(`/api/contests/${contest.id}/entries`, body, team.token);
      const { body: done } = await http.post(`/api/entries/${entry.id}/submit`, {}, team.token);
      submitted[title] = { id: done.id, code: done.code };
    }
    const drafter = await newApplicant(http);
    draftId = (await http.post(`/api/contests/${contest.id}/entries`, { title: 'Unfinished draft' }, drafter.token)).body.id;
  });
  afterAll(() => api?.stop());

  const list = (query: string, token = organizer) => http.get(`/api/contests/${contest.id}/entries${query}`, token);
  const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

  describe('the entries table', () => {
    it('pages and sorts on the server', async () => {
      const page2 = await list('?sort=title&order=asc&page=2&pageSize=3');
      expect(page2.status).toBe(200);
      expect(page2.body).toMatchObject({ total: 8, page: 2, pageSize: 3 });
      // lower(title) ascending: aqua sense, bamboo bikes, cảng xanh | drone…, eco…, fish_track | green wave, unfinished draft.
      expect(titles(page2.body)).toEqual(['Drone nông nghiệp', 'Eco 100% Pack', 'Fish_Track']);

      const byCode = await list('?sort=code&order=desc&pageSize=2');
      expect(byCode.body.items.map((i: { code: string }) => i.code)).toEqual(['SP27-007', 'SP27-006']);
      // Entries without a code come last either way.
      expect((await list('?sort=code&order=asc&page=4&pageSize=2')).body.items.map((i: { code: string | null }) => i.code)).toEqual([
        'SP27-007',
        null,
      ]);

      const newest = await list('?pageSize=1');
      expect(titles(newest.body)).toEqual(['Unfinished draft']);
      expect(newest.body.items[0]).toMatchObject({ status: 'draft', code: null, categoryName: null, memberCount: 0, attachmentCount: 0 });
      expect((await list('?page=9')).body).toEqual({ items: [], total: 8, page: 9, pageSize: 20 });
    });

    it('filters by status, category and eligibility', async () => {
      expect(titles((await list('?status=draft')).body)).toEqual(['Unfinished draft']);
      const students = await list(`?categoryId=${known(contest.categories[1], 'contest.categories[1]').id}&status=submitted&sort=code`);
      expect(titles(students.body)).toEqual(['aqua sense', 'Drone nông nghiệp', 'Fish_Track']);
      expect(students.body.items[0]).toMatchObject({ categoryName: 'Sinh viên', memberCount: 1, eligibility: 'pending' });
    });

    it('searches title, team and code case-insensitively, with % and _ taken literally', async () => {
      expect(titles((await list('?q=CẢNG')).body)).toEqual(['Cảng xanh']);
      expect(titles((await list('?q=team%20y')).body)).toEqual(['aqua sense']);
      expect(titles((await list(`?q=${entryTitled('Fish_Track').code.toLowerCase()}`)).body)).toEqual(['Fish_Track']);
      expect(titles((await list('?q=%25')).body)).toEqual(['Eco 100% Pack']);
      expect(titles((await list('?q=_')).body)).toEqual(['Fish_Track']);
      expect((await list('?q=nothing-like-this')).body).toMatchObject({ items: [], total: 0 });
    });

    it('refuses query parameters it does not know or cannot read with 400 naming them', async () => {
      const cases: [string, string][] = [
        ['?pageSize=101', 'pageSize'],
        ['?page=0', 'page'],
        ['?page=two', 'page'],
        ['?sort=password', 'sort'],
        ['?order=sideways', 'order'],
        ['?status=deleted', 'status'],
        ['?eligibility=maybe', 'eligibility'],
        ['?categoryId=not-a-uuid', 'categoryId'],
        ['?where=1%3D1', 'where'],
      ];
      for (const [query, field] of cases) {
        const refused = await list(query);
        expect([query, refused.status, refused.body.fields?.[0]?.field]).toEqual([query, 400, field]);
      }
      expect((await list('?where=1')).body.fields[0].message).toBe('is not a known field: remove it');
      expect((await list('?sort=password')).body.fields[0].message).toBe(
        'must be one of code, title, teamName, status, submittedAt, createdAt',
      );
      const foreign = await openContest(http, api.databaseUrl, organizer, { slug: 'foreign-2027' });
      expect((await list(`?categoryId=${known(foreign.categories[0], 'foreign.categories[0]').id}`)).body.fields).toEqual([
        { field: 'categoryId', code: 'unknown', message: 'is not a category of this contest' },
      ]);
    });

    it('shows a contest’s entries to its organizer and admins only', async () => {
      const applicant = await newApplicant(http);
      expect((await list('', applicant.token)).status).toBe(403);
      const foreign = await list('', otherOrganizer);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('contest.not_found');
      expect((await list('', await http.login('admin@demo.laurel'))).body.total).toBe(8);
      expect((await http.get(`/api/entries/${draftId}`, otherOrganizer)).status).toBe(404);
    });
  });

  describe('eligibility', () => {
    const decide = (entryId: string, body: unknown, token = organizer) => http.post(`/api/entries/${entryId}/eligibility`, body, token);

    it('records eligible and ineligible decisions with who and when; ineligible needs a reason', async () => {
      const entry = entryTitled('Bamboo Bikes');
      const noReason = await decide(entry.id, { eligible: false });
      expect(noReason.status).toBe(400);
      expect(noReason.body.fields).toEqual([
        {
          field: 'reason',
          code: 'screening.reason_ineligible',
          message: 'is needed when the entry is not eligible: the team and the audit trail read it',
        },
      ]);
      expect((await decide(entry.id, { eligible: false, reason: '   ' })).status).toBe(400);

      const ineligible = await decide(entry.id, { eligible: false, reason: 'Thành lập quá 5 năm' });
      expect(ineligible.status).toBe(200);
      const organizerId = (await http.get('/api/auth/me', organizer)).body.id;
      expect(ineligible.body).toMatchObject({
        eligibility: 'ineligible',
        eligibilityReason: 'Thành lập quá 5 năm',
        eligibilityBy: organizerId,
      });
      expect(Date.now() - Date.parse(ineligible.body.eligibilityAt)).toBeLessThan(60_000);
      const [row] = await sql(api.databaseUrl, `SELECT eligibility, eligibility_by, eligibility_at FROM entries WHERE id = $1`, [entry.id]);
      expect(row).toMatchObject({ eligibility: 'ineligible', eligibility_by: organizerId });

      const eligible = await decide(entryTitled('Cảng xanh').id, { eligible: true });
      expect(eligible.body).toMatchObject({ eligibility: 'eligible', eligibilityReason: null });
      expect(titles((await list('?eligibility=eligible')).body)).toEqual(['Cảng xanh']);
      expect((await list('?eligibility=ineligible')).body.items[0]).toMatchObject({
        title: 'Bamboo Bikes',
        eligibilityReason: 'Thành lập quá 5 năm',
      });
    });

    it('screens only submitted entries, only as the contest’s organizer', async () => {
      const draft = await decide(draftId, { eligible: true });
      expect(draft.status).toBe(409);
      expect(draft.body.message).toBe('Only submitted entries are screened; this one is still a draft.');
      expect((await decide(entryTitled('aqua sense').id, { eligible: true }, otherOrganizer)).status).toBe(404);
      expect((await decide(entryTitled('aqua sense').id, { eligible: true }, (await newApplicant(http)).token)).status).toBe(403);
      expect((await decide(entryTitled('aqua sense').id, { eligible: 'yes' })).body.fields).toEqual([
        { field: 'eligible', message: 'must be true or false', code: 'type' },
      ]);
    });
  });

  describe('export', () => {
    it('streams the entries as a workbook in the contest’s language and zone: bold frozen filtered header, formulas kept as text', async () => {
      const download = await getBytes(api.url, `/api/contests/${contest.id}/entries.xlsx`, organizer);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(XLSX);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="entries-screening-pilot-2027.xlsx"; filename*=UTF-8''entries-screening-pilot-2027.xlsx`,
      );

      const workbook = new Workbook();
      await workbook.xlsx.load(download.bytes as never);
      // A contest is written in Vietnamese and Asia/Ho_Chi_Minh unless it says otherwise.
      const sheet = workbook.getWorksheet('Hồ sơ');
      if (!sheet) throw new Error('no Hồ sơ sheet');
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'Mã hồ sơ',
        'Tên dự án',
        'Đội',
        'Hạng mục',
        'Đơn vị',
        'Trạng thái',
        'Điều kiện',
        'Lý do',
        'Nộp lúc (Asia/Ho_Chi_Minh (GMT+7))',
        'Thành viên',
      ]);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBe('A1:J1');
      // Seven submitted entries by code, then the draft.
      expect(sheet.rowCount).toBe(9);
      const first = sheet.getRow(2);
      expect(first.getCell(1).value).toBe('SP27-001');
      expect(first.getCell(2).value).toBe('Bamboo Bikes');
      expect(first.getCell(6).value).toBe('Đã nộp');
      expect(first.getCell(7).value).toBe('Không đủ điều kiện');
      expect(first.getCell(8).value).toBe('Thành lập quá 5 năm');
      // The cell holds the wall clock of Ho Chi Minh City: the stored instant plus 7 hours.
      const stored = await sqlRow<{ at: Date }>(databaseUrl, `SELECT submitted_at AS at FROM entries WHERE code = 'SP27-001'`);
      const cell = first.getCell(9).value as Date;
      expect(cell).toBeInstanceOf(Date);
      // (to the second: the cell keeps no milliseconds)
      expect(Math.abs(cell.getTime() - new Date(stored.at).getTime() - 7 * 3600_000)).toBeLessThan(1000);
      expect(first.getCell(9).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(first.getCell(10).value).toBe('Nguyễn Thị Hoa, CEO, hoa@greenharbor.vn');

      const injected = sheet.getRow(8);
      expect(injected.getCell(2).value).toBe('Green Wave');
      expect(injected.getCell(3).value).toBe(`'=HYPERLINK("http://evil.example")`);
      expect(injected.getCell(3).formula).toBeUndefined();
      expect(injected.getCell(5).value).toBe(`'@SUM(A1) org`);
      expect(sheet.getRow(9).getCell(2).value).toBe('Unfinished draft');
    });

    it('writes the entries workbook in English for an English contest, times in its zone', async () => {
      await sql(databaseUrl, `UPDATE contests SET language = 'en', time_zone = 'Europe/Paris' WHERE id = $1`, [contest.id]);
      try {
        const workbook = new Workbook();
        await workbook.xlsx.load(
          (await getBytes(api.url, `/api/contests/${contest.id}/entries.xlsx?status=submitted`, organizer)).bytes as never,
        );
        const sheet = workbook.getWorksheet('Entries');
        if (!sheet) throw new Error('no Entries sheet');
        const header = (sheet.getRow(1).values as string[]).slice(1);
        expect(header.slice(0, 3)).toEqual(['Code', 'Title', 'Team']);
        expect(header[8]).toMatch(/^Submitted at \(Europe\/Paris \(GMT\+[12]\)\)$/);
        expect(sheet.getRow(2).getCell(6).value).toBe('Submitted');
        expect(sheet.getRow(2).getCell(7).value).toBe('Not eligible');
      } finally {
        await sql(databaseUrl, `UPDATE contests SET language = 'vi', time_zone = 'Asia/Ho_Chi_Minh' WHERE id = $1`, [contest.id]);
      }
    });

    it('exports what the table filters, to the contest’s organizer only', async () => {
      const workbook = new Workbook();
      const download = await getBytes(api.url, `/api/contests/${contest.id}/entries.xlsx?status=draft`, organizer);
      await workbook.xlsx.load(download.bytes as never);
      expect(workbook.getWorksheet('Hồ sơ')?.rowCount).toBe(2);
      expect((await getBytes(api.url, `/api/contests/${contest.id}/entries.xlsx`, otherOrganizer)).status).toBe(404);
      expect((await getBytes(api.url, `/api/contests/${contest.id}/entries.xlsx?pageSize=5`, organizer)).status).toBe(400);
    });
  });

  describe('import', () => {
    async function template(contestId = contest.id): Promise<Workbook> {
      const download = await getBytes(api.url, `/api/contests/${contestId}/entries/import-template.xlsx`, organizer);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(XLSX);
      const workbook = new Workbook();
      await workbook.xlsx.load(download.bytes as never);
      return workbook;
    }

    function row(title: string, overrides: Record<number, string> = {}): string[] {
      const values = [
        title,
        `Đội ${title}`,
        'Doanh nghiệp',
        'Trường ĐH Hàng hải',
        'Tóm tắt',
        'Vấn đề',
        'Giải pháp',
        'Thị trường',
        'Mô hình',
        'https://youtu.be/demo',
        'Phạm Minh',
        'Trưởng nhóm',
        'minh@example.vn',
      ];
      for (const [column, value] of Object.entries(overrides)) values[Number(column) - 1] = value;
      return values;
    }

    async function importRows(rows: string[][], contestId = contest.id) {
      const workbook = await template(contestId);
      const sheet = known(workbook.worksheets[0], 'the import sheet');
      for (const values of rows) sheet.addRow(values);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      return postFile(api.url, `/api/contests/${contestId}/entries/import`, organizer, { bytes, fileName: 'entries.xlsx' });
    }

    const snapshot = () =>
      sqlRow(
        api.databaseUrl,
        `SELECT (SELECT count(*)::int FROM entries WHERE contest_id = $1) AS entries, entry_seq FROM contests WHERE id = $1`,
        [contest.id],
      );

    it('gives a template with the columns, and instructions in Vietnamese and English naming the categories', async () => {
      const workbook = await template();
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Hồ sơ - Entries', 'Hướng dẫn - Instructions']);
      const header = known(workbook.worksheets[0], 'workbook.worksheets[0]').getRow(1).values as string[];
      expect(header.slice(1, 4)).toEqual(['Tên dự án / Project title', 'Tên đội / Team name', 'Bảng thi / Category']);
      expect(header).toHaveLength(1 + 10 + 15);
      expect(workbook.worksheets[0]?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const help = known(workbook.worksheets[1], 'workbook.worksheets[1]')
        .getColumn(1)
        .values.concat(known(workbook.worksheets[1], 'workbook.worksheets[1]').getColumn(2).values)
        .map(String);
      expect(help).toEqual(
        expect.arrayContaining(['Hướng dẫn nhập hồ sơ dự thi', 'How to fill in the entries import', 'Doanh nghiệp', 'Sinh viên']),
      );
    });

    it('imports nothing when two rows are bad, and lists each bad row and field', async () => {
      const before = await snapshot();
      const refused = await importRows([
        row('Good one'),
        row('Missing team', { 2: '' }),
        row('Wrong category', { 3: 'Nông nghiệp', 13: 'minh-at-example' }),
      ]);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('import.invalid_rows');
      expect(refused.body.message).toBe('Nothing was imported: 3 problems in 2 rows. Correct them in the file and import it again.');
      expect(refused.body.fields).toEqual([
        {
          field: 'row 3: teamName',
          message: 'is empty: fill in "Tên đội / Team name"',
          code: 'import.empty',
          params: { row: 3, column: 'Tên đội / Team name' },
        },
        {
          field: 'row 4: category',
          message: '"Nông nghiệp" is not a category of this contest; use one of "Doanh nghiệp", "Sinh viên"',
          code: 'import.unknown_category',
          params: { row: 4, column: 'Bảng thi / Category', value: 'Nông nghiệp', categories: '“Doanh nghiệp”, “Sinh viên”' },
        },
        {
          field: 'row 4: member1Email',
          message: '"minh-at-example" is not an e-mail address such as name@example.vn',
          code: 'import.bad_email',
          params: { row: 4, column: 'Thành viên 1 - email / Member 1 e-mail', value: 'minh-at-example' },
        },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses rows repeating each other or an entry already in the contest', async () => {
      const refused = await importRows([row('Twice'), row('twice'), row('Bamboo Bikes', { 2: 'Team Z' })]);
      expect(refused.status).toBe(422);
      expect(refused.body.fields).toEqual([
        {
          field: 'row 3: title',
          message: 'repeats row 2 (same title and team name): keep one of them',
          code: 'import.repeated_row',
          params: { row: 3, column: 'Tên dự án / Project title', first: 2 },
        },
        {
          field: 'row 4: title',
          message: `is already in this contest as ${entryTitled('Bamboo Bikes').code} (same title and team name): remove the row`,
          code: 'import.exists',
          params: { row: 4, column: 'Tên dự án / Project title', entry: entryTitled('Bamboo Bikes').code },
        },
      ]);
    });

    it('imports good rows in one go as submitted entries with the next codes and no owner', async () => {
      const before = await snapshot();
      const imported = await importRows([row('Imported A'), row('Imported B', { 3: 'sinh viên', 10: '' })]);
      expect(imported.status).toBe(200);
      expect(imported.body).toEqual({ imported: 2 });
      const rows = await sql(
        api.databaseUrl,
        `SELECT code, status, owner_id, title, video_url, members, submitted_at IS NOT NULL AS submitted FROM entries WHERE contest_id = $1 AND title LIKE 'Imported %' ORDER BY code`,
        [contest.id],
      );
      expect(rows).toEqual([
        {
          code: `SP27-${String(before.entry_seq + 1).padStart(3, '0')}`,
          status: 'submitted',
          owner_id: null,
          title: 'Imported A',
          video_url: 'https://youtu.be/demo',
          members: [{ name: 'Phạm Minh', role: 'Trưởng nhóm', email: 'minh@example.vn' }],
          submitted: true,
        },
        expect.objectContaining({ code: `SP27-${String(before.entry_seq + 2).padStart(3, '0')}`, video_url: null }),
      ]);
      expect(titles((await list(`?categoryId=${known(contest.categories[1], 'contest.categories[1]').id}&q=imported`)).body)).toEqual([
        'Imported B',
      ]);
    });

    it('refuses a file that is not a workbook (415), a sheet without the template header, and a judging contest (409)', async () => {
      const pdf = await postFile(api.url, `/api/contests/${contest.id}/entries/import`, organizer, {
        bytes: tinyPdf(),
        fileName: 'entries.xlsx',
      });
      expect(pdf.status).toBe(415);
      expect(pdf.body.message).toMatch(/not an Excel workbook/);

      const blank = new Workbook();
      blank.addWorksheet('Sheet1').addRow(['Name', 'Something']);
      const noHeader = await postFile(api.url, `/api/contests/${contest.id}/entries/import`, organizer, {
        bytes: Buffer.from(await blank.xlsx.writeBuffer()),
        fileName: 'mine.xlsx',
      });
      expect(noHeader.status).toBe(422);
      expect(noHeader.body.fields[0]).toEqual({
        field: 'row 1',
        message: 'has no column "Tên dự án / Project title": download the template again and keep its header row',
        code: 'import.missing_column',
        params: { row: 1, column: 'Tên dự án / Project title' },
      });

      const empty = await importRows([]);
      expect(empty.body.fields).toEqual([{ field: 'file', message: 'has no entries below the header row', code: 'import.no_rows' }]);

      const judging = await openContest(http, api.databaseUrl, organizer, { slug: 'judging-2027', status: 'judging' });
      const late = await importRows([row('Too late')], judging.id);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('import.judging_started');
      expect(
        (await postFile(api.url, `/api/contests/${contest.id}/entries/import`, otherOrganizer, { bytes: tinyPdf(), fileName: 'x.xlsx' }))
          .status,
      ).toBe(404);
    });
  });
});
