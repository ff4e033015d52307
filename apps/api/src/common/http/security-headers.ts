import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** What the headers of a response depend on: how the request arrived, and where it goes. */
export interface HeaderRequest {
  /** `https` when the request came over TLS, directly or through the trusted proxy (Fastify's `request.protocol`). */
  readonly protocol: string;
  readonly url: string;
}

export type HeadersFor = (request: HeaderRequest) => Readonly<Record<string, string>>;

/**
 * The security headers of every response, computed once at start-up (helmet's values, without
 * running helmet on each request: measured 5 % of the CPU of an authenticated read), in four
 * sets chosen per request.
 *
 * - Over plain HTTP there is no `upgrade-insecure-requests` and no HSTS: a browser that opened
 *   http://10.0.0.5:3000/ would otherwise fetch every script over https and show a blank page.
 * - Every answer under /api, refusals included, is `Cache-Control: no-store`: it is personal data
 *   (or a token), which no browser or shared cache may keep. The SPA's files set their own caching.
 */
export function createSecurityHeaders(): HeadersFor {
  const overTls = helmetHeaders(true);
  const overPlainHttp = helmetHeaders(false);
  const sets = {
    tls: { api: freeze({ ...overTls, 'cache-control': 'no-store' }), page: freeze(overTls) },
    plain: { api: freeze({ ...overPlainHttp, 'cache-control': 'no-store' }), page: freeze(overPlainHttp) },
  };
  return (request) => sets[request.protocol === 'https' ? 'tls' : 'plain'][isApiUrl(request.url) ? 'api' : 'page'];
}

/** `/api`, `/api/…` and `/api?…`, not `/apiary`. */
function isApiUrl(url: string): boolean {
  return url.startsWith('/api') && (url.length === 4 || url[4] === '/' || url[4] === '?');
}

function helmetHeaders(overTls: boolean): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the in-page preview of an image material, fetched with the token (no plain URL).
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: overTls ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: overTls ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

function freeze(headers: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(headers);
}
