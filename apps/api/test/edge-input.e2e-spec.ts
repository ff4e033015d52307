import { expectProblem } from './support/problem.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const LOGIN = '/api/v1/auth/login';

/** The probe's body: 500,000 nested arrays in 1 MB. */
const DEEP_BODY = `{"username":${'['.repeat(500_000)}${']'.repeat(500_000)}}`;

describe('deep or huge JSON is refused before it is parsed (finding 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 500,000 nested arrays to the anonymous sign-in with 400 REQUEST_TOO_COMPLEX, quickly', async () => {
    const started = Date.now();
    const response = await t.http().post(LOGIN).set('Content-Type', 'application/json').send(DEEP_BODY);
    const body = expectProblem(response, 400, 'REQUEST_TOO_COMPLEX');
    expect(body.detail).toContain('嵌套超过 20 层');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('keeps the process answering: a health probe sent beside deep bodies is not held up', async () => {
    const bodies = Array.from({ length: 5 }, () => t.http().post(LOGIN).set('Content-Type', 'application/json').send(DEEP_BODY).then((r) => r.status));
    const started = Date.now();
    const health = await t.http().get('/api/health');
    const waited = Date.now() - started;
    expect(health.status).toBe(200);
    expect(await Promise.all(bodies)).toEqual([400, 400, 400, 400, 400]);
    expect(waited).toBeLessThan(1000);
  });

  it('refuses depth on every route that takes a body, signed in too', async () => {
    const auth = await t.bearer('admin');
    const nested = `{"fullName":${'{"a":'.repeat(30)}1${'}'.repeat(30)}}`;
    for (const [method, path] of [
      ['patch', '/api/v1/me'],
      ['post', '/api/v1/staff'],
      ['post', '/api/v1/regions/counties'],
      ['post', '/api/v1/auth/refresh'],
    ] as const) {
      const response = await t.http()[method](path).set(auth).set('Content-Type', 'application/json').send(nested);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 400, code: 'REQUEST_TOO_COMPLEX' });
    }
  });

  it('refuses a body of too many values (a flat array of 20,000 items)', async () => {
    const response = await t.http().post(LOGIN).set('Content-Type', 'application/json').send(JSON.stringify({ username: Array(20_000).fill(1) }));
    expect(expectProblem(response, 400, 'REQUEST_TOO_COMPLEX').detail).toContain('超过 10000 项');
  });

  it('still takes an ordinary body', async () => {
    expect((await t.http().post(LOGIN).send({ username: 'admin', password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('deep bodies count against the sign-in rate limit per address', () => {
  it('refuses the next sign-in with 429 once deep bodies used up the allowance', async () => {
    const t = await startTestApp({ AUTH_RATE_LIMIT_PER_IP: '3' });
    try {
      for (let i = 0; i < 3; i++) {
        expectProblem(await t.http().post(LOGIN).set('Content-Type', 'application/json').send(DEEP_BODY), 400, 'REQUEST_TOO_COMPLEX');
      }
      const next = await t.http().post(LOGIN).send({ username: 'admin', password: TEST_PASSWORD });
      expectProblem(next, 429, 'RATE_LIMITED');
      expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});

describe('text PostgreSQL cannot store, or a form has no place for, is refused at the edge (finding 5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a NUL byte in the anonymous sign-in with 400 naming the field, not a 500', async () => {
    const body = expectProblem(await t.http().post(LOGIN).send({ username: 'adm\u0000in', password: 'x' }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'username', message: expect.stringContaining('不允许的字符') }]);
  });

  it('refuses NUL and other controls in query strings of every list', async () => {
    const admin = await t.bearer('admin');
    const auditor = await t.bearer('auditor');
    for (const [path, auth] of [
      ['/api/v1/units?keyword=%00', admin],
      ['/api/v1/staff?keyword=%00', admin],
      ['/api/v1/audit/login-events?username=%00', auditor],
      ['/api/v1/audit/operation-logs?actor=%00', auditor],
      ['/api/v1/audit/operation-logs?action=%00', auditor],
      ['/api/v1/staff?keyword=a%07b', admin],
      ['/api/v1/regions?anything=%1b', admin],
    ] as const) {
      const response = await t.http().get(path).set(auth);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('refuses NUL in a signed-in body, in a key, a lone surrogate, and DEL', async () => {
    const auth = await t.bearer('demo_unit');
    for (const raw of ['{"fullName":"张\\u0000三"}', '{"fullName":"x","k\\u0000":1}', '{"fullName":"\\ud800"}', '{"fullName":"a\\u007f"}']) {
      const response = await t.http().patch('/api/v1/me').set(auth).set('Content-Type', 'application/json').send(raw);
      expect({ raw, status: response.status, code: response.body.code }).toEqual({ raw, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('refuses invisible characters that make a name look blank or read backwards', async () => {
    const auth = await t.bearer('demo_unit');
    for (const fullName of ['\u200b', 'a\u202eb', '\ufeff张三', 'x\u2066y']) {
      const response = await t.http().patch('/api/v1/me').set(auth).send({ fullName });
      expect({ fullName: JSON.stringify(fullName), status: response.status }).toEqual({ fullName: JSON.stringify(fullName), status: 400 });
    }
    // The joiners emoji need stay.
    expect((await t.http().patch('/api/v1/me').set(auth).send({ fullName: '钱晓明👨\u200d👩' })).status).toBe(200);
  });

  it('answers thousands of bad keys with a bounded list', async () => {
    const query = Array.from({ length: 1500 }, (_, i) => `k${i}=%00`).join('&');
    const response = await t.http().get(`/api/v1/app-info?${query}`);
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toHaveLength(20);
    expect(response.text.length).toBeLessThan(5000);
  });

  it('refuses a query that is not valid UTF-8 percent-encoding instead of guessing', async () => {
    const auth = await t.bearer('admin');
    for (const query of ['keyword=%ED%A0%80', 'keyword=%FF', 'keyword=%E4%B8']) {
      const response = await t.http().get(`/api/v1/staff?${query}`).set(auth);
      expect({ query, status: response.status, code: response.body.code }).toEqual({ query, status: 400, code: 'MALFORMED_REQUEST' });
    }
    expect((await t.http().get(`/api/v1/staff?keyword=${encodeURIComponent('东城')}`).set(auth)).status).toBe(200);
  });

  it('refuses a NUL byte in a path parameter', async () => {
    const response = await t.http().get('/api/v1/units/%00').set(await t.bearer('admin'));
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('refuses line breaks and tabs in a single-line field, naming it', async () => {
    const auth = await t.bearer('demo_unit');
    for (const fullName of ['张\n三', '张\t三', '张\r三']) {
      const body = expectProblem(await t.http().patch('/api/v1/me').set(auth).send({ fullName }), 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: 'fullName', message: '不能包含换行符或制表符' }]);
    }
  });
});

describe('optional means "may be left out", not "may be null" (finding 6)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let staffId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bearer('admin');
    [{ id: staffId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'nanhu_finance'`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses {"status": null} on a staff account with 400 naming status (it was a 500)', async () => {
    const body = expectProblem(await t.http().patch(`/api/v1/staff/${staffId}`).set(admin).send({ status: null }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'status', message: '不能为 null（不填请省略该字段）' }]);
    const [row] = await t.db.query<{ status: string }[]>(`SELECT status FROM users WHERE id = $1`, [staffId]);
    expect(row.status).toBe('ACTIVE');
  });

  it('refuses null for every optional field that does not say it takes null', async () => {
    for (const [path, body] of [
      [`/api/v1/staff/${staffId}`, { fullName: null }],
      ['/api/v1/me', { fullName: null }],
    ] as const) {
      const response = await t.http().patch(path).set(admin).send(body);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
    }
    const login = await t.http().post(LOGIN).send({ username: 'admin', password: TEST_PASSWORD, portal: null });
    expectProblem(login, 400, 'VALIDATION_FAILED');
  });

  it('still takes null where the field is documented as nullable (a staff email)', async () => {
    const response = await t.http().patch(`/api/v1/staff/${staffId}`).set(admin).send({ email: null });
    expect(response.status).toBe(200);
    expect(response.body.email).toBeNull();
  });
});

describe('refusals before a route is found are problem+json too', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a path parameter over 100 characters with 414 URI_TOO_LONG', async () => {
    const response = await t.http().get(`/api/v1/units/${'a'.repeat(150)}`);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expectProblem(response, 414, 'URI_TOO_LONG');
  });

  it('answers a path that is not valid URL encoding with 400 MALFORMED_REQUEST', async () => {
    const response = await t.http().get('/api/v1/units/%25b8a%ED%A0%80kna');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expectProblem(response, 400, 'MALFORMED_REQUEST');
  });

  it('answers a URL over 16 KB with 431 HEADERS_TOO_LARGE, in Chinese', async () => {
    const response = await t.http().get(`/api/v1/regions?keyword=${'x'.repeat(20_000)}`);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(expectProblem(response, 431, 'HEADERS_TOO_LARGE').detail).toContain('过长');
  });
});
