import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * Every setting of the service, read once from the environment and validated at boot. Nothing
 * else reads process.env (style §8): services receive this object by injection.
 */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  /**
   * Which hops may name the client in X-Forwarded-For: none, the nearest N proxies, or proxies at
   * these addresses. Never "every hop": a client could then choose the address we log and limit.
   */
  readonly trustProxy: false | number | string[];
  /** Built SPA served on the same port; absent folder → API only. */
  readonly webDistDir: string;

  readonly database: {
    /** What the running app connects as: not a superuser, owns no table. null → embedded server. */
    url: string | null;
    /** The owner of the schema: runs the migrations and grants the app its rights. Optional. */
    ownerUrl: string | null;
    embeddedDir: string;
    embeddedPort: number;
    poolSize: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
  };

  readonly demo: { enabled: boolean; password: string };

  readonly auth: {
    jwtSecret: string;
    /** True when no JWT_SECRET was given and a random one was made for this process. */
    jwtSecretEphemeral: boolean;
    accessTokenTtlSeconds: number;
    sessionIdleTimeoutSeconds: number;
    sessionMaxAgeSeconds: number;
    staffSmsSecondFactor: boolean;
    maxFailedLogins: number;
    lockMinutes: number;
    rateLimitPerIpPerMinute: number;
    rateLimitPerAccountPerMinute: number;
  };

  readonly sms: {
    provider: 'sandbox' | 'http';
    httpUrl: string | null;
    httpToken: string | null;
    httpTimeoutMs: number;
    httpRetries: number;
    codeTtlSeconds: number;
    resendIntervalSeconds: number;
    dailyLimitPerPhone: number;
    maxAttemptsPerCode: number;
    /** The calendar day of the daily limit is the business day in this zone. */
    timeZone: string;
  };

  /**
   * 社保系统 and 教育部学历查询 (domain §7): each the real service (its endpoint) or, when null, the
   * sandbox with its 沙箱数据; and how patiently the real ones are called.
   */
  readonly gateways: {
    socialSecurity: GatewayEndpoint | null;
    degree: GatewayEndpoint | null;
    resilience: GatewayResilience;
  };

  readonly redisUrl: string | null;

  /** 证明材料: where the files go, how big one may be, and how much one account may keep. */
  readonly attachments: {
    storage: 'local' | 's3';
    /** The local driver's folder (keys are random ids, never file names). */
    dataDir: string;
    maxFileBytes: number;
    /** Per account; also bounds the account's own list, which is therefore never paged. */
    quotaFiles: number;
    quotaBytes: number;
    /** Set when storage is s3. Keys null → the SDK's default credential chain (instance role…). */
    s3: {
      endpoint: string | null;
      bucket: string;
      region: string;
      accessKeyId: string | null;
      secretAccessKey: string | null;
      forcePathStyle: boolean;
    } | null;
  };

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

type Env = Record<string, string | undefined>;

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  optional(name: string): string | null {
    const value = this.env[name];
    return value === undefined || value === '' ? null : value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }
}

export interface GatewayEndpoint {
  url: string;
  token: string | null;
}

export interface GatewayResilience {
  timeoutMs: number;
  retries: number;
  /** Consecutive outages that open the circuit, and how long it stays open before one trial call. */
  breakerFailures: number;
  breakerCoolDownMs: number;
}

export const DEFAULT_DEMO_PASSWORD = 'Butie@2026';

export interface LoadOptions {
  /**
   * For an operator's command (cli.js), which sends no SMS and serves nothing: the rules about where
   * the SMS sandbox may run are for the server, and do not stop a command.
   */
  command?: boolean;
}

