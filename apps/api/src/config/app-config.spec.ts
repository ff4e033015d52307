import path from 'node:path';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from './app-config.js';

const SECRET = 'x'.repeat(32);
const CWD = '/srv/butie/apps/api';

function loadError(env: Record<string, string>): string {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig defaults (no environment)', () => {
  const config = loadConfig({}, CWD);

  it('starts its own embedded PostgreSQL when no DATABASE_URL is given', () => {
    expect(config.database.url).toBeNull();
    expect(config.database.embeddedDir).toBe(path.resolve(CWD, './data/postgres'));
    expect(config.database.embeddedPort).toBe(54329);
  });

  it('turns demo data on with the embedded database', () => {
    expect(config.demo).toEqual({ enabled: true, password: DEFAULT_DEMO_PASSWORD });
  });

  it('leaves the staff SMS second factor off in demo mode', () => {
    expect(config.auth.staffSmsSecondFactor).toBe(false);
  });

  it('makes a random, process-only JWT secret of at least 32 characters', () => {
    expect(config.auth.jwtSecretEphemeral).toBe(true);
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}, CWD).auth.jwtSecret).not.toBe(config.auth.jwtSecret);
  });

  it('uses the policy defaults of domain §4 for sign-in and SMS codes', () => {
    expect(config.auth).toMatchObject({ maxFailedLogins: 5, lockMinutes: 15, sessionIdleTimeoutSeconds: 1800 });
    expect(config.sms).toEqual({
      provider: 'sandbox',
      httpUrl: null,
      httpToken: null,
      httpTimeoutMs: 3000,
      httpRetries: 2,
      codeTtlSeconds: 300,
      resendIntervalSeconds: 60,
      dailyLimitPerPhone: 10,
      maxAttemptsPerCode: 5,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('listens on port 3000 and needs no Redis', () => {
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBeNull();
  });
});

const REAL_GATEWAYS = { SOCIAL_SECURITY_HTTP_URL: 'https://ss.example/api', DEGREE_HTTP_URL: 'https://moe.example/api' };
const REAL_SMS = { SMS_HTTP_URL: 'https://sms.example/send', ...REAL_GATEWAYS };
const PRODUCTION = { DATABASE_URL: 'postgres://app@db/butie', JWT_SECRET: SECRET, ...REAL_SMS };

describe('loadConfig outside demo mode', () => {
  it('with DATABASE_URL: demo data off, the real SMS service and the staff SMS second factor on', () => {
    const config = loadConfig(PRODUCTION, CWD);
    expect(config.database.url).toBe('postgres://app@db/butie');
    expect(config.demo.enabled).toBe(false);
    expect(config.sms.provider).toBe('http');
    expect(config.auth.staffSmsSecondFactor).toBe(true);
    expect(config.auth).toMatchObject({ jwtSecret: SECRET, jwtSecretEphemeral: false });
  });

  it('with demo data switched off on the embedded database the second factor is on', () => {
    expect(loadConfig({ DEMO_DATA: 'false', ...REAL_SMS }, CWD).auth.staffSmsSecondFactor).toBe(true);
  });

  it('lets STAFF_SMS_2FA override the default either way', () => {
    expect(loadConfig({ STAFF_SMS_2FA: 'true' }, CWD).auth.staffSmsSecondFactor).toBe(true);
    expect(loadConfig({ ...PRODUCTION, STAFF_SMS_2FA: 'off' }, CWD).auth.staffSmsSecondFactor).toBe(false);
  });

  it('takes the schema owner for migrations beside the app role', () => {
    expect(loadConfig({ ...PRODUCTION, DATABASE_OWNER_URL: 'postgres://owner@db/butie' }, CWD).database.ownerUrl).toBe('postgres://owner@db/butie');
    expect(loadError({ DATABASE_OWNER_URL: 'postgres://owner@db/butie' })).toContain('DATABASE_OWNER_URL needs DATABASE_URL');
  });
});

describe('the social-security and degree sandboxes run only where the SMS sandbox may', () => {
  it('are the default in demo mode and with the explicit opt-in, the real services otherwise', () => {
    expect(loadConfig({}, CWD).gateways).toMatchObject({ socialSecurity: null, degree: null });
    const testing = loadConfig({ ...PRODUCTION, SMS_PROVIDER: 'sandbox', ALLOW_SANDBOX_OUTSIDE_DEMO: 'true', STAFF_SMS_2FA: 'false' }, CWD);
    expect(testing.gateways).toMatchObject({ socialSecurity: null, degree: null });
    expect(loadConfig(PRODUCTION, CWD).gateways).toMatchObject({
      socialSecurity: { url: 'https://ss.example/api', token: null },
      degree: { url: 'https://moe.example/api', token: null },
      resilience: { timeoutMs: 3000, retries: 2, breakerFailures: 5, breakerCoolDownMs: 30000 },
    });
  });

  it('refuses to start outside demo mode without the real services, naming each missing URL', () => {
    const error = loadError({ DATABASE_URL: 'postgres://db/butie', JWT_SECRET: SECRET, SMS_HTTP_URL: 'https://sms.example/send' });
    expect(error).toContain('SOCIAL_SECURITY_HTTP_URL is required');
    expect(error).toContain('DEGREE_HTTP_URL is required');
  });

  it('refuses a sandbox outside demo mode without the opt-in, and a URL that is not http(s)', () => {
    expect(loadError({ ...PRODUCTION, DEGREE_PROVIDER: 'sandbox' })).toContain('DEGREE_PROVIDER=sandbox outside demo mode answers with made-up records');
    expect(loadError({ ...PRODUCTION, SOCIAL_SECURITY_HTTP_URL: 'ftp://ss.example' })).toContain('SOCIAL_SECURITY_HTTP_URL must be an http(s) URL');
  });

  it('takes the token and drops a trailing slash of the URL', () => {
    const config = loadConfig({ ...PRODUCTION, SOCIAL_SECURITY_HTTP_URL: 'https://ss.example/api/', SOCIAL_SECURITY_HTTP_TOKEN: 'secret' }, CWD);
    expect(config.gateways.socialSecurity).toEqual({ url: 'https://ss.example/api', token: 'secret' });
  });

  it('needs none of it for an operator command', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/butie', JWT_SECRET: SECRET }, CWD, { command: true })).not.toThrow();
  });
});

describe('the SMS sandbox runs only where it is safe', () => {
  it('is the default in demo mode only', () => {
    expect(loadConfig({}, CWD).sms.provider).toBe('sandbox');
    expect(loadConfig({ ...PRODUCTION, DEMO_DATA: 'true' }, CWD).sms.provider).toBe('sandbox');
  });

  it('refuses to start outside demo mode without the real SMS service', () => {
    expect(loadError({ DATABASE_URL: 'postgres://db/butie', JWT_SECRET: SECRET })).toContain('SMS_HTTP_URL is required: outside demo mode');
  });

  it('refuses SMS_PROVIDER=sandbox outside demo mode without the explicit opt-in', () => {
    expect(loadError({ ...PRODUCTION, SMS_PROVIDER: 'sandbox' })).toContain('SMS_PROVIDER=sandbox outside demo mode shows every SMS code');
  });

  it('takes the opt-in, but not with the staff second factor (the sandbox never reaches staff there)', () => {
    expect(loadError({ ...PRODUCTION, SMS_PROVIDER: 'sandbox', ALLOW_SANDBOX_OUTSIDE_DEMO: 'true' })).toContain('STAFF_SMS_2FA=true needs the real SMS service');
    const config = loadConfig({ ...PRODUCTION, SMS_PROVIDER: 'sandbox', ALLOW_SANDBOX_OUTSIDE_DEMO: 'true', STAFF_SMS_2FA: 'false' }, CWD);
    expect(config.sms.provider).toBe('sandbox');
    expect(config.demo.enabled).toBe(false);
  });
});

describe('an operator’s command (cli.js) sends no SMS and serves nothing', () => {
  it('is not stopped by the rules about where the SMS sandbox may run', () => {
    expect(loadError({ DATABASE_URL: 'postgres://db/butie', JWT_SECRET: SECRET })).toContain('SMS_HTTP_URL is required');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/butie', JWT_SECRET: SECRET }, CWD, { command: true })).not.toThrow();
    expect(() => loadConfig({ DEMO_DATA: 'false' }, CWD, { command: true })).not.toThrow();
  });
});

describe('TRUST_PROXY names the proxies, never "everyone"', () => {
  it('is off by default', () => {
    expect(loadConfig({}, CWD).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }, CWD).trustProxy).toBe(false);
  });

  it('takes a number of hops or proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }, CWD).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1' }, CWD).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
  });

  it('refuses true, and anything that is not an address', () => {
    expect(loadError({ TRUST_PROXY: 'true' })).toContain('TRUST_PROXY=true would take the client address from any X-Forwarded-For');
    expect(loadError({ TRUST_PROXY: '10.0.0.0/33' })).toContain('TRUST_PROXY must be false, a number of proxies');
    expect(loadError({ TRUST_PROXY: 'nginx' })).toContain('TRUST_PROXY must be false, a number of proxies');
    expect(loadError({ TRUST_PROXY: '11' })).toContain('TRUST_PROXY must be false, a number of proxies');
  });
});

