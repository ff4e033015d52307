export const TEST_PASSWORD = 'Butie@2026';

/** The configuration every API test starts from; a test overrides what it is about. */
export const TEST_ENV: Record<string, string> = {
  JWT_SECRET: 'api-tests-only-secret-0123456789abcdefghijklmnop',
  DEMO_DATA: 'false',
  DEMO_PASSWORD: TEST_PASSWORD,
  STAFF_SMS_2FA: 'false',
  AUTH_RATE_LIMIT_PER_IP: '100000',
  AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
  LOG_LEVEL: 'silent',
  WEB_DIST_DIR: '/nonexistent-web-dist',
  DB_POOL_SIZE: '3',
};

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
