import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
  type _Object,
} from '@aws-sdk/client-s3';
import type { BlobRef } from '../domain/types.js';
import type { BlobStore, StoredBlob } from '../ports/blob-store.js';
import { admit, BLOB_ID, blobIdOf, DEFAULT_BLOB_LIMITS, storageError, type BlobLimits } from './blob-common.js';

export { parseBlobUrl } from './blob-common.js';

/** Where an S3 blob store keeps its objects, and how to reach it. */
export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix, `evidence/` (may be empty). */
  prefix: string;
  /** BLOB_S3_ENDPOINT (MinIO, Garage, Ceph): path-style addressing is then used. Unset: AWS, from the AWS_* settings. */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  limits?: BlobLimits;
}

/** S3 user metadata is ASCII: names travel percent-encoded. */
const encodeName = (name: string) => encodeURIComponent(name);
const decodeName = (name: string | undefined) => {
  if (!name) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
};

const codeOf = (err: unknown): string => (err instanceof S3ServiceException ? err.name : ((err as { name?: string }).name ?? 'Error'));
const statusOf = (err: unknown): number | undefined => (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isNotFound = (err: unknown) => codeOf(err) === 'NoSuchKey' || codeOf(err) === 'NotFound' || statusOf(err) === 404;

/**
 * Evidence in S3-compatible object storage: one object per blob (`<prefix><id>`, type and name in its metadata) and
 * one per preview (`<prefix><id>.preview`). Every process reaches it, whatever host it runs on.
 */
export function createS3BlobStore(opts: S3BlobStoreOptions): BlobStore & { client: S3Client } {
  const lim = { ...DEFAULT_BLOB_LIMITS, ...opts.limits };
  const config: S3ClientConfig = {
    region: opts.region ?? 'us-east-1',
    ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    // The SDK retries throttling and 5xx itself; a turn should not wait longer than that.
    maxAttempts: 3,
  };
  const client = new S3Client(config);
  const { bucket, prefix } = opts;
  const keyOf = (id: string) => `${prefix}${id}`;
  const where = `s3://${bucket}/${prefix}`;

  /** A clear sentence for the log and the start-up failure: which bucket, and what the storage said. */
  const explain = (what: string, err: unknown) => {
    const code = codeOf(err);
    if (code === 'NoSuchBucket' || (code === 'NotFound' && what === 'check')) return storageError(`bucket ${bucket} does not exist (${where})`, err);
    if (code === 'AccessDenied' || statusOf(err) === 403) return storageError(`access to ${where} denied (${what})`, err);
    return storageError(`${where}: ${what} failed: ${code} ${(err as Error).message}`, err);
  };

  async function send<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw explain(what, err);
    }
  }

  /** Every object under the prefix, page by page: its key without the prefix, and what the listing says of it. */
  async function eachObject(visit: (key: string, o: _Object) => void): Promise<void> {
    let token: string | undefined;
    do {
      const page = await send('list', () => client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })));
      for (const o of page.Contents ?? []) visit(o.Key?.slice(prefix.length) ?? '', o);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  return {
    client,
    async put(data, meta) {
      const ref: BlobRef = { id: blobIdOf(data), ...(await admit(data, meta, lim)) };
      const metadata: Record<string, string> = { ...(ref.name ? { name: encodeName(ref.name) } : {}), ...(meta.preview ? { preview: meta.preview.contentType } : {}) };
      // The preview first: a blob whose metadata promises a preview always has one.
      if (meta.preview) {
        const p = meta.preview;
        await send('preview write', () => client.send(new PutObjectCommand({ Bucket: bucket, Key: `${keyOf(ref.id)}.preview`, Body: p.data, ContentType: p.contentType })));
      }
      await send('write', () => client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(ref.id), Body: data, ContentType: ref.contentType, Metadata: metadata })));
      return ref;
    },
    async get(id) {
      if (!BLOB_ID.test(id)) return null;
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(id) }));
        const data = await res.Body!.transformToByteArray();
        const name = decodeName(res.Metadata?.name);
        return { ref: { id, contentType: res.ContentType ?? 'application/octet-stream', size: data.byteLength, ...(name ? { name } : {}) }, data };
      } catch (err) {
        if (isNotFound(err) && codeOf(err) !== 'NoSuchBucket') return null;
        throw explain('read', err);
      }
    },
    async preview(id) {
      if (!BLOB_ID.test(id)) return null;
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `${keyOf(id)}.preview` }));
        return { contentType: res.ContentType ?? 'image/jpeg', data: await res.Body!.transformToByteArray() };
      } catch (err) {
        if (isNotFound(err) && codeOf(err) !== 'NoSuchBucket') return null;
        throw explain('preview read', err);
      }
    },
    async delete(id) {
      if (!BLOB_ID.test(id)) return false;
      const existed = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(id) })).then(
        () => true,
        (err: unknown) => (isNotFound(err) ? false : Promise.reject(explain('delete', err))),
      );
      const res = await send('delete', () =>
        client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: keyOf(id) }, { Key: `${keyOf(id)}.preview` }], Quiet: true } })),
      );
      if (res.Errors?.length) throw storageError(`${where}: delete of ${id} failed: ${res.Errors.map((e) => e.Code).join(', ')}`);
      return existed;
    },
    async list() {
      const out: StoredBlob[] = [];
      await eachObject((key, o) => {
        if (BLOB_ID.test(key) && o.LastModified) out.push({ id: key, storedAt: o.LastModified.toISOString() });
      });
      return out;
    },
    async usage() {
      let objects = 0;
      let bytes = 0;
      await eachObject((key, o) => {
        if (BLOB_ID.test(key)) objects += 1;
        if (BLOB_ID.test(key) || key.endsWith('.preview')) bytes += o.Size ?? 0;
      });
      return { objects, bytes };
    },
    async check() {
      await send('check', () => client.send(new HeadBucketCommand({ Bucket: bucket })));
    },
  };
}
