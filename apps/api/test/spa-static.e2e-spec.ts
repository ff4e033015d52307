import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/test-app.js';

const SCRIPT = `console.log(${JSON.stringify('补贴通'.repeat(200))});`;
const PAGE = `<!doctype html><title>补贴通</title><script type="module" src="/assets/index-0a1b2c3d.js"></script>${' '.repeat(2000)}`;
const SECRET = '{"name":"not-for-the-web"}';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A GET with the path sent exactly as written: HTTP clients built on WHATWG URLs would resolve
 * `..` before sending, and the test would never reach the server with it.
 */
function rawGet(app: TestApp, requestPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const server = app.app.getHttpServer();
  if (!server.listening) throw new Error('the test app is not listening');
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: requestPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

function decoded(response: RawResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body).toString();
  if (encoding === 'gzip') return gunzipSync(response.body).toString();
  return response.body.toString();
}

describe('the built SPA: precompressed files, caching by hash, and client-side routes', () => {
  let folder: string;
  let app: TestApp;
  beforeAll(async () => {
    // A build in miniature, with the .br and .gz copies the build writes beside its files, and a
    // file just outside it that no path may reach.
    folder = await mkdtemp(path.join(os.tmpdir(), 'butie-spa-static-'));
    const dist = path.join(folder, 'web', 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(folder, 'web', 'package.json'), SECRET);
    for (const [file, content] of [
      ['index.html', PAGE],
      ['assets/index-0a1b2c3d.js', SCRIPT],
    ]) {
      await writeFile(path.join(dist, file), content);
      await writeFile(path.join(dist, `${file}.br`), brotliCompressSync(content));
      await writeFile(path.join(dist, `${file}.gz`), gzipSync(content));
    }
    // Small files get no compressed copy at build time.
    await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await startTestApp({ WEB_DIST_DIR: dist });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await rm(folder, { recursive: true, force: true });
  });

  describe('compressed copies, chosen by Accept-Encoding', () => {
    it.each([
      ['br, gzip, deflate', 'br'],
      ['gzip, deflate', 'gzip'],
    ])('Accept-Encoding: %s → the %s copy of a script, unchanged once decoded', async (accept, encoding) => {
      const response = await rawGet(app, '/assets/index-0a1b2c3d.js', { 'accept-encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(response.body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(response)).toBe(SCRIPT);
    });

    it('without Accept-Encoding the file itself', async () => {
      const response = await rawGet(app, '/assets/index-0a1b2c3d.js');
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.toString()).toBe(SCRIPT);
    });

    it('the page too, and a file without a compressed copy as it is', async () => {
      const page = await rawGet(app, '/login', { 'accept-encoding': 'gzip, br' });
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(decoded(page)).toBe(PAGE);

      const icon = await rawGet(app, '/favicon.svg', { 'accept-encoding': 'br, gzip' });
      expect(icon.status).toBe(200);
      expect(icon.headers['content-encoding']).toBeUndefined();
      expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    });
  });

  describe('caching', () => {
    it('a hashed file under /assets/ is immutable for a year, in every encoding', async () => {
      for (const accept of ['br', 'gzip', 'identity']) {
        const response = await rawGet(app, '/assets/index-0a1b2c3d.js', { 'accept-encoding': accept });
        expect({ accept, cacheControl: response.headers['cache-control'] }).toEqual({ accept, cacheControl: 'public, max-age=31536000, immutable' });
      }
    });

    it('index.html and unhashed files are revalidated before each use', async () => {
      for (const url of ['/', '/index.html', '/login', '/favicon.svg']) {
        const response = await rawGet(app, url, { 'accept-encoding': 'br' });
        expect({ url, status: response.status, cacheControl: response.headers['cache-control'] }).toEqual({ url, status: 200, cacheControl: 'no-cache' });
        expect(response.headers.etag ?? response.headers['last-modified']).toBeDefined();
      }
    });
  });

  describe('client-side routes and unknown paths', () => {
    it.each(['/admin/staff', '/audit/logins', '/home'])('%s answers the SPA page', async (url) => {
      const response = await rawGet(app, url, { 'accept-encoding': 'gzip' });
      expect(response.status).toBe(200);
      expect(decoded(response)).toBe(PAGE);
    });

    it.each([
      '/assets/../../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/../package.json',
      '//assets/index-0a1b2c3d.js',
      '/assets/./index-0a1b2c3d.js',
      '/assets/index-ffffffff.js',
      '/api/v1//units',
      '/api/v1/no-such-thing',
    ])('%s answers 404 problem+json, like any unknown path, and nothing of the file', async (url) => {
      const response = await rawGet(app, url, { 'accept-encoding': 'br, gzip' });
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(response.body.toString()) as { code: string; detail: string };
      expect(body.code).toBe('NOT_FOUND');
      expect(body.detail).toMatch(/[\u4e00-\u9fff]/);
      expect(response.body.toString()).not.toContain('not-for-the-web');
    });
  });
});
