import { startTestApp, type TestApp } from './support/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('health answers', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
  });

  it('admin can sign in and read /me', async () => {
    const headers = await t.bearer('admin');
    const response = await t.http().get('/api/v1/me').set(headers);
    expect(response.status).toBe(200);
    expect(response.body.username).toBe('admin');
  });
});
