import type { SessionTokens } from '@butie/contracts';
import { claimsOf, forgeJwt } from './support/jwt-forge.js';
import { expectProblem } from './support/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ME = '/api/v1/me';
const REFRESH = '/api/v1/auth/refresh';

describe('access tokens', () => {
  let t: TestApp;
  let session: SessionTokens;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTestApp();
    session = await t.login('dongcheng_hrss');
    claims = claimsOf(session.accessToken);
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (authorization?: string) => {
    const request = t.http().get(ME);
    return authorization === undefined ? request : request.set('Authorization', authorization);
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts the access token it issued (the forged ones below differ from it in one point each)', async () => {
    expect(claims).toMatchObject({ typ: 'access', iss: 'butietong', aud: 'butietong-api', sub: session.user.id, sid: expect.any(String) });
    expect((await me(`Bearer ${session.accessToken}`)).status).toBe(200);
    // A token forged with the test secret and the same claims is accepted: the harness forges correctly.
    expect((await me(`Bearer ${forgeJwt(claims)}`)).status).toBe(200);
  });

  it('refuses a request without a token with AUTH_REQUIRED', async () => {
    expectProblem(await me(), 401, 'AUTH_REQUIRED');
    expectProblem(await me(''), 401, 'AUTH_REQUIRED');
    expectProblem(await me('Bearer'), 401, 'AUTH_REQUIRED');
    expectProblem(await me(`Basic ${Buffer.from('admin:Butie@2026').toString('base64')}`), 401, 'AUTH_REQUIRED');
  });

  it('refuses an expired access token with TOKEN_EXPIRED', async () => {
    const expired = forgeJwt({ ...claims, iat: now() - 1000, exp: now() - 10 });
    expectProblem(await me(`Bearer ${expired}`), 401, 'TOKEN_EXPIRED');
  });

  it('refuses a validly signed token without exp (it would never expire) with TOKEN_INVALID', async () => {
    const forever: Record<string, unknown> = { ...claims };
    delete forever.exp;
    expectProblem(await me(`Bearer ${forgeJwt(forever)}`), 401, 'TOKEN_INVALID');
  });

  it('refuses a token whose payload was altered with TOKEN_INVALID', async () => {
    const [{ id: adminId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'admin'`);
    const [head, , signature] = session.accessToken.split('.');
    const payload = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expectProblem(await me(`Bearer ${head}.${payload({ ...claims, sub: adminId })}.${signature}`), 401, 'TOKEN_INVALID');
    expectProblem(await me(`Bearer ${head}.${payload({ ...claims, exp: now() + 86400 })}.${signature}`), 401, 'TOKEN_INVALID');
  });

  it('refuses a token signed with another secret with TOKEN_INVALID', async () => {
    const token = forgeJwt(claims, { secret: 'an-attacker-secret-that-is-long-enough-0123' });
    expectProblem(await me(`Bearer ${token}`), 401, 'TOKEN_INVALID');
  });

  it('refuses an unsigned token (alg none) in every spelling with TOKEN_INVALID', async () => {
    const unsigned = forgeJwt(claims, { alg: 'none' });
    expectProblem(await me(`Bearer ${unsigned}`), 401, 'TOKEN_INVALID');
    for (const alg of ['None', 'NONE', 'nOnE']) {
      const [, payload] = unsigned.split('.');
      const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
      expectProblem(await me(`Bearer ${header}.${payload}.`), 401, 'TOKEN_INVALID');
    }
    // The genuine signature glued to an alg-none header does not help either.
    const [, payload, signature] = session.accessToken.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectProblem(await me(`Bearer ${header}.${payload}.${signature}`), 401, 'TOKEN_INVALID');
  });

  it('refuses a token signed with another algorithm (HS512, HS384) even with the right secret', async () => {
    expectProblem(await me(`Bearer ${forgeJwt(claims, { alg: 'HS512' })}`), 401, 'TOKEN_INVALID');
    expectProblem(await me(`Bearer ${forgeJwt(claims, { alg: 'HS384' })}`), 401, 'TOKEN_INVALID');
  });

  it('refuses a token for another audience or from another issuer with TOKEN_INVALID', async () => {
    expectProblem(await me(`Bearer ${forgeJwt({ ...claims, aud: 'butietong-mfa' })}`), 401, 'TOKEN_INVALID');
    expectProblem(await me(`Bearer ${forgeJwt({ ...claims, aud: 'some-other-api' })}`), 401, 'TOKEN_INVALID');
    expectProblem(await me(`Bearer ${forgeJwt({ ...claims, iss: 'someone-else' })}`), 401, 'TOKEN_INVALID');
  });

  it('refuses a correctly signed token that is not an access token, or names a session of someone else', async () => {
    expectProblem(await me(`Bearer ${forgeJwt({ ...claims, typ: 'mfa' })}`), 401, 'TOKEN_INVALID');
    expectProblem(await me(`Bearer ${forgeJwt({ ...claims, sid: 'not-a-uuid' })}`), 401, 'TOKEN_INVALID');
    const other = claimsOf((await t.login('xicheng_hrss')).accessToken);
    expectProblem(await me(`Bearer ${forgeJwt({ ...claims, sid: other.sid })}`), 401, 'TOKEN_INVALID');
    const gone = forgeJwt({ ...claims, sid: '00000000-0000-4000-8000-000000000000' });
    expectProblem(await me(`Bearer ${gone}`), 401, 'SESSION_ENDED');
  });

  it('refuses a refresh token, or anything else that is no JWT, presented as a Bearer token', async () => {
    expectProblem(await me(`Bearer ${session.refreshToken}`), 401, 'TOKEN_INVALID');
    expectProblem(await me('Bearer abc.def.ghi'), 401, 'TOKEN_INVALID');
    expectProblem(await me('Bearer not-a-token'), 401, 'TOKEN_INVALID');
  });
});

describe('refresh tokens and sign-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const refresh = (refreshToken: string) => t.http().post(REFRESH).send({ refreshToken });
  const me = (accessToken: string) => t.http().get(ME).set('Authorization', `Bearer ${accessToken}`);

  it('exchanges a refresh token for a new pair', async () => {
    const first = await t.login('city_hrss');
    const response = await refresh(first.refreshToken);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, idleTimeout: 1800, user: { username: 'city_hrss' } });
    expect(response.body.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(response.body.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
    expect((await me(response.body.accessToken)).status).toBe(200);
    // The new refresh token is good for one more turn.
    expect((await refresh(response.body.refreshToken)).status).toBe(200);
  });

  it('ends the whole session when a used refresh token is presented again', async () => {
    const first = await t.login('city_org');
    const second = (await refresh(first.refreshToken)).body as SessionTokens;
    const third = (await refresh(second.refreshToken)).body as SessionTokens;
    expect((await me(third.accessToken)).status).toBe(200);

    expectProblem(await refresh(first.refreshToken), 401, 'REFRESH_TOKEN_REUSED');
    expectProblem(await refresh(third.refreshToken), 401, 'SESSION_ENDED');
    expectProblem(await me(third.accessToken), 401, 'SESSION_ENDED');
    expectProblem(await me(first.accessToken), 401, 'SESSION_ENDED');

    const [event] = await t.db.query<object[]>(`SELECT kind, username, success, reason FROM login_events WHERE kind = 'REFRESH_REUSE' ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ kind: 'REFRESH_REUSE', username: 'city_org', success: false, reason: 'REFRESH_TOKEN_REUSED' });
    // Other sessions of the same person are not touched.
    expect((await me((await t.login('city_org')).accessToken)).status).toBe(200);
  });

  it('lets exactly one of two simultaneous uses of one refresh token succeed', async () => {
    for (let round = 0; round < 3; round++) {
      const session = await t.login('dongcheng_org');
      const answers = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 401]);
      const loser = answers.find((a) => a.status === 401)!;
      expectProblem(loser, 401, 'REFRESH_TOKEN_REUSED');
      // A second use is a reuse however close in time: the chain ends for the winner too.
      const winner = answers.find((a) => a.status === 200)!;
      expectProblem(await me(winner.body.accessToken), 401, 'SESSION_ENDED');
    }
  });

  it('refuses an unknown refresh token with REFRESH_TOKEN_INVALID', async () => {
    expectProblem(await refresh('bm90LWEtcmVmcmVzaC10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ'), 401, 'REFRESH_TOKEN_INVALID');
    const access = (await t.login('dongcheng_finance')).accessToken;
    expectProblem(await refresh(access.slice(0, 256)), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('ends the session at sign-out: the access and the refresh token stop working, and it is logged', async () => {
    const session = await t.login('xicheng_org');
    const other = await t.login('xicheng_org');
    const logout = await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${session.accessToken}`).set('User-Agent', 'logout-test/1');
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');

    expectProblem(await me(session.accessToken), 401, 'SESSION_ENDED');
    expectProblem(await refresh(session.refreshToken), 401, 'SESSION_ENDED');
    expectProblem(await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${session.accessToken}`), 401, 'SESSION_ENDED');
    // Signing out one browser leaves the person's other sign-ins alone.
    expect((await me(other.accessToken)).status).toBe(200);

    const events = await t.db.query<{
      kind: string;
      username: string;
      success: boolean;
      ip: string;
    }[]>(`SELECT kind, username, success, ip FROM login_events WHERE user_agent = 'logout-test/1'`);
    expect(events).toEqual([{ kind: 'LOGOUT', username: 'xicheng_org', success: true, ip: expect.stringMatching(/127\.0\.0\.1|::1/) }]);
  });

  it('requires a valid access token to sign out', async () => {
    expectProblem(await t.http().post('/api/v1/auth/logout'), 401, 'AUTH_REQUIRED');
  });
});

