import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { known } from '@laurel/domain';
import { completeEntry, getBytes, newApplicant, postFile, sqlRow } from './fixtures/entries';
import { EXE_BYTES, PNG_BYTES, storedZip, tinyPdf, tinyPptx } from './fixtures/files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/** A small limit, so "one byte over" is a small file. */
const UPLOAD_MAX_BYTES = 4096;

describe('entry attachments over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let dataDir: string;
  let demo: { id: string; categories: { id: string; name: string }[] };

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    dataDir = mkdtempSync(join(tmpdir(), 'laurel-files-'));
    api = await startApi({ UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), LAUREL_DATA_DIR: dataDir }, databaseUrl);
    http = new Http(api.url);
    demo = (await http.get('/api/contests/startup-talent-2026')).body;
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every file the local storage driver holds, relative to its root. */
  const storedFiles = () => {
    const root = join(dataDir, 'files');
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => join(f.parentPath, f.name).slice(root.length + 1));
  };
  const attachmentRows = async () => (await sqlRow(api.databaseUrl, `SELECT count(*)::int AS n FROM attachments`)).n;

  async function draft(): Promise<{ token: string; entryId: string }> {
    const team = await newApplicant(http);
    const created = await http.post(
      `/api/contests/${demo.id}/entries`,
      completeEntry(demo, known(demo.categories[0], 'demo.categories[0]').id),
      team.token,
    );
    return { token: team.token, entryId: created.body.id };
  }

  const upload = (entryId: string, token: string, options: Parameters<typeof postFile>[3]) =>
    postFile(api.url, `/api/entries/${entryId}/attachments`, token, options);

  it('stores a PDF under a generated key and serves it back as a download with a safe name', async () => {
    const { token, entryId } = await draft();
    const bytes = tinyPdf();
    const uploaded = await upload(entryId, token, {
      bytes,
      fileName: 'Hồ sơ dự thi (GreenHarbor).pdf',
      kind: 'pitch_deck',
      contentType: 'text/plain',
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      kind: 'pitch_deck',
      fileName: 'Hồ sơ dự thi (GreenHarbor).pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      url: `/api/entries/${entryId}/attachments/${uploaded.body.id}`,
    });

    const row = await sqlRow(api.databaseUrl, `SELECT storage_key, original_name FROM attachments WHERE id = $1`, [uploaded.body.id]);
    expect(row.storage_key).toMatch(/^attachments\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(readFileSync(join(dataDir, 'files', row.storage_key)).equals(bytes)).toBe(true);

    const download = await getBytes(api.url, uploaded.body.url, token);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(bytes)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(bytes.length));
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Ho so du thi (GreenHarbor).pdf"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20d%E1%BB%B1%20thi%20%28GreenHarbor%29.pdf`,
    );
    expect((await http.get(`/api/entries/${entryId}`, token)).body.attachments).toEqual([uploaded.body]);
  });

  it('keeps a name with ../ and control characters as a plain name, never as a path', async () => {
    const { token, entryId } = await draft();
    const before = storedFiles().length;
    const uploaded = await upload(entryId, token, { bytes: tinyPdf(), fileName: '../../../etc/passwd\u202E.pdf', kind: 'other' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.fileName).toBe('passwd.pdf');
    const windows = await upload(entryId, token, { bytes: tinyPdf(), fileName: '..\\..\\boot.ini', kind: 'other' });
    expect(windows.body.fileName).toBe('boot.ini.pdf');
    const dots = await upload(entryId, token, { bytes: tinyPdf(), fileName: '..', kind: 'other' });
    expect(dots.body.fileName).toBe('file.pdf');

    // Nothing was written outside the storage root, and nothing inside it under an uploaded name.
    const files = storedFiles();
    expect(files).toHaveLength(before + 3);
    expect(files.every((f) => /^attachments\/[0-9a-f-]{36}$/.test(f))).toBe(true);
    expect(existsSync(join(dataDir, 'etc'))).toBe(false);
    expect((await getBytes(api.url, windows.body.url, token)).headers.get('content-disposition')).toBe(
      `attachment; filename="boot.ini.pdf"; filename*=UTF-8''boot.ini.pdf`,
    );
  });

  it('decides the type from the bytes: PNG, JPEG and a real PPTX pass whatever their name; the extension follows the bytes', async () => {
    const { token, entryId } = await draft();
    const png = await upload(entryId, token, { bytes: PNG_BYTES, fileName: 'photo.pdf', contentType: 'application/pdf', kind: 'other' });
    expect(png.body).toMatchObject({ contentType: 'image/png', fileName: 'photo.pdf.png' });
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF\0'),
      Buffer.alloc(64),
      Buffer.from([0xff, 0xd9]),
    ]);
    expect((await upload(entryId, token, { bytes: jpeg, fileName: 'logo.JPG', kind: 'other' })).body).toMatchObject({
      contentType: 'image/jpeg',
      fileName: 'logo.jpg',
    });
    const pptx = await upload(entryId, token, { bytes: tinyPptx(), fileName: 'Pitch.pptx', kind: 'pitch_deck', kindLast: true });
    expect(pptx.status).toBe(201);
    expect(pptx.body).toMatchObject({
      kind: 'pitch_deck',
      fileName: 'Pitch.pptx',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
  });

  it('refuses a renamed .exe and a ZIP that is no deck with 415, storing nothing', async () => {
    const { token, entryId } = await draft();
    const [files, rows] = [storedFiles().length, await attachmentRows()];

    const exe = await upload(entryId, token, {
      bytes: EXE_BYTES,
      fileName: 'pitch-deck.pdf',
      contentType: 'application/pdf',
      kind: 'pitch_deck',
    });
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', code: 'upload.unsupported_type' });
    expect(exe.body.message).toMatch(/not a PDF, PowerPoint \(\.pptx\), PNG or JPEG file\. Its content decides, not its name/);

    // "PK" at the start is not enough: a Word document renamed .pptx has no ppt/presentation.xml.
    const docx = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect((await upload(entryId, token, { bytes: docx, fileName: 'deck.pptx', kind: 'pitch_deck' })).status).toBe(415);
    expect(
      (await upload(entryId, token, { bytes: Buffer.from('<html><script>alert(1)</script></html>'), fileName: 'a.png', kind: 'other' }))
        .status,
    ).toBe(415);

    expect(storedFiles()).toHaveLength(files);
    expect(await attachmentRows()).toBe(rows);
  });

  it('refuses a file one byte over the limit with 413 and keeps nothing of it; one at the limit passes', async () => {
    const { token, entryId } = await draft();
    const [files, rows] = [storedFiles().length, await attachmentRows()];
    const tooLarge = await upload(entryId, token, { bytes: tinyPdf(UPLOAD_MAX_BYTES + 1), fileName: 'big.pdf', kind: 'pitch_deck' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', code: 'upload.too_large' });
    expect(tooLarge.body.message).toMatch(/larger than 4 KB, the most an attachment may be/);
    expect(storedFiles()).toHaveLength(files);
    expect(await attachmentRows()).toBe(rows);

    // Far over the limit: refused as it streams, and the request still ends cleanly.
    const huge = await upload(entryId, token, { bytes: tinyPdf(2 * 1024 * 1024), fileName: 'huge.pdf', kind: 'pitch_deck' });
    expect(huge.status).toBe(413);
    expect(storedFiles()).toHaveLength(files);

    const atLimit = await upload(entryId, token, { bytes: tinyPdf(UPLOAD_MAX_BYTES), fileName: 'exact.pdf', kind: 'pitch_deck' });
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.size).toBe(UPLOAD_MAX_BYTES);
  });

  it('refuses a missing or unknown kind, a missing file, two files and a body that is not a form with 400, storing nothing', async () => {
    const { token, entryId } = await draft();
    const files = storedFiles().length;
    const noKind = await upload(entryId, token, { bytes: tinyPdf(), fileName: 'a.pdf' });
    expect(noKind.status).toBe(400);
    expect(noKind.body.fields).toEqual([{ field: 'kind', code: 'option', message: 'must be one of pitch_deck, business_plan, other' }]);
    expect((await upload(entryId, token, { bytes: tinyPdf(), fileName: 'a.pdf', kind: 'resume' })).status).toBe(400);

    const onlyKind = new FormData();
    onlyKind.append('kind', 'other');
    const noFile = await fetch(`${api.url}/api/entries/${entryId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: onlyKind,
    });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).fields).toEqual([
      { field: 'file', code: 'required', message: 'is missing: choose a PDF, PPTX, PNG or JPEG file' },
    ]);

    const two = new FormData();
    two.append('kind', 'other');
    two.append('file', new Blob([new Uint8Array(tinyPdf())]), 'one.pdf');
    two.append('file', new Blob([new Uint8Array(tinyPdf())]), 'two.pdf');
    const twoFiles = await fetch(`${api.url}/api/entries/${entryId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: two,
    });
    expect(twoFiles.status).toBe(400);
    expect((await twoFiles.json()).message).toBe('Send one file per request, in the field "file".');

    const json = await http.post(`/api/entries/${entryId}/attachments`, { file: 'JVBERi0=' }, token);
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('upload.not_multipart');

    expect(storedFiles()).toHaveLength(files);
    expect((await http.get(`/api/entries/${entryId}`, token)).body.attachments).toEqual([]);
  });

  it('lets only the owner upload and delete; the organizer may download; others get 404', async () => {
    const { token, entryId } = await draft();
    const other = await newApplicant(http);
    const organizer = await http.login('organizer@demo.laurel');
    const judge = await http.login('judge1@demo.laurel');
    const { body: file } = await upload(entryId, token, { bytes: tinyPdf(), fileName: 'deck.pdf', kind: 'pitch_deck' });

    expect((await upload(entryId, other.token, { bytes: tinyPdf(), fileName: 'x.pdf', kind: 'other' })).status).toBe(404);
    expect((await upload(entryId, organizer, { bytes: tinyPdf(), fileName: 'x.pdf', kind: 'other' })).status).toBe(403);
    expect((await getBytes(api.url, file.url, other.token)).status).toBe(404);
    expect((await getBytes(api.url, file.url, judge)).status).toBe(404);
    expect((await getBytes(api.url, file.url, organizer)).status).toBe(200);
    expect((await http.request('DELETE', file.url, { token: other.token })).status).toBe(404);
    expect((await http.request('DELETE', file.url, { token: organizer })).status).toBe(403);
    expect((await getBytes(api.url, `/api/entries/${entryId}/attachments/00000000-0000-4000-8000-000000000000`, token)).status).toBe(404);
  });

  it('deletes a file of a draft from the database and the disk; a submitted entry keeps its files', async () => {
    const { token, entryId } = await draft();
    const { body: extra } = await upload(entryId, token, { bytes: PNG_BYTES, fileName: 'extra.png', kind: 'other' });
    const { storage_key: key } = await sqlRow(api.databaseUrl, `SELECT storage_key FROM attachments WHERE id = $1`, [extra.id]);
    const removed = await http.request('DELETE', extra.url, { token });
    expect(removed.status).toBe(204);
    expect(existsSync(join(dataDir, 'files', key))).toBe(false);
    expect((await getBytes(api.url, extra.url, token)).status).toBe(404);
    expect((await http.request('DELETE', extra.url, { token })).status).toBe(404);

    const { body: deck } = await upload(entryId, token, { bytes: tinyPdf(), fileName: 'deck.pdf', kind: 'pitch_deck' });
    expect((await http.post(`/api/entries/${entryId}/submit`, {}, token)).status).toBe(200);
    const locked = await http.request('DELETE', deck.url, { token });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toMatch(/only while the entry is a draft/);
    expect((await upload(entryId, token, { bytes: tinyPdf(), fileName: 'late.pdf', kind: 'other' })).status).toBe(409);
    expect((await getBytes(api.url, deck.url, token)).status).toBe(200);
  });

  it('holds at most ten files per entry (422), leaving nothing of the eleventh', async () => {
    const { token, entryId } = await draft();
    for (let i = 0; i < 10; i++) {
      expect((await upload(entryId, token, { bytes: PNG_BYTES, fileName: `p${i}.png`, kind: 'other' })).status).toBe(201);
    }
    const files = storedFiles().length;
    const eleventh = await upload(entryId, token, { bytes: PNG_BYTES, fileName: 'p10.png', kind: 'other' });
    expect(eleventh.status).toBe(422);
    expect(eleventh.body.message).toBe('An entry may hold at most 10 files. Delete one you no longer need, then upload again.');
    expect(storedFiles()).toHaveLength(files);
  });
});
