import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { assertStorageKey, FileStorage, StorageObjectNotFoundError, type StoredObject } from './file-storage';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  endpoint: string | null;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** Bytes held in memory per upload before they go out as one part (S3's minimum is 5 MiB). */
  partSize?: number;
}

const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

/** Builds the client once from settings; exported so the request shaping can be tested. */
export function createS3Client(settings: S3StorageSettings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint ?? undefined,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials ?? undefined,
    // S3-compatible services (MinIO, Ceph, older R2) refuse the CRC32 trailers newer SDKs add by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Files in an S3 bucket (AWS or any S3-compatible service), so several API instances share them.
 * A stream of unknown length is sent in parts: at most one part is held in memory per upload, and
 * a file smaller than a part goes in one PutObject.
 */
export class S3Storage extends FileStorage {
  private readonly partSize: number;

  constructor(
    private readonly settings: S3StorageSettings,
    private readonly client: S3Client = createS3Client(settings),
  ) {
    super();
    this.partSize = settings.partSize ?? DEFAULT_PART_SIZE;
  }

  async put(key: string, stream: Readable): Promise<StoredObject> {
    assertStorageKey(key);
    const Bucket = this.settings.bucket;
    const hash = createHash('sha256');
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const multipart = { uploadId: '', parts: [] as { ETag?: string; PartNumber: number }[] };

    const sendPart = async () => {
      if (!multipart.uploadId) {
        const created = await this.client.send(
          new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: 'application/octet-stream' }),
        );
        multipart.uploadId = created.UploadId ?? '';
        if (!multipart.uploadId) throw new Error(`S3 gave no upload id for ${key}`);
      }
      const Body = Buffer.concat(pending);
      const PartNumber = multipart.parts.length + 1;
      pending = [];
      pendingBytes = 0;
      const sent = await this.client.send(
        new UploadPartCommand({ Bucket, Key: key, UploadId: multipart.uploadId, PartNumber, Body, ContentLength: Body.length }),
      );
      multipart.parts.push({ ETag: sent.ETag, PartNumber });
    };

    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= this.partSize) await sendPart();
      }
      if (multipart.uploadId) {
        if (pendingBytes > 0) await sendPart();
        await this.client.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key: key,
            UploadId: multipart.uploadId,
            MultipartUpload: { Parts: multipart.parts },
          }),
        );
      } else {
        const Body = Buffer.concat(pending);
        await this.client.send(
          new PutObjectCommand({ Bucket, Key: key, Body, ContentLength: Body.length, ContentType: 'application/octet-stream' }),
        );
      }
    } catch (error) {
      if (multipart.uploadId) {
        // The parts of an abandoned upload stay billed storage until it is aborted.
        await this.client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: multipart.uploadId })).catch(() => undefined);
      }
      throw error;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return object.Body as Readable;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') throw new StorageObjectNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}
