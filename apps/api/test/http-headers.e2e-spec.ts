import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';
import { expectProblem } from './support/problem.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const HEALTH = '/api/health';
const ME = '/api/v1/me';

function csp(response: Response): string {
  const policy = response.headers['content-security-policy'] as string | undefined;
  expect(policy).toContain("script-src 'self'");
  return policy!;
}

/** Served over TLS as far as the response can tell: the CSP upgrades sub-requests and HSTS is on. */
function expectTlsOnlyHeaders(response: Response): void {
  expect(csp(response)).toMatch(/(^|;)\s*upgrade-insecure-requests\s*(;|$)/);
  expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
}

function expectNoTlsOnlyHeaders(response: Response): void {
  expect(csp(response)).not.toContain('upgrade-insecure-requests');
  expect(response.headers).not.toHaveProperty('strict-transport-security');
}

describe('headers that depend on how a request arrived and where it goes', () => {
  let web: string;
  /** No proxy in front: X-Forwarded-* headers are the client's word. */
  let direct: TestApp;
  /** Behind a proxy on this machine: the test client is that proxy. */
  let proxied: TestApp;
  /** Behind a proxy elsewhere: the test client is not it. */
  let proxiedElsewhere: TestApp;
  beforeAll(async () => {
    // A built SPA in miniature, so that its page and its files are served as in production.
    web = await mkdtemp(path.join(os.tmpdir(), 'butie-headers-web-'));
    await mkdir(path.join(web, 'assets'));
    await writeFile(path.join(web, 'index.html'), '<!doctype html><script type="module" src="/assets/index-0a1b2c3d.js"></script>');
    await writeFile(path.join(web, 'assets', 'index-0a1b2c3d.js'), 'console.log(1);');
    proxied = await startTestApp({ WEB_DIST_DIR: web, TRUST_PROXY: '127.0.0.1,::1' });
    proxiedElsewhere = await startTestApp({ WEB_DIST_DIR: web, TRUST_PROXY: '10.0.0.1' });
    // Last: passport's strategies are process-wide, so signed-in requests reach the newest app's database.
    direct = await startTestApp({ WEB_DIST_DIR: web, TRUST_PROXY: 'false' });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await proxiedElsewhere?.close();
    await rm(web, { recursive: true, force: true });
  });

  describe('upgrade-insecure-requests and HSTS only over TLS', () => {
    it('are absent over plain HTTP: the page opened at http://10.0.0.5:3000/ loads its scripts over http', async () => {
      for (const url of ['/login', '/assets/index-0a1b2c3d.js', HEALTH]) {
        const response = await direct.http().get(url).set('Host', '10.0.0.5:3000');
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expectNoTlsOnlyHeaders(response);
      }
    });

    it('are sent when the trusted proxy says the request came over https (X-Forwarded-Proto)', async () => {
      for (const url of ['/login', HEALTH]) {
        const response = await proxied.http().get(url).set('X-Forwarded-Proto', 'https');
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expectTlsOnlyHeaders(response);
      }
    });

    it('are absent behind the trusted proxy when the request came over http', async () => {
      expectNoTlsOnlyHeaders(await proxied.http().get('/login').set('X-Forwarded-Proto', 'http'));
      expectNoTlsOnlyHeaders(await proxied.http().get('/login'));
    });

    it('are absent when a client that is not a trusted proxy claims X-Forwarded-Proto: https', async () => {
      for (const app of [direct, proxiedElsewhere]) {
        const response = await app.http().get('/login').set('X-Forwarded-Proto', 'https');
        expect(response.status).toBe(200);
        expectNoTlsOnlyHeaders(response);
      }
    });

    it('keep the rest of the security headers either way', async () => {
      for (const response of [await direct.http().get(HEALTH), await proxied.http().get(HEALTH).set('X-Forwarded-Proto', 'https')]) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'referrer-policy': 'no-referrer',
        });
        expect(csp(response)).toContain("frame-ancestors 'none'");
      }
    });
  });

  describe('Cache-Control: no-store on every answer under /api', () => {
    it('on personal data and on the tokens of a sign-in', async () => {
      const login = await direct.http().post('/api/v1/auth/login').send({ username: 'demo_applicant', password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.headers['cache-control']).toBe('no-store');

      const me = await direct.http().get(ME).set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.headers['cache-control']).toBe('no-store');
    });

    it('on refusals (problem+json) and unknown API paths', async () => {
      const unauthenticated = await direct.http().get(ME);
      expectProblem(unauthenticated, 401, 'AUTH_REQUIRED');
      expect(unauthenticated.headers['cache-control']).toBe('no-store');

      const badBody = await direct.http().post('/api/v1/auth/login').send({ username: 'x' });
      expect(badBody.status).toBe(400);
      expect(badBody.headers['cache-control']).toBe('no-store');

      const unknown = await direct.http().get('/api/v1/no-such-thing');
      expect(unknown.status).toBe(404);
      expect(unknown.headers['cache-control']).toBe('no-store');
    });

    it('on health and the OpenAPI document, over http and https alike', async () => {
      for (const response of [
        await direct.http().get(HEALTH),
        await direct.http().get('/api/docs-json'),
        await proxied.http().get(HEALTH).set('X-Forwarded-Proto', 'https'),
      ]) {
        expect(response.status).toBe(200);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    });

    it('not on the SPA and its files, whose caching is decided where they are served', async () => {
      for (const url of ['/login', '/assets/index-0a1b2c3d.js']) {
        const response = await direct.http().get(url);
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expect(response.headers['cache-control'] ?? '').not.toContain('no-store');
      }
    });
  });
});
