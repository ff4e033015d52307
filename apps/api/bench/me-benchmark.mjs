#!/usr/bin/env node
// GET /api/v1/me of the built API against a minimal node:http + pg + jsonwebtoken server doing the
// same work (verify the access token, read the user by primary key), in one run on one database.
//
//   cd apps/api && pnpm bench           (build first: libs/contracts, then apps/api)
//
// Environment:
//   DATABASE_URL          a server to create a throw-away database on; unset → the project's
//                         embedded PostgreSQL in a temporary folder
//   BENCH_SECONDS         measured seconds per server (10)
//   BENCH_WARMUP_SECONDS  warm-up seconds per server before any measurement (3)
//   BENCH_CONNECTIONS     concurrent connections (50)
//   BENCH_ROUNDS          measurements per server, alternating which goes first; medians reported (1)
//   BENCH_TARGETS         ours,baseline — or just one of them (for profiling one side)
//   BENCH_HEALTH          1 → also compare GET /api/health (public, `SELECT 1`) with a raw server
//                         doing `SELECT 1`: the Nest pipeline without the token and the session
//   BENCH_QUIET_WAIT      seconds to wait, before each measurement, for other processes to leave
//                         the cores alone (0)
//   BENCH_BASELINE_KEY    keyobject (default): the baseline hands jsonwebtoken a KeyObject made once
//                         from the secret; string: the secret string itself, on which jsonwebtoken
//                         first tries crypto.createPublicKey — about 0.5–1 ms of CPU per request
//                         under OpenSSL 3 (see docs/benchmarks.md)
//   BENCH_CPU_PROFILE     a folder: writes a V8 CPU profile of this process (the servers) for each
//                         measurement there; summarise one with bench/profile-summary.mjs
//   DEMO_PASSWORD, DB_POOL_SIZE (the same pool size for both servers)
// Exits 0 whether the targets are met or not; 1 only when the benchmark itself could not run.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import inspector from 'node:inspector/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runWithCleanup } from '../../../scripts/lib/run-with-cleanup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiDir = path.resolve(here, '..');
const dist = path.join(apiDir, 'dist');

const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 25;
/** Above this share of the cores used by other processes, a measurement is not trusted. */
const QUIET_SHARE = 0.1;

const seconds = wholeNumber('BENCH_SECONDS', 10, 1);
const warmupSeconds = wholeNumber('BENCH_WARMUP_SECONDS', 3, 0);
const connections = wholeNumber('BENCH_CONNECTIONS', 50, 1);
const rounds = wholeNumber('BENCH_ROUNDS', 1, 1);
const quietWaitSeconds = wholeNumber('BENCH_QUIET_WAIT', 0, 0);
const targets = (process.env.BENCH_TARGETS || 'ours,baseline').split(',').map((t) => t.trim());
const withHealth = ['1', 'true', 'yes'].includes((process.env.BENCH_HEALTH ?? '').toLowerCase());
const password = process.env.DEMO_PASSWORD || 'Butie@2026';
const baselineKey = process.env.BENCH_BASELINE_KEY || 'keyobject';
if (!['keyobject', 'string'].includes(baselineKey)) {
  console.error(`BENCH_BASELINE_KEY must be keyobject or string (got "${baselineKey}")`);
  process.exit(1);
}
const profileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
let profileCount = 0;

// The baseline verifies with the same jsonwebtoken that passport-jwt uses inside our app; it is
// reached through passport-jwt because the api package does not depend on it directly.
const requireFromApi = createRequire(path.join(apiDir, 'package.json'));
const jwt = createRequire(requireFromApi.resolve('passport-jwt'))('jsonwebtoken');

/** Registers an undo of what was just set up (see runWithCleanup). */
let onCleanUp;
await runWithCleanup((register) => {
  onCleanUp = register;
  return main();
});

