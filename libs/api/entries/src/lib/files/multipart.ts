import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { finished } from 'node:stream/promises';
import { AppError } from '@laurel/api-core';

/** Fastify multipart's own refusals, as the person sending the form should read them. */
function formError(error: unknown): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_FILES_LIMIT':
      return AppError.badRequest('upload.one_file', 'Send one file per request, in the field "file".');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return AppError.badRequest(
        'upload.bad_form',
        'The form carries more fields than expected: send only "file" and the fields this upload names.',
      );
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'upload.too_large', 'The file is larger than this upload accepts. Make it smaller, then upload it again.');
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return AppError.badRequest('upload.not_multipart', 'Send the file as multipart/form-data with the file in the field "file".');
    default:
      return error;
  }
}

export interface SingleFileForm {
  fields: Record<string, string>;
  sawFile: boolean;
}

/**
 * Reads a multipart form of one file (field `file`) and a few text fields, in any order. The
 * file is handed to `onFile` as a stream, never buffered here; busboy stops passing bytes at
 * `maxBytes` and marks the stream truncated, which `onFile` checks once it has read it.
 */
export async function readSingleFileForm(
  request: FastifyRequest,
  maxBytes: number,
  onFile: (file: MultipartFile) => Promise<void>,
): Promise<SingleFileForm> {
  if (!request.isMultipart()) throw formError({ code: 'FST_INVALID_MULTIPART_CONTENT_TYPE' });
  const fields: Record<string, string> = {};
  let sawFile = false;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 2000, parts: 6 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        await finished(part.file);
        throw AppError.badRequest('upload.field_name', `Send the file in the field "file", not "${part.fieldname}".`);
      }
      sawFile = true;
      await onFile(part);
    }
  } catch (error) {
    throw formError(error);
  }
  return { fields, sawFile };
}

/** "20 MB", "1.5 KB": a limit as a person reads it. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
