import { tooLargeError } from '../../src/domain/media.js';
import { ValidationError } from '../../src/domain/errors.js';

/** Limits and request details of one downloadLimited call. */
export interface DownloadOptions {
  /** Refused with INPUT_TOO_LARGE past this many bytes, whether declared or read. */
  maxBytes: number;
  /** For the whole download, body included (default 60 s). */
  timeoutMs?: number;
  /** 'error' where a redirect could lead away from a trusted host (default 'follow'). */
  redirect?: RequestRedirect;
  headers?: Record<string, string>;
}

/**
 * Downloads a file over http(s), reading the body only up to `maxBytes`: a Content-Length is believed when it is
 * too large, never when it is small (it may be absent, wrong, or count compressed bytes).
 * Throws ValidationError INPUT_TOO_LARGE or UNSUPPORTED_MEDIA (another scheme), or an Error when the server fails.
 */
export async function downloadLimited(url: string | URL, opts: DownloadOptions): Promise<{ data: Uint8Array; contentType: string | null }> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new ValidationError('UNSUPPORTED_MEDIA', `unsupported file URL scheme ${target.protocol}`);
  const res = await fetch(target, { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000), redirect: opts.redirect ?? 'follow', headers: opts.headers ?? {} });
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new Error(`file download failed: HTTP ${res.status}`);
  }
  if (Number(res.headers.get('content-length') ?? 0) > opts.maxBytes) {
    await res.body.cancel();
    throw tooLargeError(opts.maxBytes);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > opts.maxBytes) {
      await reader.cancel();
      throw tooLargeError(opts.maxBytes);
    }
    parts.push(value);
  }
  return { data: Buffer.concat(parts), contentType: res.headers.get('content-type') };
}
