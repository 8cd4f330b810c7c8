import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { StorageObjectNotFoundError } from './file-storage';
import { createS3Client, S3Storage, type S3StorageSettings } from './s3.storage';

interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Just enough of the S3 REST API, on 127.0.0.1, to see what the driver sends. */
function fakeS3(): Promise<{ server: Server; endpoint: string; seen: SeenRequest[]; objects: Map<string, Buffer> }> {
  const seen: SeenRequest[] = [];
  const objects = new Map<string, Buffer>();
  const parts = new Map<string, Buffer[]>();
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await buffer(req);
    seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const key = decodeURIComponent(url.pathname);
    const xml = (status: number, payload: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>${payload}`);
    };
    if (req.method === 'POST' && url.searchParams.has('uploads')) {
      parts.set('upload-1', []);
      return xml(
        200,
        `<InitiateMultipartUploadResult><Bucket>laurel-files</Bucket><Key>${key}</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    if (req.method === 'PUT' && url.searchParams.has('partNumber')) {
      parts.get(url.searchParams.get('uploadId') ?? '')?.push(body);
      res.writeHead(200, { etag: `"part-${url.searchParams.get('partNumber')}"` });
      return res.end();
    }
    if (req.method === 'POST' && url.searchParams.has('uploadId')) {
      objects.set(key, Buffer.concat(parts.get(url.searchParams.get('uploadId') ?? '') ?? []));
      return xml(200, `<CompleteMultipartUploadResult><Key>${key}</Key><ETag>"whole"</ETag></CompleteMultipartUploadResult>`);
    }
    if (req.method === 'PUT') {
      objects.set(key, body);
      res.writeHead(200, { etag: '"single"' });
      return res.end();
    }
    if (req.method === 'GET') {
      const object = objects.get(key);
      if (!object) return xml(404, `<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>`);
      res.writeHead(200, { 'content-length': object.length, 'content-type': 'application/octet-stream' });
      return res.end(object);
    }
    if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    xml(400, '<Error><Code>NotImplemented</Code></Error>');
  };
  // A failure inside the fake is the test's, so it answers 500 with the reason for the SDK to report.
  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, objects }),
    ),
  );
}

// The SDK's notice about Node 22 is for whoever runs the API, not for this test's output.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

describe(S3Storage.name, () => {
  let fake: Awaited<ReturnType<typeof fakeS3>>;
  let settings: S3StorageSettings;

  beforeEach(async () => {
    fake = await fakeS3();
    settings = {
      bucket: 'laurel-files',
      region: 'ap-southeast-1',
      endpoint: fake.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret-test-key' },
    };
  });
  afterEach(() => new Promise((resolve) => fake.server.close(resolve)));

  it('sends a small file in one signed PutObject to /<bucket>/<key> and reads it back', async () => {
    const sut = new S3Storage(settings);
    const bytes = Buffer.from('%PDF-1.4 tiny deck');
    const stored = await sut.put(
      'attachments/6a3e0f4e-2b1c-4d7e-9f00-1a2b3c4d5e6f',
      Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]),
    );

    expect(stored).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const [put] = fake.seen;
    expect(put).toMatchObject({ method: 'PUT', path: '/laurel-files/attachments/6a3e0f4e-2b1c-4d7e-9f00-1a2b3c4d5e6f' });
    if (put === undefined) return;
    expect(put.body.equals(bytes)).toBe(true);
    expect(put.headers['content-length']).toBe(String(bytes.length));
    expect(put.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATEST\/\d{8}\/ap-southeast-1\/s3\/aws4_request/);
    // No CRC32 trailer: S3-compatible services that do not know it would refuse the upload.
    expect(put.headers['x-amz-checksum-crc32']).toBeUndefined();
    expect(put.headers['x-amz-trailer']).toBeUndefined();

    expect(await text(await sut.get('attachments/6a3e0f4e-2b1c-4d7e-9f00-1a2b3c4d5e6f'))).toBe('%PDF-1.4 tiny deck');
  });

  it('sends a file larger than a part as a multipart upload, one part in memory at a time', async () => {
    const sut = new S3Storage({ ...settings, partSize: 10 });
    // 25 bytes in chunks of 4 with parts of at least 10 bytes: parts of 12, 12 and 1 byte.
    const bytes = Buffer.from('abcdefghijklmnopqrstuvwxy');
    const chunks = Array.from({ length: 7 }, (_, i) => bytes.subarray(i * 4, i * 4 + 4));
    const stored = await sut.put('attachments/big', Readable.from(chunks));

    expect(stored.size).toBe(25);
    expect(fake.seen.map((r) => `${r.method} ${r.query.has('uploads') ? 'create' : (r.query.get('partNumber') ?? 'complete')}`)).toEqual([
      'POST create',
      'PUT 1',
      'PUT 2',
      'PUT 3',
      'POST complete',
    ]);
    expect(fake.seen.slice(1, 4).map((r) => r.body.length)).toEqual([12, 12, 1]);
    expect(fake.seen[4]?.body.toString()).toMatch(/<Part><ETag>&quot;part-1&quot;<\/ETag><PartNumber>1<\/PartNumber><\/Part>/);
    expect(fake.objects.get('/laurel-files/attachments/big')?.equals(bytes)).toBe(true);
  });

  it('aborts the multipart upload when the incoming stream fails', async () => {
    const sut = new S3Storage({ ...settings, partSize: 4 });
    async function* failing() {
      yield Buffer.from('12345678');
      throw new Error('client went away');
    }
    await expect(sut.put('attachments/broken', Readable.from(failing()))).rejects.toThrow('client went away');
    expect(fake.seen.map((r) => r.method)).toEqual(['POST', 'PUT', 'DELETE']);
    expect(fake.seen[2]?.query.get('uploadId')).toBe('upload-1');
  });

  it('answers StorageObjectNotFoundError for a missing key and deletes with DELETE', async () => {
    const sut = new S3Storage(settings);
    await expect(sut.get('attachments/missing')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    await sut.delete('attachments/missing');
    expect(fake.seen.at(-1)).toMatchObject({ method: 'DELETE', path: '/laurel-files/attachments/missing' });
  });

  it('addresses the bucket as a host name when path style is off', async () => {
    const client = createS3Client({ ...settings, endpoint: null, forcePathStyle: false });
    const hosts: string[] = [];
    // Seen after signing, before anything would go on the wire.
    client.middlewareStack.add(
      () => async (args) => {
        const request = args.request as { hostname: string; path: string };
        hosts.push(`${request.hostname}${request.path}`);
        return { output: { $metadata: {} } as never, response: {} };
      },
      { step: 'finalizeRequest', priority: 'low' },
    );
    await new S3Storage({ ...settings, endpoint: null, forcePathStyle: false }, client).delete('attachments/x');
    expect(hosts).toEqual(['laurel-files.s3.ap-southeast-1.amazonaws.com/attachments/x']);
    expect(fake.seen).toEqual([]);
  });
});
