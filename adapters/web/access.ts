import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The cookie that carries PLAYGROUND_TOKEN after the first `/?token=` visit. */
export const PLAYGROUND_COOKIE = 'palabre_playground';

function same(given: string, expected: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(given), h(expected));
}

function cookie(req: FastifyRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function given(req: FastifyRequest): { token: string | null; fromQuery: boolean } {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return { token: bearer, fromQuery: false };
  const fromCookie = cookie(req, PLAYGROUND_COOKIE);
  if (fromCookie) return { token: fromCookie, fromQuery: false };
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? { token: q, fromQuery: true } : { token: null, fromQuery: false };
}

/**
 * PLAYGROUND_TOKEN: the page and every `/playground/*` route answer 401 unless the request carries the token (bearer,
 * the cookie, or `?token=` once, which sets the cookie). The playground lets anyone act as support: outside the
 * embedded mode it is never open to whoever finds the address.
 */
export function guardPlayground(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path !== '/' && !path.startsWith('/playground/')) return;
    const g = given(req);
    if (!g.token || !same(g.token, token)) {
      req.log.warn({ url: path, given: Boolean(g.token) }, 'playground refused a request without its token');
      return reply
        .code(401)
        .type('application/json; charset=utf-8')
        .send({ error: { code: 'UNAUTHORIZED', message: g.token ? 'wrong playground token' : 'the playground needs its token: open /?token=<PLAYGROUND_TOKEN>' } });
    }
    if (g.fromQuery) reply.header('set-cookie', `${PLAYGROUND_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`);
  });
}