async function main() {
  const { loadConfig } = await importDist('config/app-config.js');
  const { createApp } = await importDist('app.factory.js');
  const { createRootLogger } = await importDist('common/logging/logger.js');
  const { runMigrations } = await importDist('database/migrate.js');
  const { seedDemoData } = await importDist('database/seeds/demo-seed.js');

  log('PostgreSQL…');
  const database = await freshDatabase();
  log(`  ${database.description}`);

  const jwtSecret = randomBytes(48).toString('base64url');
  // The demo data stores its materials' files: in a folder of this run, not in apps/api/data.
  const attachmentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'butie-bench-attachments-'));
  onCleanUp(() => fs.rm(attachmentDir, { recursive: true, force: true }));
  const config = loadConfig(
    {
      ...process.env,
      DATABASE_URL: database.url,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      ATTACHMENT_DIR: attachmentDir,
      // The demo data goes in by hand below; without this the staff sign-in would wait for an SMS code.
      STAFF_SMS_2FA: 'false',
      // Not demo mode, and nothing here sends an SMS: the sandbox, by its explicit opt-in.
      SMS_PROVIDER: 'sandbox',
      ALLOW_SANDBOX_OUTSIDE_DEMO: 'true',
      // One token must last however many rounds are asked for; the checks it goes through are the same.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      SESSION_IDLE_TIMEOUT_SECONDS: '86400',
      HOST: '127.0.0.1',
      PORT: '0',
    },
    apiDir,
  );
  const poolSize = config.database.poolSize;

  log('migrations, our app, demo data…');
  await runMigrations(database.url, config.database.connectTimeoutMs);
  const app = await createApp({ config, logger: createRootLogger('silent'), databaseUrl: database.url });
  onCleanUp(() => app.close());
  await seedDemoData(app, password);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const oursBase = `http://127.0.0.1:${app.getHttpServer().address().port}`;

  const login = await request(`${oursBase}/api/v1/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (login.status !== 200 || !login.json?.accessToken) {
    throw new Error(`POST /api/v1/auth/login as admin answered ${login.status}: ${login.text.slice(0, 300)}`);
  }
  const headers = { authorization: `Bearer ${login.json.accessToken}` };

  const baseline = await startBaseline({ databaseUrl: database.url, poolSize, jwtSecret });
  onCleanUp(() => baseline.close());

  const endpoints = {
    ours: { side: 'ours', label: 'ours: Nest+Fastify+TypeORM  GET /api/v1/me', url: `${oursBase}/api/v1/me`, headers },
    baseline: {
      side: 'baseline',
      label: `baseline: node:http+pg+jwt${baselineKey === 'string' ? ' (string key)' : ''}  GET /me`,
      url: `${baseline.base}/me`,
      headers,
    },
    oursHealth: { side: 'ours', label: 'ours: GET /api/health (public, SELECT 1)', url: `${oursBase}/api/health` },
    baselineHealth: { side: 'baseline', label: 'baseline: GET /health (SELECT 1)', url: `${baseline.base}/health` },
  };
  const pairs = [['ours', 'baseline'], ...(withHealth ? [['oursHealth', 'baselineHealth']] : [])]
    .map((pair) => pair.filter((name) => targets.includes(endpoints[name].side)))
    .filter((pair) => pair.length > 0);
  for (const [name, endpoint] of Object.entries(endpoints)) endpoint.name = name;
  const measured = pairs.flat();
  if (measured.length === 0) throw new Error(`BENCH_TARGETS names nothing to measure: "${targets.join(',')}"`);

  // Each side answers the same user before any load, so that a misconfigured side cannot pass for a fast one.
  for (const name of measured) {
    const answer = await request(endpoints[name].url, { headers: endpoints[name].headers });
    if (answer.status !== 200) throw new Error(`${endpoints[name].url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    if (endpoints[name].headers && answer.json?.username !== 'admin') {
      throw new Error(`${endpoints[name].url} did not answer with the admin user: ${answer.text.slice(0, 300)}`);
    }
  }

  log(
    `load: autocannon in a child process, ${connections} connections, warm-up ${warmupSeconds} s, then ${seconds} s per server, ` +
      `${rounds} round(s); pool size ${poolSize} on both sides; ${os.cpus().length} cores`,
  );
  const results = Object.fromEntries(measured.map((name) => [name, []]));
  if (warmupSeconds > 0) {
    for (const name of measured) {
      log(`  warm-up  ${endpoints[name].label}`);
      await runLoad(endpoints[name], warmupSeconds);
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const pair of pairs) {
      // Alternate which side goes first so that drift of the machine favours neither.
      for (const name of round % 2 === 0 ? pair : [...pair].reverse()) {
        log(`  measure  ${endpoints[name].label}${rounds > 1 ? `  (round ${round + 1})` : ''}`);
        results[name].push(await measure(endpoints[name], database));
      }
    }
  }

  report({ endpoints, pairs, results, poolSize, database });
}

