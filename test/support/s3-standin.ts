import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** A local S3 (s3rver) behind a loopback proxy that can refuse writes, as a bucket policy or a full quota would. */
export interface S3Standin {
  /** BLOB_S3_ENDPOINT for the store under test. */
  endpoint: string;
  /** A bucket that exists. */
  bucket: string;
  /** The credentials s3rver accepts (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Refuse every PUT/POST with 403 AccessDenied while true. */
  refuseWrites: boolean;
  /** Requests seen, `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

const ACCESS_DENIED = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

/** Starts s3rver on 127.0.0.1 with one bucket, in a temporary folder deleted by close(). */
export async function startS3Standin(bucket = 'palabre-evidence'): Promise<S3Standin> {
  const directory = await mkdtemp(join(tmpdir(), 'palabre-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port: s3Port } = await s3.run();
  const standin: S3Standin = {
    endpoint: '',
    bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    refuseWrites: false,
    requests: [],
    close: async () => {},
  };
  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    standin.requests.push(`${req.method} ${req.url}`);
    if (standin.refuseWrites && (req.method === 'PUT' || req.method === 'POST')) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml' }).end(ACCESS_DENIED);
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: s3Port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  standin.endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  standin.close = async () => {
    proxy.closeAllConnections();
    await new Promise<void>((ok) => proxy.close(() => ok()));
    await s3.close();
    await rm(directory, { recursive: true, force: true });
  };
  return standin;
}
