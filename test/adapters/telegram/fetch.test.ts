import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramFetch } from '../../../adapters/telegram/fetch.js';

/** A Bot API on loopback whose answer each test sets: what the adapter's transport must cope with. */
let server: Server;
let root: string;
let answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;
const closedEarly: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, Buffer.concat(chunks), res));
    res.on('close', () => {
      if (!res.writableFinished) closedEarly.push(req.url ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (res: ServerResponse, value: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
const api = (timeoutSeconds?: number) => new Api('42:TOKEN', { apiRoot: root, fetch: telegramFetch, ...(timeoutSeconds ? { timeoutSeconds } : {}) });
const message = (text: string) => ({ message_id: 7, date: 1, chat: { id: 5, type: 'private' }, text });

describe('the Telegram adapter talks to the Bot API over node:http', () => {
  it('posts a method call as JSON and gives back its result (accents and emoji intact)', async () => {
    let seen: { url?: string; type?: string; length?: string; body?: unknown } = {};
    answer = (req, body, res) => {
      seen = { url: req.url, type: req.headers['content-type'], length: req.headers['content-length'], body: JSON.parse(body.toString('utf8')) };
      json(res, { ok: true, result: message(JSON.parse(body.toString('utf8')).text) });
    };
    const sent = await api().sendMessage(5, 'Reçu 👍 — <b>C-000001</b>', { parse_mode: 'HTML' });
    expect(sent.text).toBe('Reçu 👍 — <b>C-000001</b>');
    expect(seen.url).toBe('/bot42:TOKEN/sendMessage');
    expect(seen.type).toBe('application/json');
    expect(Number(seen.length)).toBe(Buffer.byteLength(JSON.stringify(seen.body)));
    expect(seen.body).toEqual({ chat_id: 5, text: 'Reçu 👍 — <b>C-000001</b>', parse_mode: 'HTML' });
  });

  it('a refusal (ok: false) is a GrammyError with Telegram\'s description', async () => {
    answer = (_req, _body, res) => json(res, { ok: false, error_code: 400, description: 'Bad Request: message is not modified' }, 400);
    const err = await api().editMessageReplyMarkup(5, 7).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).description).toBe('Bad Request: message is not modified');
  });

  it('uploads a file as multipart, its bytes whole', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    let received: Buffer | null = null;
    let type = '';
    answer = (req, body, res) => {
      type = req.headers['content-type'] ?? '';
      received = body;
      json(res, { ok: true, result: { ...message(''), document: { file_id: 'f', file_unique_id: 'u' } } });
    };
    await api().sendDocument(5, new InputFile(bytes, 'receipt.pdf'));
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(received!.includes(bytes)).toBe(true);
    expect(received!.toString('latin1')).toContain('filename=receipt.pdf');
  });

  it('reads a gzip-encoded answer', async () => {
    answer = (_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify({ ok: true, result: message('zipped') })));
    expect((await api().sendMessage(5, 'x')).text).toBe('zipped');
  });

  it('an answer that is not JSON, a cut-off answer and a refused connection are HttpErrors', async () => {
    answer = (_req, _body, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
    await expect(api().sendMessage(5, 'x')).rejects.toBeInstanceOf(HttpError);
    answer = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' }).write('{"ok":true,');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    await expect(api().sendMessage(5, 'x')).rejects.toBeInstanceOf(HttpError);
    const closed = new Api('42:TOKEN', { apiRoot: 'http://127.0.0.1:9', fetch: telegramFetch });
    await expect(closed.sendMessage(5, 'x')).rejects.toBeInstanceOf(HttpError);
  });

  it('a call past grammY\'s timeout fails and its request is dropped, not left open', async () => {
    answer = () => undefined;
    const before = closedEarly.length;
    const started = Date.now();
    const err = await api(1).sendMessage(5, 'never answered').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(String((err as HttpError).error)).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closedEarly.length).toBe(before + 1);
  });

  it('an aborted call (polling stopping) fails at once and drops its request', async () => {
    answer = () => undefined;
    const before = closedEarly.length;
    const controller = new AbortController();
    const call = api().getUpdates({ timeout: 30 }, controller.signal as never);
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(HttpError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closedEarly.length).toBe(before + 1);
  });
});