// ---- the database ----------------------------------------------------------------------------

async function importDist(relative) {
  const file = path.join(dist, relative);
  try {
    await fs.access(file);
  } catch {
    throw new Error(
      `${file} is missing: build first — cd libs/contracts && npx tsc -p tsconfig.build.json && cd ../../apps/api && npx tsc -p tsconfig.build.json`,
    );
  }
  return import(file);
}

/** A database of its own for this run: on DATABASE_URL's server, or on an embedded PostgreSQL in a temporary folder. */
async function freshDatabase() {
  const name = `butie_bench_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const version = (await admin.query('SHOW server_version')).rows[0].server_version;
    await admin.end();
    onCleanUp(async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), embedded: false, description: `DATABASE_URL's server (PostgreSQL ${version}), database ${name}` };
  }

  const { startEmbeddedPostgres } = await importDist('database/embedded-postgres.js');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'butie-bench-'));
  onCleanUp(() => fs.rm(folder, { recursive: true, force: true }));
  // On Ctrl-C the embedded-postgres package stops its servers and exits by itself, possibly before
  // the clean-up above has run: the folder goes at exit either way.
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const port = await freePort();
  const embedded = await startEmbeddedPostgres({ dir: path.join(folder, 'postgres'), port, database: name });
  onCleanUp(() => embedded.stop());
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  const version = (await client.query('SHOW server_version')).rows[0].server_version;
  await client.end();
  return { url: embedded.url, embedded: true, description: `embedded PostgreSQL ${version} on 127.0.0.1:${port}, data in ${folder}` };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---- the baseline ----------------------------------------------------------------------------

/**
 * The least a server can do for GET /me: verify the access token as our JwtStrategy is configured
 * (HS256 named, issuer, audience, expiry), read the user by primary key, answer JSON.
 */
async function startBaseline({ databaseUrl, poolSize, jwtSecret }) {
  // Given a string, jsonwebtoken tries it as a PEM public key first (and fails) on every call.
  const key = baselineKey === 'keyobject' ? createSecretKey(Buffer.from(jwtSecret)) : jwtSecret;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, idleTimeoutMillis: 30000 });
  pool.on('error', () => undefined);
  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === 'GET' && req.url === '/me') {
        const header = req.headers.authorization;
        let claims;
        try {
          if (!header || !header.startsWith('Bearer ')) throw new Error('no token');
          claims = jwt.verify(header.slice(7), key, { algorithms: ['HS256'], issuer: 'butietong', audience: 'butietong-api' });
        } catch {
          return send(res, 401, { code: 'TOKEN_INVALID' });
        }
        const { rows } = await pool.query(
          'SELECT id, username, full_name, phone, email, role, status, region_id, unit_id, must_change_password FROM users WHERE id = $1',
          [claims.sub],
        );
        return rows[0] ? send(res, 200, rows[0]) : send(res, 404, { code: 'NOT_FOUND' });
      }
      if (req.method === 'GET' && req.url === '/health') {
        await pool.query('SELECT 1');
        return send(res, 200, { status: 'ok' });
      }
      return send(res, 404, { code: 'NOT_FOUND' });
    } catch {
      return send(res, 503, { code: 'DATABASE_UNAVAILABLE' });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

// ---- load and CPU accounting ------------------------------------------------------------------

/**
 * One measurement: autocannon in a child process against a server in this one, with where the CPU
 * went meanwhile — this process (the servers), PostgreSQL, the load generator, and everything else
 * on the machine, which on a shared 2-core machine is the first thing to look at.
 */
async function measure(endpoint, database) {
  let othersBefore = await othersShareOverOneSecond();
  for (let waited = 1; othersBefore !== null && othersBefore > QUIET_SHARE && waited < quietWaitSeconds; waited++) {
    othersBefore = await othersShareOverOneSecond();
  }
  const backends = await databaseBackends(database);
  const profiler = profileDir ? await startProfiler() : null;
  const before = await cpuSample(backends);
  const result = await runLoad(endpoint, seconds);
  const after = await cpuSample(new Set([...backends, ...(await databaseBackends(database))]));
  if (profiler) await profiler.stop(endpoint.name);
  return { ...result, cpu: cpuSplit(before, after) };
}

async function startProfiler() {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      await fs.mkdir(profileDir, { recursive: true });
      const file = path.join(profileDir, `${String(++profileCount).padStart(2, '0')}-${name}.cpuprofile`);
      await fs.writeFile(file, JSON.stringify(profile));
      log(`  profile  ${file}`);
    },
  };
}

