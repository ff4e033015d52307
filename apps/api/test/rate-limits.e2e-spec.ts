import { expectProblem } from './support/problem.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const LOGIN = '/api/v1/auth/login';

function expectRetryAfterWithinAMinute(response: { headers: Record<string, string> }): void {
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('rate limit per address on the auth endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_IP: '5' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the sixth auth request within a minute with 429 RATE_LIMITED and Retry-After', async () => {
    // Five different accounts and endpoints: the address is what is counted.
    const first = [
      await t.http().post(LOGIN).send({ username: 'city_hrss', password: TEST_PASSWORD }),
      await t.http().post(LOGIN).send({ username: 'city_org', password: 'Wrong@2026x' }),
      await t.http().post(LOGIN).send({ username: 'nobody_at_all', password: 'Wrong@2026x' }),
      await t.http().post('/api/v1/auth/sms/send').send({ phone: '13800000001' }),
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: 'unknown-refresh-token-0123456789' }),
    ];
    expect(first.map((r) => r.status)).toEqual([200, 401, 401, 202, 401]);

    const sixth = await t.http().post(LOGIN).send({ username: 'city_finance', password: TEST_PASSWORD });
    expectProblem(sixth, 429, 'RATE_LIMITED');
    expectRetryAfterWithinAMinute(sixth);
    expect(sixth.body).not.toHaveProperty('accessToken');

    // Another auth endpoint, and a forged forwarding header, are refused all the same.
    expectProblem(await t.http().post('/api/v1/auth/sms/login').send({ phone: '13800000001', code: '123456' }), 429, 'RATE_LIMITED');
    expectProblem(
      await t.http().post(LOGIN).set('X-Forwarded-For', '203.0.113.9').send({ username: 'city_finance', password: TEST_PASSWORD }),
      429,
      'RATE_LIMITED',
    );
    // Only signing in is limited: the session won before the limit goes on working.
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${first[0].body.accessToken}`)).status).toBe(200);
  });
});

describe('rate limit per account on the auth endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_ACCOUNT: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the fourth sign-in to one account within a minute, whatever is typed, but not other accounts', async () => {
    const statuses = [];
    for (const username of ['dongcheng_hrss', 'DONGCHENG_HRSS', ' dongcheng_hrss ']) {
      statuses.push((await t.http().post(LOGIN).send({ username, password: 'Wrong@2026x' })).status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    const fourth = await t.http().post(LOGIN).send({ username: 'dongcheng_hrss', password: TEST_PASSWORD });
    expectProblem(fourth, 429, 'RATE_LIMITED');
    expectRetryAfterWithinAMinute(fourth);

    expect((await t.http().post(LOGIN).send({ username: 'dongcheng_org', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('counts SMS requests per phone', async () => {
    const phone = '13900000101';
    expect((await t.http().post('/api/v1/auth/sms/send').send({ phone })).status).toBe(202);
    expect((await t.http().post('/api/v1/auth/sms/login').send({ phone, code: '000000' })).status).toBe(401);
    expect((await t.http().post('/api/v1/auth/sms/login').send({ phone, code: '000001' })).status).toBe(401);
    const fourth = await t.http().post('/api/v1/auth/sms/login').send({ phone, code: '000002' });
    expectProblem(fourth, 429, 'RATE_LIMITED');
    expectRetryAfterWithinAMinute(fourth);
    expect((await t.http().post('/api/v1/auth/sms/send').send({ phone: '13900000102' })).status).toBe(202);
  });
});