describe('loadConfig refusals', () => {
  it('refuses DATABASE_URL without JWT_SECRET, since replicas must share the secret', () => {
    expect(loadError({ DATABASE_URL: 'postgres://db/butie' })).toContain('JWT_SECRET is required when DATABASE_URL is set');
  });

  it('refuses a JWT_SECRET shorter than 32 characters', () => {
    expect(loadError({ JWT_SECRET: 'x'.repeat(31) })).toContain('JWT_SECRET must be at least 32 characters');
    expect(() => loadConfig({ JWT_SECRET: SECRET }, CWD)).not.toThrow();
  });

  it('lists every bad integer together in one error', () => {
    const message = loadError({ PORT: 'eighty', DB_POOL_SIZE: '0', LOGIN_MAX_FAILURES: '2.5', SMS_DAILY_LIMIT: '1001' });
    expect(message).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
    expect(message).toContain('DB_POOL_SIZE must be an integer from 1 to 100 (got "0")');
    expect(message).toContain('LOGIN_MAX_FAILURES must be an integer from 1 to 100 (got "2.5")');
    expect(message).toContain('SMS_DAILY_LIMIT must be an integer from 1 to 1000 (got "1001")');
  });

  it('lists problems of different kinds together too', () => {
    const message = loadError({ DATABASE_URL: 'postgres://db/butie', PORT: '-1', TRUST_PROXY: 'maybe' });
    expect(message).toContain('JWT_SECRET is required');
    expect(message).toContain('PORT must be an integer');
    expect(message).toContain('TRUST_PROXY must be false, a number of proxies from 1 to 10, or IP addresses / CIDR ranges (got "maybe")');
  });

  it('requires SMS_HTTP_URL when SMS_PROVIDER=http', () => {
    expect(loadError({ SMS_PROVIDER: 'http' })).toContain('SMS_HTTP_URL is required');
    const config = loadConfig({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_TOKEN: 't' }, CWD);
    expect(config.sms).toMatchObject({ provider: 'http', httpUrl: 'https://sms.example/send', httpToken: 't' });
  });

  it('refuses an unknown SMS provider', () => {
    expect(loadError({ SMS_PROVIDER: 'carrier-pigeon' })).toContain('SMS_PROVIDER must be one of sandbox, http');
  });

  it('refuses a BUSINESS_TIME_ZONE that is not a time zone, instead of failing at the first SMS send', () => {
    expect(loadError({ BUSINESS_TIME_ZONE: 'Asia/Shangai' })).toContain('BUSINESS_TIME_ZONE must be an IANA time zone');
    expect(loadConfig({ BUSINESS_TIME_ZONE: 'UTC' }, CWD).sms.timeZone).toBe('UTC');
  });

  it('treats an empty variable as not set', () => {
    const config = loadConfig({ DATABASE_URL: '', JWT_SECRET: '', PORT: '' }, CWD);
    expect(config.database.url).toBeNull();
    expect(config.port).toBe(3000);
  });
});