/** Share of both cores used by other processes during one second in which this run is idle. */
async function othersShareOverOneSecond() {
  try {
    const before = await systemTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await systemTicks();
    return (after.busy - before.busy) / (after.total - before.total);
  } catch {
    return null;
  }
}

/** PostgreSQL server processes serving our database that are not children of this process. */
async function databaseBackends(database) {
  if (database.embedded) return new Set();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return new Set(rows.map((row) => row.pid));
  } finally {
    await client.end();
  }
}

async function systemTicks() {
  const fields = (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - fields[4], total };
}

/** Clock ticks of every process: own (utime + stime) and of its reaped children (cutime + cstime). */
async function processTicks() {
  const processes = new Map();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(entry), { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) });
    } catch {
      // gone between readdir and read
    }
  }
  return processes;
}

async function cpuSample(backendPids) {
  const system = await systemTicks();
  const processes = await processTicks();
  const self = processes.get(process.pid);
  // The load generator runs as a child of this process and is reaped before the second sample.
  let database = 0;
  const descendants = [process.pid];
  for (let i = 0; i < descendants.length; i++) {
    for (const [pid, info] of processes) {
      if (info.ppid === descendants[i]) {
        descendants.push(pid);
        database += info.own + info.reaped;
      }
    }
  }
  for (const pid of backendPids) {
    const info = processes.get(pid);
    if (info) database += info.own + info.reaped;
  }
  return { system, server: self?.own ?? 0, load: self?.reaped ?? 0, database };
}

/** Cores used on average during the measurement, by who. */
function cpuSplit(before, after) {
  const elapsed = (after.system.total - before.system.total) / os.cpus().length;
  const cores = (ticks) => ticks / elapsed;
  const server = cores(after.server - before.server);
  const load = cores(after.load - before.load);
  const database = cores(after.database - before.database);
  const all = cores(after.system.busy - before.system.busy);
  return { server, database, load, others: Math.max(0, all - server - load - database) };
}

function runLoad(endpoint, duration) {
  const options = { url: endpoint.url, connections, seconds: duration, headers: endpoint.headers ?? {} };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'load.mjs'), JSON.stringify(options)], {
      cwd: apiDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    onCleanUp(async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      try {
        resolve(JSON.parse(output));
      } catch {
        reject(new Error(`the load generator printed no result: ${output.slice(0, 300)}`));
      }
    });
  });
}

