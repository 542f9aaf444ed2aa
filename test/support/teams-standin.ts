import { generateKeyPairSync, randomBytes, sign as rsaSign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the stand-in's Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** Decoded conversation id of the path, where there is one. */
  conversationId?: string;
  /** Activity id of the path: the replied-to activity (POST) or the updated one (PUT, DELETE). */
  activityId?: string;
  body: any;
  authorization?: string;
  /** The id the stand-in gave the posted activity (or the created conversation). */
  id?: string;
}

/** A failure to answer instead of the real thing, `times` times, for calls `match` accepts. */
export interface InjectedFailure {
  status: number;
  times: number;
  headers?: Record<string, string>;
  body?: unknown;
  match?: (call: ConnectorCall) => boolean;
}

export interface TeamsStandinOptions {
  appId?: string;
  appPassword?: string;
  /** Refuse Bot Connector calls without a token the stand-in's login endpoint issued (default: when appId is set). */
  requireToken?: boolean;
}

interface Claims {
  aud?: string;
  iss?: string;
  serviceurl?: string;
  exp?: number;
  nbf?: number;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

let pairs: { keys: ReturnType<typeof generateKeyPairSync>; wrongKeys: ReturnType<typeof generateKeyPairSync> } | null = null;
/**
 * The channel's signing key pair and a key pair nobody published, made once per test file: two RSA keys cost 0.2-1.3 s
 * to generate on a loaded machine, at every stand-in start. Each stand-in still publishes them under its own key id.
 */
function signingKeys() {
  pairs ??= { keys: generateKeyPairSync('rsa', { modulusLength: 2048 }), wrongKeys: generateKeyPairSync('rsa', { modulusLength: 2048 }) };
  return pairs;
}

/**
 * A stand-in of the Bot Framework on 127.0.0.1: the Bot Connector REST API (/v3/conversations…),
 * the channel's OpenID metadata and signing keys, the bot's login endpoint, and file hosting for
 * attachments. Records what the bot sends.
 */
export async function startTeamsStandin(opts: TeamsStandinOptions = {}) {
  const appId = opts.appId ?? '';
  const appPassword = opts.appPassword ?? '';
  const requireToken = opts.requireToken ?? !!appId;
  const { keys, wrongKeys } = signingKeys();
  const kid = `standin-${randomBytes(4).toString('hex')}`;
  const calls: ConnectorCall[] = [];
  const failures: InjectedFailure[] = [];
  const issuedTokens = new Set<string>();
  const files = new Map<string, { data: Buffer; contentType: string; needsToken: boolean }>();
  const uploads = new Map<string, Buffer>();
  let seq = 0;
  const nextId = () => `${Date.now()}${String(++seq).padStart(4, '0')}`;

  const server = createServer((req, res) => void route(req, res).catch((err: unknown) => send(res, 500, { error: String(err) })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  function authorized(req: IncomingMessage): boolean {
    if (!requireToken) return true;
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    return issuedTokens.has(token);
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', root);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return send(res, 200, { issuer: 'https://api.botframework.com', jwks_uri: `${root}v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (method === 'GET' && path === '/v1/.well-known/keys') {
      const jwk = keys.publicKey.export({ format: 'jwk' });
      return send(res, 200, { keys: [{ ...jwk, kid, use: 'sig', endorsements: ['msteams'] }] });
    }
    if (method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
      const form = new URLSearchParams((await readBody(req)).toString());
      if (form.get('client_id') !== appId || form.get('client_secret') !== appPassword || form.get('grant_type') !== 'client_credentials') {
        return send(res, 401, { error: 'invalid_client' });
      }
      const token = `standin-token-${randomBytes(8).toString('hex')}`;
      issuedTokens.add(token);
      return send(res, 200, { token_type: 'Bearer', expires_in: 3600, access_token: token });
    }
    const file = /^\/(?:v3\/attachments|files)\/([^/]+)/.exec(path);
    if (method === 'GET' && file) {
      const f = files.get(file[1]!);
      if (!f) return send(res, 404, { error: 'not found' });
      if (f.needsToken && !authorized(req)) return send(res, 401, { error: 'unauthorized' });
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': String(f.data.byteLength) });
      return void res.end(f.data);
    }
    const upload = /^\/upload\/([^/]+)$/.exec(path);
    if (method === 'PUT' && upload) {
      uploads.set(upload[1]!, await readBody(req));
      return send(res, 201, { id: upload[1] });
    }
    const m = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
    if (!m) return send(res, 404, { error: `no route ${method} ${path}` });
    const raw = await readBody(req);
    const call: ConnectorCall = {
      method,
      path,
      ...(m[1] ? { conversationId: decodeURIComponent(m[1]) } : {}),
      ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
      body: raw.length ? JSON.parse(raw.toString()) : null,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    if (!authorized(req)) return send(res, 401, { error: { code: 'Unauthorized', message: 'no valid token' } });
    const failure = failures.find((f) => f.times > 0 && (!f.match || f.match(call)));
    if (failure) {
      failure.times -= 1;
      calls.push({ ...call, id: `failed-${failure.status}` });
      return send(res, failure.status, failure.body ?? { error: { code: 'Injected', message: `injected ${failure.status}` } }, failure.headers);
    }
    if (method === 'POST' && !m[1]) {
      // Create a conversation: a 1:1 chat, or a new thread in a channel with its first post.
      const channel = call.body?.channelData?.channel?.id as string | undefined;
      const rootId = channel ? nextId() : undefined;
      const id = channel ? `${channel};messageid=${rootId}` : `a:standin-${nextId()}`;
      calls.push({ ...call, id });
      return send(res, 201, { id, ...(rootId ? { activityId: rootId } : {}), serviceUrl: root });
    }
    if (method === 'POST') {
      const id = nextId();
      calls.push({ ...call, id });
      return send(res, 201, { id });
    }
    if (method === 'PUT' || method === 'DELETE') {
      calls.push({ ...call, id: call.activityId });
      return send(res, 200, method === 'PUT' ? { id: call.activityId } : undefined);
    }
    return send(res, 405, { error: 'method not allowed' });
  }

  function jwt(claims: Claims, key: KeyObject): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const payload = b64url(JSON.stringify({ iss: 'https://api.botframework.com', aud: appId, nbf: now - 10, exp: now + 600, serviceurl: root, ...claims }));
    const signature = rsaSign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  return {
    /** The service URL activities carry (with the trailing slash Teams uses). */
    root,
    appId,
    appPassword,
    /** Where botbuilder reads the channel's signing keys (TEAMS_OPENID_METADATA_URL). */
    openIdMetadataUrl: `${root}v1/.well-known/openidconfiguration`,
    /** Where the bot gets its tokens (botbuilder's ToChannelFromBotLoginUrl). */
    loginUrl: `${root}botframework.com`,
    calls,
    failures,
    uploads,
    /** A channel token as the Bot Framework would send it; `wrongKey` signs with a key the metadata does not publish. */
    token(claims: Claims = {}, o: { wrongKey?: boolean } = {}): string {
      return jwt(claims, o.wrongKey ? wrongKeys.privateKey : keys.privateKey);
    },
    /** Messages the bot posted (new or as replies), in order; `conversationId` narrows. */
    posted(conversationId?: string): ConnectorCall[] {
      return calls.filter((c) => c.method === 'POST' && c.conversationId && !c.id?.startsWith('failed-') && (!conversationId || c.conversationId === conversationId));
    },
    /** Activity updates (PUT) the bot made. */
    updated(): ConnectorCall[] {
      return calls.filter((c) => c.method === 'PUT' && !c.id?.startsWith('failed-'));
    },
    /** Conversations the bot created (POST /v3/conversations). */
    created(): ConnectorCall[] {
      return calls.filter((c) => c.method === 'POST' && !c.conversationId && !c.id?.startsWith('failed-'));
    },
    /** Serves a file; `inline` ones sit on the Bot Connector and need the bot's token, the others are pre-authenticated links. */
    host(data: Buffer, contentType: string, inline: boolean): string {
      const id = randomBytes(6).toString('hex');
      files.set(id, { data, contentType, needsToken: inline && requireToken });
      return inline ? `${root}v3/attachments/${id}/views/original` : `${root}files/${id}`;
    },
    /** Answers the next `times` matching Bot Connector calls with `status`. */
    fail(status: number, o: Omit<InjectedFailure, 'status'>): void {
      failures.push({ status, ...o });
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TeamsStandin = Awaited<ReturnType<typeof startTeamsStandin>>;
