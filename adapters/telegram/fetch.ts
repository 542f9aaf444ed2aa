import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ApiClientOptions } from 'grammy';

/** The abort signal grammY hands to `fetch` (its AbortController shim's, or the platform's). */
interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What grammY's API client passes to `fetch` (grammy/out/core/client.js, payload.js): a POST, JSON text or a multipart stream. */
interface BotApiInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: SignalLike | null;
  /** grammY's keep-alive agent for the API root (platform.node.js, baseFetchConfig). */
  agent?: HttpAgent;
}

/** The part of a fetch Response grammY reads: it calls `json()` and nothing else. */
interface BotApiResponse {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const fallbackAgents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

class AbortError extends Error {
  override name = 'AbortError';
}

function decoded(res: IncomingMessage, raw: Buffer): Buffer {
  switch (res.headers['content-encoding']) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw);
    case 'deflate':
      return inflateSync(raw);
    case 'br':
      return brotliDecompressSync(raw);
    default:
      return raw;
  }
}

/**
 * The `fetch` grammY calls the Bot API with (ApiClientOptions.fetch): node:http(s) on grammY's own keep-alive agent.
 * A turn makes two or three Bot API calls (the answer, the relay, a button retirement), and node-fetch's Request,
 * Headers and Body classes cost about a third more CPU per call than the request itself (bench/webhook.ts, --profile).
 * grammY keeps what it owns: timeouts (it aborts the signal), errors (wrapped as HttpError), GrammyError for `ok: false`.
 * Redirects are not followed: the Bot API answers every method call itself.
 */
function botApiFetch(url: string | URL, init: BotApiInit = {}): Promise<BotApiResponse> {
  return new Promise((resolve, reject) => {
    const { signal, body } = init;
    if (signal?.aborted) return reject(new AbortError('The Bot API call was aborted'));
    const target = typeof url === 'string' ? new URL(url) : url;
    const secure = target.protocol === 'https:';
    const headers: Record<string, string | number> = { ...init.headers };
    if (typeof body === 'string') headers['content-length'] = Buffer.byteLength(body);
    const options: RequestOptions = { method: init.method ?? 'GET', headers, agent: init.agent ?? (secure ? fallbackAgents.https : fallbackAgents.http) };
    const onAbort = () => req.destroy(new AbortError('The Bot API call was aborted'));
    const done = () => signal?.removeEventListener('abort', onAbort);
    const req = (secure ? httpsRequest : httpRequest)(target, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => {
        done();
        reject(err);
      });
      res.on('end', () => {
        done();
        let text: string;
        try {
          text = decoded(res, Buffer.concat(chunks)).toString('utf8');
        } catch (err) {
          return reject(err);
        }
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: res.statusMessage ?? '',
          json: async () => JSON.parse(text) as unknown,
          text: async () => text,
        });
      });
      res.on('close', () => {
        if (!res.complete) {
          done();
          reject(new Error('The Bot API response ended before its body'));
        }
      });
    });
    req.on('error', (err) => {
      done();
      reject(err);
    });
    signal?.addEventListener('abort', onAbort);
    if (body === undefined || typeof body === 'string') req.end(body);
    // A multipart upload (createFormDataPayload): a failing stream destroys the request, which rejects above.
    else pipeline(body, req, () => undefined);
  });
}

/** `botApiFetch` as grammY's client option. */
export const telegramFetch = botApiFetch as unknown as NonNullable<ApiClientOptions['fetch']>;
