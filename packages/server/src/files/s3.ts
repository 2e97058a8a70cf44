import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { checkKey, FileStoreError, type FileStore, type StoredFile } from './store.js';

/** An S3-compatible object store (PRONGSAI_S3_*): AWS, MinIO, Ceph, a government cloud. */
export interface S3Settings {
  /** `https://s3.example.go.th`; without it, AWS's endpoint of the region. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Addresses the bucket in the path (`endpoint/bucket/key`), as MinIO and Ceph usually want. */
  forcePathStyle: boolean;
}

const notThere = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404) &&
  error.name !== 'NoSuchBucket';

/** Files as objects of one bucket, shared by every instance that names it. */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Checksums only where the protocol needs them: not every S3-compatible store knows the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  get where(): string {
    return `s3://${this.settings.bucket}${this.settings.endpoint ? ` at ${this.settings.endpoint}` : ` in ${this.settings.region}`}`;
  }

  private get bucket(): string {
    return this.settings.bucket;
  }

  async put(key: string, body: Buffer | Readable, bytes?: number): Promise<void> {
    checkKey(key);
    if (!Buffer.isBuffer(body) && bytes === undefined) {
      throw new Error(`writing "${key}" to ${this.where} as a stream needs its length`);
    }
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: Buffer.isBuffer(body) ? body.length : bytes,
        }),
      );
    } catch (error) {
      if (!Buffer.isBuffer(body)) body.destroy();
      throw new FileStoreError(this, 'write', key, error);
    }
  }

  async get(key: string): Promise<Readable | null> {
    checkKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      // In Node the body is the response's stream itself: handed on, never gathered here.
      return answer.Body instanceof Readable ? answer.Body : Readable.from([]);
    } catch (error) {
      if (notThere(error)) return null;
      throw new FileStoreError(this, 'read', key, error);
    }
  }

  async stat(key: string): Promise<StoredFile | null> {
    checkKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, bytes: head.ContentLength ?? 0, modified: head.LastModified?.getTime() ?? 0 };
    } catch (error) {
      if (notThere(error)) return null;
      throw new FileStoreError(this, 'read', key, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (notThere(error)) return;
      throw new FileStoreError(this, 'remove', key, error);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredFile> {
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
        );
      } catch (error) {
        throw new FileStoreError(this, 'list', prefix, error);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key) yield { key: object.Key, bytes: object.Size ?? 0, modified: object.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Lets go of the client's connections. */
  close(): void {
    this.client.destroy();
  }
}
