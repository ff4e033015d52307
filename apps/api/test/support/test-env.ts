export const TEST_PASSWORD = 'Butie@2026';

/** The configuration every API test starts from; a test overrides what it is about. */
export const TEST_ENV: Record<string, string> = {
  JWT_SECRET: 'api-tests-only-secret-0123456789abcdefghijklmnop',
  DEMO_DATA: 'false',
  DEMO_PASSWORD: TEST_PASSWORD,
  STAFF_SMS_2FA: 'false',
  // Not demo mode, so the SMS sandbox needs its explicit opt-in (and keeps away from staff).
  SMS_PROVIDER: 'sandbox',
  ALLOW_SANDBOX_OUTSIDE_DEMO: 'true',
  AUTH_RATE_LIMIT_PER_IP: '100000',
  AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
  LOG_LEVEL: 'silent',
  WEB_DIST_DIR: '/nonexistent-web-dist',
  DB_POOL_SIZE: '3',
  // The run's folder (global-setup) holding the demo materials' files; a test about storage sets its own.
  ...(process.env.BUTIE_TEST_ATTACHMENT_DIR ? { ATTACHMENT_DIR: process.env.BUTIE_TEST_ATTACHMENT_DIR } : {}),
};

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function withRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The app's own role on a test database (see global-setup): what the running app connects as. */
export function appUrlOf(database: string): string {
  const server = withDatabase(process.env.BUTIE_TEST_SERVER_URL!, database);
  return withRole(server, process.env.BUTIE_TEST_APP_ROLE!, process.env.BUTIE_TEST_APP_PASSWORD!);
}
