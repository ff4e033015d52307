import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

/** The address the sign-in log recorded for the newest sign-in (the address rate limits count, too). */
async function loggedAddress(t: TestApp, forwardedFor: string): Promise<string> {
  const response = await t.http().post('/api/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ username: 'demo_unit', password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  const [row] = await t.db.query<{ ip: string }[]>(`SELECT ip FROM login_events WHERE username = 'demo_unit' ORDER BY id DESC LIMIT 1`);
  return row.ip;
}

// One app per test: passport's strategies are process-wide, so two apps alive at once would mix.
describe('TRUST_PROXY takes the client address from the trusted hops only (finding 10)', () => {
  it('with a hop count of 1, takes the address the one proxy saw, not one a client wrote before it', async () => {
    const t = await startTestApp({ TRUST_PROXY: '1' });
    try {
      // nginx appends the address it saw; whatever the client sent stands before it.
      expect(await loggedAddress(t, '203.0.113.66, 198.51.100.7')).toBe('198.51.100.7');
      expect(await loggedAddress(t, '198.51.100.8')).toBe('198.51.100.8');
    } finally {
      await t.close();
    }
  });

  it('with proxy addresses, trusts X-Forwarded-For only from them', async () => {
    const t = await startTestApp({ TRUST_PROXY: '10.9.9.9' });
    try {
      // The test client (127.0.0.1) is not that proxy: its header is ignored.
      expect(await loggedAddress(t, '203.0.113.66')).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await t.close();
    }
  });

  it('without TRUST_PROXY, never believes the header', async () => {
    const t = await startTestApp({ TRUST_PROXY: 'false' });
    try {
      expect(await loggedAddress(t, '203.0.113.66')).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await t.close();
    }
  });
});