async function request(url, { method = 'GET', headers = {}, body } = {}) {
  const response = await fetch(url, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

// ---- the report -----------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(runs) {
  const pick = (key) => median(runs.map((r) => r[key]));
  const cpu = (key) => median(runs.map((r) => r.cpu[key]));
  return {
    requestsPerSecond: pick('requestsPerSecond'),
    p50: pick('p50'),
    p99: pick('p99'),
    failures: runs.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    cpu: { server: cpu('server'), database: cpu('database'), load: cpu('load'), others: Math.max(...runs.map((r) => r.cpu.others)) },
  };
}

function report({ endpoints, pairs, results, poolSize, database }) {
  const width = 107;
  const line = '─'.repeat(width);
  // CPU per request survives a busy machine better than requests/s: it says what each request costs.
  const perRequest = (cores, rps) => (rps > 0 ? String(Math.round((cores * 1e6) / rps)) : '—');
  const cpuText = (cpu, rps) =>
    `${perRequest(cpu.server, rps).padStart(8)}${perRequest(cpu.database, rps).padStart(8)}${cpu.others.toFixed(2).padStart(9)}`;
  const row = (label, rps, p50, p99, failures, cpu) =>
    `${label.padEnd(48)}${String(rps).padStart(8)}${String(p50).padStart(8)}${String(p99).padStart(8)}${String(failures).padStart(9)}   ${cpu}`;
  const out = [
    '',
    `GET /api/v1/me benchmark — ${new Date().toISOString()}`,
    `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${database.description}`,
    `${connections} connections, ${seconds} s per server${rounds > 1 ? `, medians of ${rounds} rounds` : ''}, pool ${poolSize} on each side, ` +
      'load generator in a child process',
    line,
    row('', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', `${'server'.padStart(8)}${'db'.padStart(8)}${'others'.padStart(9)}`),
    row('', '', '', '', '', `${'µs CPU / request'.padStart(16)}${'cores*'.padStart(9)}`),
    line,
  ];
  const summaries = {};
  for (const name of pairs.flat()) {
    const s = (summaries[name] = summarise(results[name]));
    out.push(row(endpoints[name].label, Math.round(s.requestsPerSecond), s.p50, s.p99, s.failures, cpuText(s.cpu, s.requestsPerSecond)));
    if (rounds > 1) {
      for (const [i, r] of results[name].entries()) {
        out.push(row(`    round ${i + 1}`, Math.round(r.requestsPerSecond), r.p50, r.p99, r.non2xx + r.errors + r.timeouts, cpuText(r.cpu, r.requestsPerSecond)));
      }
    }
  }
  out.push(line);

  const verdicts = [];
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  if (summaries.ours && summaries.baseline) {
    const ratio = summaries.ours.requestsPerSecond / summaries.baseline.requestsPerSecond;
    verdicts.push(['ratio ours/baseline (req/s)', ratio.toFixed(2), `≥ ${TARGET_RATIO}`, verdict(ratio >= TARGET_RATIO)]);
  }
  if (summaries.ours) {
    verdicts.push(['our p99 latency', `${summaries.ours.p99} ms`, `< ${TARGET_P99_MS} ms`, verdict(summaries.ours.p99 < TARGET_P99_MS)]);
  }
  for (const name of pairs.flat()) {
    if (summaries[name].failures > 0) verdicts.push([`${name}: answers other than 2xx`, String(summaries[name].failures), '0', 'FAIL (invalid run)']);
  }
  if (summaries.oursHealth && summaries.baselineHealth) {
    const ratio = summaries.oursHealth.requestsPerSecond / summaries.baselineHealth.requestsPerSecond;
    verdicts.push(['(diagnostic) ratio on /health, no token', ratio.toFixed(2), '—', '']);
  }
  for (const [what, value, target, result] of verdicts) {
    out.push(`${what.padEnd(42)}${value.padStart(10)}   target ${target.padEnd(10)} ${result}`);
  }
  out.push(line);
  out.push(
    `load generator (autocannon, a process of its own): ${pairs
      .flat()
      .map((name) => `${summaries[name].cpu.load.toFixed(2)} cores during ${name}`)
      .join(', ')}`,
  );
  out.push('server: CPU of this process (the servers) per request; db: of PostgreSQL per request;');
  out.push('* others: cores used on average during the measurement by every process that is not this run\'s.');
  const noisiest = Math.max(...Object.values(summaries).map((s) => s.cpu.others));
  if (noisiest > QUIET_SHARE * os.cpus().length) {
    out.push(
      `WARNING: other processes used ${noisiest.toFixed(2)} cores during a measurement: these figures are low and unreliable.`,
      '         Run again on a quiet machine (BENCH_QUIET_WAIT=60 waits for one before each measurement).',
    );
  }
  out.push('');
  process.stdout.write(out.join('\n') + '\n');
}

function wholeNumber(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
    process.exit(1);
  }
  return value;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}
