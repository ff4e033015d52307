import { expectProblem } from './support/problem.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const ME = '/api/v1/me';
const LOGIN = '/api/v1/auth/login';

interface ProfileRow {
  full_name: string;
  phone: string | null;
  email: string | null;
  role: string;
  updated_at: Date;
}

describe('bad input gets a clear answer, and nothing changes', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let before: ProfileRow;
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.bearer('demo_unit');
    before = await profile();
  });
  afterAll(async () => {
    await t.close();
  });

  async function profile(): Promise<ProfileRow> {
    const rows = await t.db.query<ProfileRow[]>(`SELECT full_name, phone, email, role, updated_at FROM users WHERE username = 'demo_unit'`);
    return rows[0];
  }
  const rawPatch = (body: string, contentType = 'application/json') => t.http().patch(ME).set(auth).set('Content-Type', contentType).send(body);

  afterEach(async () => {
    // Every refusal in this file is of a PATCH /me that would have changed demo_unit.
    expect(await profile()).toEqual(before);
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    expectProblem(await rawPatch('{"fullName": "改名",'), 400, 'MALFORMED_REQUEST');
    expectProblem(await rawPatch("{'fullName': '改名'}"), 400, 'MALFORMED_REQUEST');
    expectProblem(await rawPatch(''), 400, 'MALFORMED_REQUEST');
    expectProblem(await t.http().post(LOGIN).set('Content-Type', 'application/json').send('{"username":'), 400, 'MALFORMED_REQUEST');
  });

  it('refuses a body that is not an object', async () => {
    for (const body of ['[]', '"text"', '42', '[{"fullName":"改名"}]']) {
      const response = await rawPatch(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expectProblem(response, 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses an unknown top-level field with VALIDATION_FAILED naming it', async () => {
    const body = expectProblem(await t.http().patch(ME).set(auth).send({ fullName: '改名', nickname: 'x' }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'nickname', message: expect.stringContaining('nickname') }]);
    expect(body.detail).toContain('nickname');

    const login = expectProblem(await t.http().post(LOGIN).send({ username: 'admin', password: TEST_PASSWORD, remember: true }), 400, 'VALIDATION_FAILED');
    expect(login.errors).toEqual([expect.objectContaining({ field: 'remember' })]);
  });

  it('refuses __proto__ keys at the top level and inside a nested object', async () => {
    for (const body of [
      '{"fullName":"改名","__proto__":{"role":"ADMIN"}}',
      '{"__proto__":{"fullName":"改名"}}',
      '{"fullName":{"__proto__":{"role":"ADMIN"}}}',
      '{"fullName":"改名","email":{"nested":{"__proto__":{"x":1}}}}',
      '{"fullName":"改名","\\u005f\\u005fproto\\u005f\\u005f":{"role":"ADMIN"}}',
    ]) {
      const response = await rawPatch(body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'MALFORMED_REQUEST' });
      expectProblem(response, 400, 'MALFORMED_REQUEST');
    }
    // The app runs in this process: had any of it polluted Object.prototype, this would show.
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('refuses constructor (and prototype) keys at the top level and inside a nested object', async () => {
    for (const body of [
      '{"fullName":"改名","constructor":{"prototype":{"role":"ADMIN"}}}',
      '{"fullName":{"constructor":{"prototype":{"role":"ADMIN"}}}}',
    ]) {
      const response = await rawPatch(body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'MALFORMED_REQUEST' });
      expectProblem(response, 400, 'MALFORMED_REQUEST');
    }
    // Keys that are no pollution by themselves are still unknown fields, named as such.
    for (const [body, field] of [
      ['{"fullName":"改名","constructor":"x"}', 'constructor'],
      ['{"fullName":"改名","constructor":{"name":"x"}}', 'constructor'],
      ['{"fullName":"改名","phone":{"constructor":"x"}}', 'phone.constructor'],
      ['{"fullName":"改名","prototype":{"role":"ADMIN"}}', 'prototype'],
    ]) {
      const problem = expectProblem(await rawPatch(body), 400, 'VALIDATION_FAILED');
      expect({ body, fields: (problem.errors as { field: string }[]).map((e) => e.field) }).toEqual({ body, fields: [field] });
    }
    const query = await t.http().get('/api/v1/audit/login-events').query('constructor=x').set(await t.bearer('auditor'));
    expectProblem(query, 400, 'VALIDATION_FAILED');
  });

  it('refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ fullName: '改'.repeat(400_000) });
    expect(Buffer.byteLength(huge)).toBeGreaterThan(1024 * 1024);
    expectProblem(await rawPatch(huge), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(await t.http().post(LOGIN).set('Content-Type', 'application/json').send(huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a body of another content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    expectProblem(await rawPatch('<user><fullName>改名</fullName></user>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await rawPatch('fullName=%E6%94%B9%E5%90%8D', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await rawPatch('{"fullName":"改名"}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(
      await t.http().post(LOGIN).set('Content-Type', 'text/plain').send(JSON.stringify({ username: 'admin', password: TEST_PASSWORD })),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('answers an unknown route with a 404 problem document', async () => {
    expectProblem(await t.http().get('/api/v1/no-such-thing').set(auth), 404, 'NOT_FOUND');
  });
});

describe('every response', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const samples = () => [
    t.http().get('/api/health'),
    t.http().get(ME),
    t.http().post(LOGIN).send({ username: 'admin', password: 'Wrong@2026x' }),
    t.http().post(LOGIN).set('Content-Type', 'application/json').send('{'),
    t.http().get('/api/v1/no-such-thing'),
  ];

  it('carries an x-request-id, the same as the problem document’s requestId', async () => {
    const ids = new Set<string>();
    for (const request of samples()) {
      const response = await request;
      const id = response.headers['x-request-id'];
      expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
      if (response.status >= 400) expect(response.body.requestId).toBe(id);
      ids.add(id);
    }
    expect(ids.size).toBe(5);
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  it('echoes a well-formed incoming X-Request-Id and replaces a malformed one', async () => {
    const given = 'itest-req-0001.abc';
    const echoed = await t.http().get(ME).set('X-Request-Id', given);
    expect(echoed.headers['x-request-id']).toBe(given);
    expect(echoed.body.requestId).toBe(given);
    expect((await t.http().get('/api/health').set('X-Request-Id', given)).headers['x-request-id']).toBe(given);

    for (const bad of ['short', 'has spaces in it', 'x'.repeat(65), '<script>alert(1)</script>', 'line\\nbreak-id']) {
      const response = await t.http().get('/api/health').set('X-Request-Id', bad);
      expect(response.headers['x-request-id']).not.toBe(bad);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('carries the security headers', async () => {
    for (const request of samples()) {
      const response = await request;
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options'] ?? csp).toMatch(/SAMEORIGIN|DENY|frame-ancestors 'none'/i);
      expect(response.headers['referrer-policy']).toEqual(expect.any(String));
      expect(response.headers).not.toHaveProperty('x-powered-by');
    }
  });

  it('gives problem documents with a Chinese detail and never a stack trace', async () => {
    for (const request of samples().slice(1)) {
      const response = await request;
      expectProblem(response, response.status, response.body.code);
      expect(Object.keys(response.body)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']));
      expect(response.text).not.toMatch(/node_modules|\.ts:\d+|Error:/);
    }
  });
});

describe('the API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  interface Operation {
    security?: Record<string, string[]>[];
    responses?: Record<string, unknown>;
  }

  it('GET /api/docs-json is an OpenAPI document listing the sign-in endpoints, with bearer security where needed', async () => {
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const doc = response.body as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });

    const publicOps = ['post /api/v1/auth/login', 'post /api/v1/auth/login/mfa', 'post /api/v1/auth/sms/send', 'post /api/v1/auth/sms/login', 'post /api/v1/auth/refresh'];
    const guardedOps = ['post /api/v1/auth/logout', 'get /api/v1/me', 'patch /api/v1/me', 'post /api/v1/me/password', 'get /api/v1/audit/login-events'];
    const operation = (key: string) => {
      const [method, path] = key.split(' ');
      return doc.paths[path]?.[method];
    };
    for (const key of [...publicOps, ...guardedOps]) {
      expect({ key, documented: operation(key) !== undefined }).toEqual({ key, documented: true });
      expect(Object.keys(operation(key).responses ?? {}).length).toBeGreaterThan(0);
    }
    for (const key of guardedOps) expect(operation(key).security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    for (const key of publicOps) expect(operation(key).security ?? []).toEqual([]);

    // Every reference points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(doc.components.schemas).toHaveProperty([ref]);
  });

  it('GET /api/docs answers 200 with an HTML page', async () => {
    const response = await t.http().get('/api/docs').redirects(2);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toMatch(/<html/i);
  });
});