describe('idle timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const idleFor = async (accessToken: string, minutes: number) => {
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE id = $1`, [claimsOf(accessToken).sid, minutes]);
  };

  it('keeps a session that has been idle for less than 30 minutes', async () => {
    const session = await t.login('nanhu_hrss');
    await idleFor(session.accessToken, 29);
    expect((await t.http().get(ME).set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(200);
    expect((await t.http().post(REFRESH).send({ refreshToken: session.refreshToken })).status).toBe(200);
  });

  it('ends a session after 30 minutes without activity with SESSION_IDLE', async () => {
    const session = await t.login('nanhu_org');
    await idleFor(session.accessToken, 31);
    expectProblem(await t.http().get(ME).set('Authorization', `Bearer ${session.accessToken}`), 401, 'SESSION_IDLE');
    const again = await t.http().get(ME).set('Authorization', `Bearer ${session.accessToken}`);
    expect(again.status).toBe(401);
    expect(['SESSION_IDLE', 'SESSION_ENDED']).toContain(again.body.code);
  });

  it('does not let a refresh token revive an idle session', async () => {
    const session = await t.login('nanhu_finance');
    await idleFor(session.accessToken, 31);
    expectProblem(await t.http().post(REFRESH).send({ refreshToken: session.refreshToken }), 401, 'SESSION_IDLE');
  });
});
