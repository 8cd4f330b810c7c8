import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Client } from 'pg';
import { SaxesParser } from 'saxes';
import { getBytes } from './fixtures/entries';
import {
  COMPANY,
  jpegSegments,
  jpegWithArtist,
  MAKER,
  officeWithAuthors,
  pdfWithAuthor,
  PLAIN_JPEG,
  zipParts,
} from './fixtures/identifying-files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertAttachment, insertEntry, userId } from './support/judging-fixtures';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * Blind rounds leak through files: a deck's PDF author, a PPTX's creator, a photo's EXIF name the
 * team. A blind round's judge gets a copy with those removed, made once and stored next to the
 * original; a judge of an open round and the organizer get the original bytes.
 */
describe('files a blind round’s judge opens', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let dataDir: string;
  let organizer: string;
  let judge: string;
  const files: Record<'pdf' | 'pptx' | 'jpeg', { bytes: Buffer; contentType: string; name: string }> = {} as never;
  /** Per round kind: the judge's assignment, the entry and its attachments by type. */
  const rounds: Record<'blind' | 'open', { assignment: string; entry: string; attachments: Record<string, string> }> = {} as never;

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    dataDir = mkdtempSync(join(tmpdir(), 'laurel-blind-'));
    api = await startApi({ LAUREL_DATA_DIR: dataDir }, databaseUrl);
    http = new Http(api.url);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
    judge = await http.login('judge1@demo.laurel');
    files.pdf = { bytes: await pdfWithAuthor(), contentType: 'application/pdf', name: `${MAKER} deck.pdf` };
    files.pptx = { bytes: officeWithAuthors('pptx'), contentType: PPTX, name: 'deck.pptx' };
    files.jpeg = { bytes: jpegWithArtist(), contentType: 'image/jpeg', name: 'team.jpg' };

    for (const kind of ['blind', 'open'] as const) {
      const contest = await createJudgingContest(http, organizer, {
        rounds: [{ name: kind === 'blind' ? 'Blind screening' : 'Open screening', judgesPerEntry: 1, blind: kind === 'blind' }],
        judges: [{ email: 'judge1@demo.laurel', displayName: 'Judge One' }],
      });
      const entry = await insertEntry(db, contest, { title: `Phoenix ${kind}`, teamName: 'Phoenix', organization: COMPANY });
      const attachments: Record<string, string> = {};
      for (const [type, file] of Object.entries(files)) {
        attachments[type] = await insertAttachment(db, dataDir, entry.id, {
          kind: 'other',
          originalName: file.name,
          contentType: file.contentType,
          bytes: file.bytes,
        });
      }
      const round = contest.rounds[0].id;
      expect((await http.post(`/api/rounds/${round}/open`, {}, organizer)).status).toBe(200);
      const made = await http.post(
        `/api/rounds/${round}/assignments`,
        { entryId: entry.id, judgeId: await userId(db, 'judge1@demo.laurel') },
        organizer,
      );
      expect(made.status).toBe(201);
      rounds[kind] = { assignment: made.body.id, entry: entry.id, attachments };
    }
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  const asJudge = (kind: 'blind' | 'open', type: string) =>
    getBytes(api.url, `/api/assignments/${rounds[kind].assignment}/attachments/${rounds[kind].attachments[type]}`, judge);
  /** A maker's name as text, or as the UTF-16 hex string PDF writers use for document info. */
  const utf16Hex = (name: string) => Buffer.from(name, 'utf16le').swap16().toString('hex').toUpperCase();
  const hasName = (bytes: Buffer) => {
    const text = bytes.toString('latin1');
    return [MAKER, COMPANY].some((name) => text.includes(name) || text.toUpperCase().includes(utf16Hex(name)));
  };
  const xmlParses = (xml: Buffer) => new SaxesParser().write(xml.toString('utf8')).close();

  it('the test files do name their makers (so the checks below can fail)', async () => {
    expect(Object.values(files).every((file) => hasName(file.bytes))).toBe(true);
    expect((await PDFDocument.load(files.pdf.bytes)).getAuthor()).toBe(MAKER);
  });

  it('serves a blind round’s judge a PDF without document info or XMP, that still opens with its page', async () => {
    const served = await asJudge('blind', 'pdf');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).not.toContain('Phoenix');
    expect(hasName(served.bytes)).toBe(false);
    const doc = await PDFDocument.load(served.bytes, { updateMetadata: false });
    expect([doc.getAuthor(), doc.getCreator(), doc.getTitle()]).toEqual([undefined, undefined, undefined]);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 200, height: 100 });
  });

  it('serves a PPTX whose core and app properties lost creator, last modified by, company and manager, parts otherwise intact', async () => {
    const served = await asJudge('blind', 'pptx');
    expect(served.status).toBe(200);
    expect(hasName(served.bytes)).toBe(false);
    const before = zipParts(files.pptx.bytes);
    const after = zipParts(served.bytes);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, content] of before) if (!name.startsWith('docProps/')) expect(after.get(name)?.equals(content)).toBe(true);
    const core = after.get('docProps/core.xml')?.toString('utf8') ?? '';
    const app = after.get('docProps/app.xml')?.toString('utf8') ?? '';
    expect(core).not.toMatch(/creator|lastModifiedBy/);
    expect(core).toContain('<dc:title>Pitch</dc:title>');
    expect(app).not.toMatch(/Company|Manager/);
    expect(app).toContain('<Slides>1</Slides>');
    for (const part of after.values()) expect(() => xmlParses(part)).not.toThrow();
  });

  it('serves a JPEG without EXIF, XMP or comments, its image segments and scan data byte for byte', async () => {
    const served = await asJudge('blind', 'jpeg');
    expect(served.status).toBe(200);
    expect(hasName(served.bytes)).toBe(false);
    const markers = jpegSegments(served.bytes).map((s) => s.marker);
    expect(markers).not.toContain(0xe1);
    expect(markers).not.toContain(0xfe);
    // What Chromium drew, JFIF and ICC profile included, is exactly what is served.
    expect(served.bytes.equals(PLAIN_JPEG)).toBe(true);
  });

  it('makes the copy once and keeps it next to the original', async () => {
    const [{ storage_key: key, blind_size_bytes: size }] = (
      await db.query('SELECT storage_key, blind_size_bytes::int FROM attachments WHERE id = $1', [rounds.blind.attachments['pdf']])
    ).rows;
    const stored = readFileSync(join(dataDir, 'files', ...`${key}-blind`.split('/')));
    expect(size).toBe(stored.length);
    const again = await asJudge('blind', 'pdf');
    expect(again.bytes.equals(stored)).toBe(true);
    expect(again.headers.get('content-length')).toBe(String(stored.length));
  });

  it('refuses, rather than passes on, a file it cannot read to clean (422, nothing stored)', async () => {
    const broken = await insertAttachment(db, dataDir, rounds.blind.entry, {
      kind: 'other',
      originalName: 'broken.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from(`%PDF-1.4\n/Author (${MAKER})\n%%EOF\n`),
    });
    const served = await getBytes(api.url, `/api/assignments/${rounds.blind.assignment}/attachments/${broken}`, judge);
    expect(served.status).toBe(422);
    const body = JSON.parse(served.bytes.toString('utf8'));
    expect(body.code).toBe('attachment.not_cleanable');
    expect(body.message).toContain('Tell the organizer');
    expect(hasName(served.bytes)).toBe(false);
    const [{ blind_size_bytes: size }] = (await db.query('SELECT blind_size_bytes FROM attachments WHERE id = $1', [broken])).rows;
    expect(size).toBeNull();
  });

  it('gives a judge of an open round and the organizer the original bytes', async () => {
    for (const type of Object.keys(files) as (keyof typeof files)[]) {
      expect((await asJudge('open', type)).bytes.equals(files[type].bytes)).toBe(true);
      const original = await getBytes(
        api.url,
        `/api/entries/${rounds.blind.entry}/attachments/${rounds.blind.attachments[type]}`,
        organizer,
      );
      expect(original.status).toBe(200);
      expect(original.bytes.equals(files[type].bytes)).toBe(true);
    }
  });
});
