import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPalabreError } from '../../src/domain/errors.js';
import { extensionOf, safeFileName, sniffMediaType, tooLargeError } from '../../src/domain/media.js';
import { downloadLimited } from '../../adapters/common/download.js';

const KB = 1024;
const LIMIT = 64 * KB;

describe('downloadLimited', () => {
  let server: Server;
  let base = '';
  const seen: IncomingMessage['headers'][] = [];
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/photo': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(LIMIT) });
      res.end(Buffer.alloc(LIMIT, 1));
    },
    // Says it is huge: believed, so the body is never read.
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(LIMIT * 100) });
      res.write(Buffer.alloc(KB));
    },
    // Content-Length counts the compressed bytes: small on the wire, far over the limit once inflated.
    '/lying-length': (_req, res) => {
      const gz = gzipSync(Buffer.alloc(LIMIT * 20));
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-encoding': 'gzip', 'content-length': String(gz.length) });
      res.end(gz);
    },
    // No Content-Length and no end: only the reader's own count can stop it.
    '/endless': (req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(8 * KB, 2);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      req.socket.on('close', () => res.destroy());
      pump();
    },
    '/gone': (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such file');
    },
    '/moved': (_req, res) => {
      res.writeHead(302, { location: '/photo' });
      res.end();
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      const route = routes[req.url ?? ''];
      if (route) route(req, res);
      else res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('returns a file of exactly the limit with its content type, sending the headers it was given', async () => {
    const got = await downloadLimited(`${base}/photo`, { maxBytes: LIMIT, headers: { authorization: 'Bearer t0ken' } });
    expect(got.data.byteLength).toBe(LIMIT);
    expect(got.contentType).toBe('image/png');
    expect(seen.at(-1)?.authorization).toBe('Bearer t0ken');
  });

  it('refuses a file whose Content-Length is over the limit', async () => {
    await expect(downloadLimited(`${base}/declared-huge`, { maxBytes: LIMIT })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', args: { maxBytes: LIMIT } });
  });

  it('refuses a file whose small Content-Length lies about what the body holds', async () => {
    await expect(downloadLimited(`${base}/lying-length`, { maxBytes: LIMIT })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });

  it('stops reading a body without Content-Length as soon as it passes the limit', async () => {
    await expect(downloadLimited(`${base}/endless`, { maxBytes: LIMIT })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });

  it('fails, not as a refusal of the file, when the server answers an error', async () => {
    const err = await downloadLimited(`${base}/gone`, { maxBytes: LIMIT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(isPalabreError(err)).toBe(false);
    expect(String(err)).toContain('HTTP 404');
  });

  it('follows redirects unless told not to', async () => {
    expect((await downloadLimited(`${base}/moved`, { maxBytes: LIMIT })).data.byteLength).toBe(LIMIT);
    await expect(downloadLimited(`${base}/moved`, { maxBytes: LIMIT, redirect: 'error' })).rejects.toThrow();
  });

  it('refuses anything but http and https without fetching it', async () => {
    for (const url of ['file:///etc/passwd', 'data:image/png;base64,iVBORw0KGgo=', 'ftp://127.0.0.1/x.pdf']) {
      await expect(downloadLimited(url, { maxBytes: LIMIT })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    }
  });
});

describe('sniffMediaType', () => {
  const bytes = (...parts: (string | number[])[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

  it.each([
    ['image/jpeg', '.jpg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['image/png', '.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')],
    ['image/gif', '.gif', bytes('GIF87a', [1, 0])],
    ['image/gif', '.gif', bytes('GIF89a', [1, 0])],
    ['image/webp', '.webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['application/pdf', '.pdf', bytes('%PDF-1.7\n')],
  ])('recognises %s from its first bytes', (type, ext, data) => {
    expect(sniffMediaType(data)).toEqual({ type, ext });
  });

  it.each([
    ['a script', bytes('#!/bin/sh\nrm -rf /\n')],
    ['HTML', bytes('<html><script>alert(1)</script>')],
    ['a PNG signature cut short', bytes([0x89, 0x50, 0x4e, 0x47])],
    ['"PNG" without the rest of the signature', bytes([0x00, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a GIF of an unknown version', bytes('GIF88a')],
    ['a RIFF file that is not WebP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['three bytes of JPEG-like junk', bytes([0xff, 0xd8])],
    ['nothing', bytes()],
  ])('knows nothing of %s', (_what, data) => {
    expect(sniffMediaType(data)).toBeNull();
  });

  it('gives the usual extension of each type it keeps', () => {
    expect(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/html'].map(extensionOf)).toEqual([
      '.jpg', '.png', '.gif', '.webp', '.pdf', '.txt', '',
    ]);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['C:\\Users\\amina\\reçu d’envoi.pdf', 'reçu d’envoi.pdf'],
    ['/var/www/', undefined],
    ['..', undefined],
    ['dossier/..', undefined],
  ])('keeps only the last segment of a path: %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it.each([
    ['re\u0000çu\n.pdf', 'reçu.pdf'],
    ['colis\r\n\t.jpg', 'colis.jpg'],
    ['bell\u0007\u007f\u009b.png', 'bell.png'],
    // U+202E shows the rest backwards: "photo\u202Egpj.exe" reads as "photoexe.jpg".
    ['photo\u202Egpj.exe', 'photogpj.exe'],
    ['a/\u0000/..\u0000/b.pdf', 'b.pdf'],
  ])('drops control and direction characters: %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('replaces characters reserved in file systems and quoted headers', () => {
    expect(safeFileName('facture "mars"<1>|2:3*?.pdf')).toBe('facture _mars__1__2_3__.pdf');
  });

  it('has nothing to say for an empty or blank name', () => {
    for (const name of [undefined, '', '   ', '\u0000\u0001', '\u202e']) expect(safeFileName(name)).toBeUndefined();
  });

  it('shortens a long name but keeps its extension and whole characters', () => {
    const long = `${'🧾'.repeat(200)}.pdf`;
    const safe = safeFileName(long, 50)!;
    expect([...safe]).toHaveLength(50);
    expect(safe.endsWith('🧾.pdf')).toBe(true);
    expect(safeFileName('a'.repeat(300))).toBe('a'.repeat(120));
  });
});

describe('tooLargeError', () => {
  it('tells the limit in bytes and in whole megabytes', () => {
    expect(tooLargeError(10 * 1024 * 1024, 11_000_000)).toMatchObject({ code: 'INPUT_TOO_LARGE', args: { maxBytes: 10 * 1024 * 1024, maxMb: 10 } });
  });
});