/** Builds and validates the configuration; throws one error listing every problem. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd(), options: LoadOptions = {}): AppConfig {
  const read = new EnvReader(env);
  const databaseUrl = read.optional('DATABASE_URL');
  const embedded = databaseUrl === null;
  const demoEnabled = read.bool('DEMO_DATA', embedded);

  const givenSecret = read.optional('JWT_SECRET');
  if (givenSecret !== null && givenSecret.length < 32) {
    read.problems.push('JWT_SECRET must be at least 32 characters');
  }
  if (givenSecret === null && !embedded) {
    read.problems.push('JWT_SECRET is required when DATABASE_URL is set (replicas must share it)');
  }

  const databaseOwnerUrl = read.optional('DATABASE_OWNER_URL');
  if (databaseOwnerUrl !== null && embedded) read.problems.push('DATABASE_OWNER_URL needs DATABASE_URL (the role the app runs as) beside it');

  const smsProvider = read.oneOf('SMS_PROVIDER', demoEnabled ? 'sandbox' : 'http', ['sandbox', 'http'] as const);
  const smsHttpUrl = read.optional('SMS_HTTP_URL');
  const staffSmsSecondFactor = read.bool('STAFF_SMS_2FA', !demoEnabled);
  const sandboxOutsideDemo = read.bool('ALLOW_SANDBOX_OUTSIDE_DEMO', false);
  // Where SMS may go (a command sends none): the real service, or the sandbox in demo mode or by an
  // explicit opt-in, and then never with the staff second factor, which it would not carry.
  if (!options.command) {
    if (smsProvider === 'http' && smsHttpUrl === null) {
      read.problems.push(
        demoEnabled
          ? 'SMS_HTTP_URL is required when SMS_PROVIDER=http'
          : 'SMS_HTTP_URL is required: outside demo mode SMS goes to the real SMS service (SMS_PROVIDER=http). ' +
              'For a test environment only, SMS_PROVIDER=sandbox with ALLOW_SANDBOX_OUTSIDE_DEMO=true shows codes to whoever asks',
      );
    }
    if (smsProvider === 'sandbox' && !demoEnabled && !sandboxOutsideDemo) {
      read.problems.push(
        'SMS_PROVIDER=sandbox outside demo mode shows every SMS code on a public page: use SMS_PROVIDER=http, ' +
          'or set ALLOW_SANDBOX_OUTSIDE_DEMO=true for a test environment',
      );
    }
    if (smsProvider === 'sandbox' && !demoEnabled && staffSmsSecondFactor) {
      read.problems.push(
        'STAFF_SMS_2FA=true needs the real SMS service outside demo mode: the sandbox never delivers to staff accounts there ' +
          '(set SMS_PROVIDER=http, or STAFF_SMS_2FA=false in a test environment)',
      );
    }
  }

  const gateway = (prefix: 'SOCIAL_SECURITY' | 'DEGREE'): GatewayEndpoint | null => {
    // The sandbox is the default where the SMS sandbox may run: in demo mode, or by the opt-in.
    const provider = read.oneOf(`${prefix}_PROVIDER`, demoEnabled || sandboxOutsideDemo ? 'sandbox' : 'http', ['sandbox', 'http'] as const);
    const url = read.optional(`${prefix}_HTTP_URL`);
    if (options.command) return provider === 'http' && url ? { url, token: read.optional(`${prefix}_HTTP_TOKEN`) } : null;
    if (provider === 'sandbox') {
      if (!demoEnabled && !sandboxOutsideDemo) {
        read.problems.push(
          `${prefix}_PROVIDER=sandbox outside demo mode answers with made-up records that anyone with 沙箱数据 can edit: ` +
            `set ${prefix}_HTTP_URL for the real service, or ALLOW_SANDBOX_OUTSIDE_DEMO=true for a test environment`,
        );
      }
      return null;
    }
    if (url === null) {
      read.problems.push(`${prefix}_HTTP_URL is required when ${prefix}_PROVIDER=http (outside demo mode the real service is the default)`);
      return null;
    }
    if (!/^https?:\/\//.test(url)) read.problems.push(`${prefix}_HTTP_URL must be an http(s) URL (got "${url}")`);
    return { url: url.replace(/\/+$/, ''), token: read.optional(`${prefix}_HTTP_TOKEN`) };
  };
  const gateways = {
    socialSecurity: gateway('SOCIAL_SECURITY'),
    degree: gateway('DEGREE'),
    resilience: {
      timeoutMs: read.int('GATEWAY_TIMEOUT_MS', 3000, 100, 60000),
      retries: read.int('GATEWAY_RETRIES', 2, 0, 10),
      breakerFailures: read.int('GATEWAY_BREAKER_FAILURES', 5, 1, 1000),
      breakerCoolDownMs: read.int('GATEWAY_BREAKER_COOLDOWN_MS', 30000, 100, 3600000),
    },
  };

  const attachmentStorage = read.oneOf('ATTACHMENT_STORAGE', 'local', ['local', 's3'] as const);
  const s3 = attachmentStorage === 's3' ? readS3(read) : null;
  const maxFileBytes = read.int('ATTACHMENT_MAX_BYTES', 10 * MEBIBYTE, 1, 1024 * MEBIBYTE);
  const quotaBytes = read.int('ATTACHMENT_QUOTA_BYTES', 100 * MEBIBYTE, 1, 1024 * 1024 * MEBIBYTE);

  const timeZone = read.string('BUSINESS_TIME_ZONE', 'Asia/Shanghai');
  if (!isTimeZone(timeZone)) read.problems.push(`BUSINESS_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${timeZone}")`);

  const config = new AppConfig({
    port: read.int('PORT', 3000, 0, 65535),
    host: read.string('HOST', '0.0.0.0'),
    logLevel: read.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    trustProxy: readTrustProxy(read),
    webDistDir: path.resolve(cwd, read.string('WEB_DIST_DIR', defaultWebDist(cwd))),
    database: {
      url: databaseUrl,
      ownerUrl: databaseOwnerUrl,
      embeddedDir: path.resolve(cwd, read.string('EMBEDDED_PG_DIR', './data/postgres')),
      embeddedPort: read.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
      poolSize: read.int('DB_POOL_SIZE', 4, 1, 100),
      connectTimeoutMs: read.int('DB_CONNECT_TIMEOUT_MS', 3000, 500, 60000),
      statementTimeoutMs: read.int('DB_STATEMENT_TIMEOUT_MS', 10000, 100, 600000),
    },
    demo: { enabled: demoEnabled, password: read.string('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD) },
    auth: {
      jwtSecret: givenSecret ?? randomBytes(48).toString('base64url'),
      jwtSecretEphemeral: givenSecret === null,
      accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
      sessionIdleTimeoutSeconds: read.int('SESSION_IDLE_TIMEOUT_SECONDS', 1800, 60, 86400),
      sessionMaxAgeSeconds: read.int('SESSION_MAX_AGE_SECONDS', 43200, 300, 2592000),
      staffSmsSecondFactor,
      maxFailedLogins: read.int('LOGIN_MAX_FAILURES', 5, 1, 100),
      lockMinutes: read.int('LOGIN_LOCK_MINUTES', 15, 1, 1440),
      rateLimitPerIpPerMinute: read.int('AUTH_RATE_LIMIT_PER_IP', 60, 1, 1000000),
      rateLimitPerAccountPerMinute: read.int('AUTH_RATE_LIMIT_PER_ACCOUNT', 20, 1, 1000000),
    },
    sms: {
      provider: smsProvider,
      httpUrl: smsHttpUrl,
      httpToken: read.optional('SMS_HTTP_TOKEN'),
      httpTimeoutMs: read.int('SMS_HTTP_TIMEOUT_MS', 3000, 100, 60000),
      httpRetries: read.int('SMS_HTTP_RETRIES', 2, 0, 10),
      codeTtlSeconds: read.int('SMS_CODE_TTL_SECONDS', 300, 30, 3600),
      resendIntervalSeconds: read.int('SMS_RESEND_SECONDS', 60, 1, 3600),
      dailyLimitPerPhone: read.int('SMS_DAILY_LIMIT', 10, 1, 1000),
      maxAttemptsPerCode: read.int('SMS_MAX_ATTEMPTS', 5, 1, 100),
      timeZone,
    },
    gateways,
    redisUrl: read.optional('REDIS_URL'),
    attachments: {
      storage: attachmentStorage,
      dataDir: path.resolve(cwd, read.string('ATTACHMENT_DIR', './data/attachments')),
      maxFileBytes,
      quotaFiles: read.int('ATTACHMENT_QUOTA_FILES', 30, 1, 100),
      quotaBytes,
      s3,
    },
  });

  if (read.problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${read.problems.join('\n  - ')}`);
  }
  return config;
}

const MEBIBYTE = 1024 * 1024;

/** The S3-compatible store (MinIO, AWS…) of ATTACHMENT_STORAGE=s3. */
function readS3(read: EnvReader): NonNullable<AppConfig['attachments']['s3']> {
  const endpoint = read.optional('S3_ENDPOINT');
  if (endpoint !== null && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    read.problems.push(`S3_ENDPOINT must be an http:// or https:// URL such as http://minio:9000 (got "${endpoint}")`);
  }
  const bucket = read.optional('S3_BUCKET');
  if (bucket === null) read.problems.push('S3_BUCKET is required when ATTACHMENT_STORAGE=s3');
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) read.problems.push(`S3_BUCKET is not a valid bucket name (got "${bucket}")`);
  const accessKeyId = read.optional('S3_ACCESS_KEY_ID');
  const secretAccessKey = read.optional('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    read.problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or neither, for the default credential chain)');
  }
  return {
    endpoint,
    bucket: bucket ?? '',
    region: read.string('S3_REGION', 'us-east-1'),
    accessKeyId,
    secretAccessKey,
    // MinIO and most self-hosted stores answer on one host name (http://minio:9000/bucket/key).
    forcePathStyle: read.bool('S3_FORCE_PATH_STYLE', endpoint !== null),
  };
}

