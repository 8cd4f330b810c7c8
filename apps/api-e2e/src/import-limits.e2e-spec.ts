import { getBytes, openContest, postFile, sqlRow } from './fixtures/entries';
import { manyRowsWorkbook, residentBytes, zipBombWorkbook } from './fixtures/workbooks';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/**
 * A workbook import is read as a stream with its limits checked before it is inflated: a small
 * upload that unpacks to gigabytes, or a sheet of a million rows, is refused and the API
 * process's memory (its resident set, read from /proc while the request runs) barely moves.
 * How fast is measured by `npm run bench -- --only=import` (speed goals live there, not in tests);
 * LAUREL_PRINT_FIGURES=1 prints this run's times.
 */
describe('workbook import limits over HTTP', () => {
  let api: ApiProcess;
  let organizer: string;
  let contest: { id: string };

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    api = await startApi({}, databaseUrl);
    const http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    contest = await openContest(http, databaseUrl, organizer, { slug: 'import-limits-2027' });
    // Warm the import path (first-use code loading is not the file's cost).
    const template = await getBytes(api.url, `/api/contests/${contest.id}/entries/import-template.xlsx`, organizer);
    await postFile(api.url, `/api/contests/${contest.id}/entries/import`, organizer, { bytes: template.bytes, fileName: 'template.xlsx' });
  });
  afterAll(() => api?.stop());

  /** Posts a workbook while sampling the API's resident memory every 5 ms; the peak growth and the time taken. */
  async function importMeasured(bytes: Buffer) {
    const pid = api.process.pid as number;
    const before = residentBytes(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 5);
    const started = performance.now();
    try {
      const answer = await postFile(api.url, `/api/contests/${contest.id}/entries/import`, organizer, { bytes, fileName: 'entries.xlsx' });
      const millis = performance.now() - started;
      peak = Math.max(peak, residentBytes(pid));
      return { ...answer, millis, grewBy: peak - before };
    } finally {
      clearInterval(sampler);
    }
  }

  const MB = 1024 * 1024;
  const entryCount = async () =>
    (await sqlRow(api.databaseUrl, 'SELECT count(*)::int AS n FROM entries WHERE contest_id = $1', [contest.id])).n;

  it('refuses a ZIP bomb (1 GB of sheet in about 1 MB) from its directory, before inflating it', async () => {
    const bomb = await zipBombWorkbook(1024);
    expect(bomb.length).toBeLessThan(2 * MB);
    const answer = await importMeasured(bomb);
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('import.too_large');
    // The sizes for a client's own byte formatter: the bomb's sheet unpacks past 1 GB, the limit is 50 × 1024² bytes.
    expect(answer.body.params).toEqual({ sizeBytes: expect.any(Number), limitBytes: 50 * MB });
    expect(answer.body.params.sizeBytes).toBeGreaterThan(1000 * MB);
    expect(answer.body.message).toBe(
      'The workbook unpacks to 1.0 GB; an import reads at most 50 MB. Copy the entries into the template (no pictures or other sheets) and import that file.',
    );
    if (process.env['LAUREL_PRINT_FIGURES'])
      console.log(`${expect.getState().currentTestName}: ${Math.round(answer.millis)} ms, +${(answer.grewBy / MB).toFixed(1)} MB RSS`);
    expect(answer.grewBy).toBeLessThan(50 * MB);
    expect(await entryCount()).toBe(0);
  });

  it('stops a bomb whose directory lies about its size as soon as it passes the claimed size', async () => {
    const liar = await zipBombWorkbook(1024, true);
    const answer = await importMeasured(liar);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('import.unreadable');
    expect(answer.body.message).toMatch(/save it again as \.xlsx/);
    if (process.env['LAUREL_PRINT_FIGURES'])
      console.log(`${expect.getState().currentTestName}: ${Math.round(answer.millis)} ms, +${(answer.grewBy / MB).toFixed(1)} MB RSS`);
    expect(answer.grewBy).toBeLessThan(50 * MB);
  });

  it('refuses a sheet of 1,000,000 rows after reading 2,001 of them', async () => {
    const sheet = await manyRowsWorkbook(1_000_000);
    const answer = await importMeasured(sheet);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('import.invalid_rows');
    expect(answer.body.fields).toEqual([
      {
        field: 'file',
        message: 'holds more than 2000 entries; import at most 2000 at a time, in several files',
        code: 'import.too_many_rows',
        params: { max: 2000 },
      },
    ]);
    if (process.env['LAUREL_PRINT_FIGURES'])
      console.log(`${expect.getState().currentTestName}: ${Math.round(answer.millis)} ms, +${(answer.grewBy / MB).toFixed(1)} MB RSS`);
    expect(answer.grewBy).toBeLessThan(50 * MB);
    expect(await entryCount()).toBe(0);
  });
});
