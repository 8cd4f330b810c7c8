import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError } from '@laurel/api-core';

type Parts = FastifyRequest['parts'];

interface HeldPart {
  type: 'field' | 'file';
  fieldname: string;
  value?: string;
  filename?: string;
  mimetype?: string;
  encoding?: string;
  bytes?: Buffer;
  truncated?: boolean;
}

/**
 * A multipart request carrying an Idempotency-Key is read here first, so its key can be tied to
 * what it sends: each field by name and value, each file by name and the sha256 of its bytes
 * (a form's boundary differs on every send, so the raw body cannot be the fingerprint). The parts
 * are then handed to the route exactly as fastify would have, from memory (at most the upload
 * limit, and only for requests with a key).
 */
export async function fingerprintMultipart(request: FastifyRequest, maxBytes: number): Promise<string> {
  const held: HeldPart[] = [];
  const hash = createHash('sha256');
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } }) as AsyncIterable<Multipart>) {
      if (part.type === 'field') {
        const value = String(part.value);
        held.push({ type: 'field', fieldname: part.fieldname, value });
        hash.update(`field ${JSON.stringify(part.fieldname)} ${JSON.stringify(value)}\n`);
        continue;
      }
      const chunks: Buffer[] = [];
      const fileHash = createHash('sha256');
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        fileHash.update(chunk);
      }
      held.push({
        type: 'file',
        fieldname: part.fieldname,
        filename: part.filename,
        mimetype: part.mimetype,
        encoding: part.encoding,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      });
      hash.update(`file ${JSON.stringify(part.fieldname)} ${JSON.stringify(part.filename)} ${fileHash.digest('hex')}\n`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'upload.too_large', 'The file is larger than this upload accepts. Make it smaller, then upload it again.');
    if (code?.startsWith('FST_'))
      throw AppError.badRequest(
        'upload.bad_form',
        'The form could not be read: send one file in the field "file" and only the fields this upload names.',
      );
    throw error;
  }

  request.parts = ((options?: { limits?: { fileSize?: number } }) => replay(held, options?.limits?.fileSize)) as unknown as Parts;
  return hash.digest('hex');
}

async function* replay(held: HeldPart[], fileSize: number | undefined): AsyncGenerator<unknown> {
  for (const part of held) {
    if (part.type === 'field') {
      yield { type: 'field', fieldname: part.fieldname, value: part.value, fieldnameTruncated: false, valueTruncated: false };
      continue;
    }
    const bytes = part.bytes as Buffer;
    const over = fileSize !== undefined && bytes.length > fileSize;
    const file = Readable.from(over ? [bytes.subarray(0, fileSize)] : bytes.length > 0 ? [bytes] : []) as Readable & {
      truncated: boolean;
      bytesRead: number;
    };
    file.truncated = Boolean(part.truncated) || over;
    file.bytesRead = over ? (fileSize as number) : bytes.length;
    yield {
      type: 'file',
      fieldname: part.fieldname,
      filename: part.filename,
      mimetype: part.mimetype,
      encoding: part.encoding,
      file,
      fields: {},
    };
  }
}