const CIDR = /^(.+)\/(\d{1,3})$/;

/** TRUST_PROXY: false, a hop count, or the proxies' addresses (IPs or CIDRs, comma-separated). */
function readTrustProxy(read: EnvReader): false | number | string[] {
  const raw = read.string('TRUST_PROXY', 'false').trim();
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops <= 10) return hops;
  }
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) {
    read.problems.push(
      'TRUST_PROXY=true would take the client address from any X-Forwarded-For a client sends: give the number of proxies ' +
        'in front of the app (e.g. TRUST_PROXY=1 behind one nginx) or their addresses (e.g. TRUST_PROXY=10.0.0.0/8)',
    );
    return false;
  }
  const addresses = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const bad = addresses.filter((address) => {
    const cidr = CIDR.exec(address);
    const ip = cidr ? cidr[1] : address;
    const version = isIP(ip);
    return version === 0 || (cidr !== null && Number(cidr[2]) > (version === 4 ? 32 : 128));
  });
  if (addresses.length === 0 || bad.length > 0) {
    read.problems.push(`TRUST_PROXY must be false, a number of proxies from 1 to 10, or IP addresses / CIDR ranges (got "${raw}")`);
    return false;
  }
  return addresses;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function defaultWebDist(cwd: string): string {
  // `pnpm start` runs from the repository root; `node dist/main.js` from apps/api.
  return path.basename(cwd) === 'api' ? '../web/dist' : './apps/web/dist';
}