describe('attachments (证明材料)', () => {
  it('keeps files on local disk under ./data/attachments, at most 10 MB each, 30 files / 100 MB per account', () => {
    const { attachments } = loadConfig({}, CWD);
    expect(attachments).toEqual({
      storage: 'local',
      dataDir: path.join(CWD, 'data/attachments'),
      maxFileBytes: 10 * 1024 * 1024,
      quotaFiles: 30,
      quotaBytes: 100 * 1024 * 1024,
      s3: null,
    });
  });

  it('takes an S3-compatible store configured like MinIO, path-style when an endpoint is given', () => {
    const { attachments } = loadConfig(
      {
        ATTACHMENT_STORAGE: 's3',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'butietong-attachments',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      },
      CWD,
    );
    expect(attachments.s3).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'butietong-attachments',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    const aws = loadConfig({ ATTACHMENT_STORAGE: 's3', S3_BUCKET: 'bucket-1', S3_REGION: 'cn-north-1' }, CWD).attachments.s3;
    expect(aws).toMatchObject({ endpoint: null, region: 'cn-north-1', accessKeyId: null, forcePathStyle: false });
  });

  it('refuses an S3 store without a bucket, a half pair of keys, a bad endpoint, and an unknown driver', () => {
    const message = loadError({ ATTACHMENT_STORAGE: 's3', S3_ENDPOINT: 'minio:9000', S3_ACCESS_KEY_ID: 'key' });
    expect(message).toContain('S3_BUCKET is required');
    expect(message).toContain('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    expect(message).toContain('S3_ENDPOINT must be an http:// or https:// URL');
    expect(loadError({ ATTACHMENT_STORAGE: 'ftp' })).toContain('ATTACHMENT_STORAGE must be one of local, s3');
  });

  it('bounds the limits: a quota of more than 100 files would make the own list unbounded', () => {
    const message = loadError({ ATTACHMENT_QUOTA_FILES: '101', ATTACHMENT_MAX_BYTES: '0', ATTACHMENT_QUOTA_BYTES: 'lots' });
    expect(message).toContain('ATTACHMENT_QUOTA_FILES must be an integer from 1 to 100');
    expect(message).toContain('ATTACHMENT_MAX_BYTES must be an integer');
    expect(message).toContain('ATTACHMENT_QUOTA_BYTES must be an integer');
  });
});
