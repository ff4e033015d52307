#!/usr/bin/env node
// POST /api/v1/attachments of the built API (dist/main.js, as `npm start` runs it: a process of its
// own with its embedded PostgreSQL, in a temporary folder, on free ports) against a raw node:http
// server that streams the same request bodies to disk (bench/upload-baseline-server.mjs, also a
// process of its own), in one run: 20 concurrent 5 MB uploads, throughput and latency of both, and
// the resident memory (RSS) of the API process before, at its peak during, and after the uploads.
//
//   cd apps/api && pnpm bench:upload     (build first: libs/contracts, then apps/api)
//   npm run bench -- upload              (from the repository root: installs, builds, runs)
//
// The uploads are signed in as the demo applicants whose registration is not under review (their
// materials can be deleted between measurements), spread over the accounts in turn, with the
// per-account byte quota raised (ATTACHMENT_QUOTA_BYTES) so that no measurement meets it.
//
// Environment:
//   BENCH_UPLOADS         uploads per measurement and server (100)
//   BENCH_CONCURRENCY     uploads in flight at once (20)
//   BENCH_FILE_MB         size of each file in MB of 1,048,576 bytes, as the app's limit counts them (5)
//   BENCH_ROUNDS          measurements per server, alternating which goes first; medians reported (3)
//   BENCH_WARMUP_UPLOADS  uploads per server before any measurement (20)
//   BENCH_API_NODE_FLAGS  Node flags of the API process ("--max-semi-space-size=32", as npm start)
//   BENCH_QUIET_WAIT      seconds to wait at most, before each measurement, for other processes to
//                         leave the cores alone (0)
//   DEMO_PASSWORD
// Exits 0 whether the goal is met or not; 1 only when the benchmark itself could not run.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWithCleanup } from '../../../scripts/lib/run-with-cleanup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiDir = path.resolve(here, '..');
const dist = path.join(apiDir, 'dist');

const MB = 1024 * 1024;
/** Clock ticks of /proc/<pid>/stat: USER_HZ is 100 on Linux. */
const TICK_MS = 10;
const RSS_GROWTH_GOAL_MB = 50;
/** Above this many cores used by other processes during a measurement, its throughput is not trusted. */
const QUIET_CORES = 0.2;
/** What `npm start` and the Dockerfile run the API with (scripts/run.mjs, NODE_FLAGS). */
const PRODUCTION_NODE_FLAGS = '--max-semi-space-size=32';

const uploadsPerMeasurement = wholeNumber('BENCH_UPLOADS', 100, 1);
const concurrency = wholeNumber('BENCH_CONCURRENCY', 20, 1);
const fileMb = wholeNumber('BENCH_FILE_MB', 5, 1);
const rounds = wholeNumber('BENCH_ROUNDS', 3, 1);
const warmupUploads = wholeNumber('BENCH_WARMUP_UPLOADS', 20, 0);
const quietWaitSeconds = wholeNumber('BENCH_QUIET_WAIT', 0, 0);
const apiNodeFlags = (process.env.BENCH_API_NODE_FLAGS ?? PRODUCTION_NODE_FLAGS).split(/\s+/).filter(Boolean);
const password = process.env.DEMO_PASSWORD || 'Butie@2026';

/** Registers an undo of what was just set up (see runWithCleanup). */
let onCleanUp;
await runWithCleanup((register) => {
  onCleanUp = register;
  return main();
});

async function main() {
  await fs.access(path.join(dist, 'main.js')).catch(() => {
    throw new Error(`${dist}/main.js is missing: build first (npm run build, or tsc -p tsconfig.build.json in libs/contracts, then apps/api)`);
  });
  const { DEMO_REGISTRANTS } = await import(path.join(dist, 'database/seeds/demo-persons.js'));
  const usernames = DEMO_REGISTRANTS.filter((person) => person.status !== 'PENDING').map((person) => person.username);

  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'butie-upload-bench-'));
  onCleanUp(() => fs.rm(folder, { recursive: true, force: true }));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const baselineDir = path.join(folder, 'baseline');
  await fs.mkdir(baselineDir);

  log('the API (dist/main.js) with its embedded PostgreSQL and the demo data…');
  const api = await startApi(folder);
  log(`  pid ${api.pid}, ${api.base}, node ${apiNodeFlags.join(' ') || '(no flags)'}`);
  const baseline = await startBaseline(baselineDir);
  log(`  baseline pid ${baseline.pid}, ${baseline.base}`);

  log(`signing in ${usernames.length} demo applicants…`);
  const tokens = [];
  for (const username of usernames) tokens.push(await signIn(api.base, username));

  const file = pdfOfSize(fileMb * MB);
  const boundary = `----butie-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = { head, file, tail, length: head.length + file.length + tail.length, contentType: `multipart/form-data; boundary=${boundary}` };

  const sides = {
    ours: { name: 'ours', label: 'ours: POST /api/v1/attachments', url: new URL('/api/v1/attachments', api.base), pid: api.pid, uploaded: [] },
    baseline: { name: 'baseline', label: 'baseline: node:http → file', url: new URL('/upload', baseline.base), pid: baseline.pid, uploaded: [] },
  };
  for (const side of Object.values(sides)) {
    side.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    onCleanUp(async () => side.agent.destroy());
  }

  // Each side takes one file before any load, so that a misconfigured side cannot pass for a fast one.
  const probe = await upload(sides.ours, body, tokens[0]);
  if (probe.status !== 201 || probe.json?.mediaType !== 'application/pdf' || probe.json?.sizeBytes !== file.length) {
    throw new Error(`the API answered the first upload with ${probe.status}: ${probe.text.slice(0, 300)}`);
  }
  sides.ours.uploaded.push({ id: probe.json.id, token: tokens[0] });
  const baselineProbe = await upload(sides.baseline, body, null);
  if (baselineProbe.status !== 201 || baselineProbe.json?.bytes !== body.length) throw new Error(`the baseline answered ${baselineProbe.status}`);
  await clear(sides, api.base, baselineDir);

  await sleep(2000);
  const before = { ours: await rssMb(api.pid), baseline: await rssMb(baseline.pid) };
  log(`RSS before: API ${before.ours.toFixed(1)} MB, baseline ${before.baseline.toFixed(1)} MB`);

  log(
    `load: ${concurrency} uploads in flight, ${uploadsPerMeasurement} uploads of ${fileMb} MB per measurement, ${rounds} round(s) per server, ` +
      `warm-up ${warmupUploads}; ${tokens.length} accounts in turn; ${os.cpus().length} cores`,
  );
  const warmup = {};
  if (warmupUploads > 0) {
    for (const side of Object.values(sides)) {
      log(`  warm-up  ${side.label}`);
      warmup[side.name] = await measure(side, body, tokens, warmupUploads);
      await clear(sides, api.base, baselineDir);
    }
  }
  const results = { ours: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first so that drift of the machine favours neither.
    for (const name of round % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours']) {
      log(`  measure  ${sides[name].label}${rounds > 1 ? `  (round ${round + 1})` : ''}`);
      results[name].push(await measure(sides[name], body, tokens, uploadsPerMeasurement));
      await clear(sides, api.base, baselineDir);
    }
  }

  await sleep(5000);
  const after = { ours: await rssMb(api.pid), baseline: await rssMb(baseline.pid) };
  report({ results, warmup, before, after, api });
}

// ---- the two servers -------------------------------------------------------------------------

async function startApi(folder) {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = { ...process.env };
  // Its own embedded PostgreSQL, whatever the caller's environment points at.
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'REDIS_URL', 'ATTACHMENT_STORAGE']) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_DIR: path.join(folder, 'postgres'),
    EMBEDDED_PG_PORT: String(pgPort),
    ATTACHMENT_DIR: path.join(folder, 'attachments'),
    WEB_DIST_DIR: path.join(folder, 'no-spa'),
    DEMO_DATA: 'true',
    DEMO_PASSWORD: password,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'warn',
    // One token must last however many rounds are asked for.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    SESSION_IDLE_TIMEOUT_SECONDS: '86400',
    AUTH_RATE_LIMIT_PER_IP: '100000',
    AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
    // The quota (100 MB an account by default) is not what this measures.
    ATTACHMENT_QUOTA_BYTES: String(64 * 1024 * MB),
    ATTACHMENT_QUOTA_FILES: '100',
  });
  const logFile = path.join(folder, 'api.log');
  const output = createWriteStream(logFile);
  const child = spawn(process.execPath, [...apiNodeFlags, path.join(dist, 'main.js')], { cwd: apiDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  onCleanUp(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM: the app closes HTTP, then stops its PostgreSQL; SIGKILL only if that hangs.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API stopped during start-up (${child.exitCode ?? child.signalCode}):\n${await tailOf(logFile)}`);
    }
    const status = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`the API did not answer /api/health within 180 s:\n${await tailOf(logFile)}`);
    await sleep(250);
  }
  return { pid: child.pid, base };
}

async function startBaseline(dir) {
  const child = fork(path.join(here, 'upload-baseline-server.mjs'), [dir], { execArgv: apiNodeFlags, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  onCleanUp(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  const { port } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the baseline server exited with ${code}`)));
  });
  return { pid: child.pid, base: `http://127.0.0.1:${port}` };
}

async function signIn(base, username) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const json = await response.json().catch(() => null);
  if (response.status !== 200 || !json?.accessToken) throw new Error(`sign-in of ${username} answered ${response.status}: ${JSON.stringify(json)}`);
  return json.accessToken;
}

/** Removes what the last measurement uploaded: the API's through DELETE (row and file), the baseline's files. */
async function clear(sides, apiBase, baselineDir) {
  const own = sides.ours.uploaded.splice(0);
  for (let i = 0; i < own.length; i += 10) {
    await Promise.all(
      own.slice(i, i + 10).map(async ({ id, token }) => {
        const response = await fetch(`${apiBase}/api/v1/attachments/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 204) throw new Error(`DELETE /api/v1/attachments/${id} answered ${response.status}: ${await response.text()}`);
      }),
    );
  }
  sides.baseline.uploaded.length = 0;
  for (const entry of await fs.readdir(baselineDir)) await fs.rm(path.join(baselineDir, entry), { force: true });
}

// ---- the load --------------------------------------------------------------------------------

/** A file the API takes as a PDF (by its first bytes) and nobody can compress: random bytes after the header. */
function pdfOfSize(bytes) {
  const header = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const trailer = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([header, randomBytes(bytes - header.length - trailer.length), trailer]);
}

/** One upload: the multipart body written as three buffers (no copy of the file per request). */
function upload(side, body, token) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers = { 'content-type': body.contentType, 'content-length': body.length };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request(side.url, { method: 'POST', agent: side.agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: reported by status
        }
        resolve({ status: res.statusCode, ms: performance.now() - started, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(body.head);
    req.write(body.file);
    req.end(body.tail);
  });
}

/**
 * `count` uploads with `concurrency` in flight (each finished one starts the next), the accounts in
 * turn; meanwhile the server's RSS every 20 ms and its CPU time.
 */
async function measure(side, body, tokens, count) {
  for (let waited = 0; waited < quietWaitSeconds; waited++) {
    const start = await machineTicks();
    await sleep(1000);
    if (othersCores(start, await machineTicks()) <= QUIET_CORES) break;
  }
  const sampler = rssSampler(side.pid);
  const cpuBefore = await cpuMs(side.pid);
  const machineBefore = await machineTicks();
  const latencies = [];
  let failures = 0;
  let firstFailure = null;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const token = side.name === 'ours' ? tokens[index % tokens.length] : null;
      const result = await upload(side, body, token);
      latencies.push(result.ms);
      if (result.status !== 201) {
        failures++;
        firstFailure ??= `${result.status} ${result.text.slice(0, 200)}`;
      } else if (side.name === 'ours') {
        side.uploaded.push({ id: result.json.id, token });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = (await cpuMs(side.pid)) - cpuBefore;
  const others = othersCores(machineBefore, await machineTicks());
  const peakRss = await sampler.stop();
  if (firstFailure) log(`    ${failures} failed uploads, the first: ${firstFailure}`);
  latencies.sort((a, b) => a - b);
  return {
    mbPerSecond: (count * body.file.length) / MB / seconds,
    uploadsPerSecond: count / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
    peakRss,
    cpuMsPerUpload: cpu / count,
    others,
  };
}

// ---- the process's memory and CPU ------------------------------------------------------------

async function rssMb(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)[1]) / 1024;
}

function rssSampler(pid) {
  let peak = 0;
  let reading = false;
  const sample = async () => {
    if (reading) return;
    reading = true;
    try {
      peak = Math.max(peak, await rssMb(pid));
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 20);
  void sample();
  return {
    stop: async () => {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}

async function cpuMs(pid) {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * The machine's busy clock ticks, and those of this run's processes: this one (the load), its
 * children (the API and the PostgreSQL it started, the baseline) and what they have reaped.
 */
async function machineTicks() {
  const fields = (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const processes = new Map();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // gone between readdir and read
    }
  }
  let ours = 0;
  const tree = [process.pid];
  for (let i = 0; i < tree.length; i++) {
    ours += processes.get(tree[i])?.ticks ?? 0;
    for (const [pid, info] of processes) if (info.ppid === tree[i]) tree.push(pid);
  }
  return { total, busy: total - fields[3] - fields[4], ours };
}

/** Cores used on average meanwhile by every process that is not this run's (other work on a shared machine). */
function othersCores(before, after) {
  const elapsed = (after.total - before.total) / os.cpus().length;
  return Math.max(0, (after.busy - before.busy - (after.ours - before.ours)) / elapsed);
}

// ---- the report -----------------------------------------------------------------------------

function report({ results, warmup, before, after, api }) {
  const width = 104;
  const line = '─'.repeat(width);
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, runs]) => [
      name,
      {
        mbPerSecond: median(runs.map((r) => r.mbPerSecond)),
        uploadsPerSecond: median(runs.map((r) => r.uploadsPerSecond)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        failures: runs.reduce((sum, r) => sum + r.failures, 0),
        peakRss: Math.max(...runs.map((r) => r.peakRss), warmup[name]?.peakRss ?? 0),
        cpuMsPerUpload: median(runs.map((r) => r.cpuMsPerUpload)),
        others: Math.max(...runs.map((r) => r.others)),
      },
    ]),
  );
  const cells = (r) =>
    [
      r.mbPerSecond.toFixed(1),
      r.uploadsPerSecond.toFixed(2),
      String(Math.round(r.p50)),
      String(Math.round(r.p99)),
      String(r.failures),
      String(Math.round(r.cpuMsPerUpload)),
      r.peakRss.toFixed(1),
      r.others.toFixed(2),
    ];
  const columns = [8, 10, 9, 9, 7, 10, 10, 9];
  const format = (label, values) => `${label.padEnd(41)}${values.map((v, i) => v.padStart(columns[i])).join('')}`;
  const out = [
    '',
    `upload benchmark — ${new Date().toISOString()}`,
    `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / MB / 1024)} GB, Node ${process.version}; ` +
      `API node flags: ${apiNodeFlags.join(' ') || 'none'}`,
    `${concurrency} uploads in flight, ${uploadsPerMeasurement} uploads of ${fileMb} MB per measurement` +
      `${rounds > 1 ? `, medians of ${rounds} rounds` : ''}; local-disk storage and PostgreSQL on the same machine; MB = 1,048,576 bytes`,
    line,
    format('', ['MB/s', 'uploads/s', 'p50 ms', 'p99 ms', 'fail', 'CPU ms/up', 'peak RSS', 'others*']),
    line,
  ];
  for (const name of ['ours', 'baseline']) {
    out.push(format(name === 'ours' ? 'ours: POST /api/v1/attachments' : 'baseline: node:http stream → file', cells(summary[name])));
    if (rounds > 1) for (const [i, r] of results[name].entries()) out.push(format(`    round ${i + 1}`, cells(r)));
  }
  out.push(line);
  const ratio = summary.ours.mbPerSecond / summary.baseline.mbPerSecond;
  const growth = summary.ours.peakRss - before.ours;
  out.push(`${'ratio ours/baseline (MB/s)'.padEnd(44)}${ratio.toFixed(2).padStart(10)}`);
  out.push(
    `${'API RSS: before / peak during / after'.padEnd(44)}${`${before.ours.toFixed(1)} / ${summary.ours.peakRss.toFixed(1)} / ${after.ours.toFixed(1)} MB`.padStart(26)}`,
  );
  out.push(
    `${'API RSS growth (peak − before)'.padEnd(44)}${`${growth.toFixed(1)} MB`.padStart(10)}   goal < ${RSS_GROWTH_GOAL_MB} MB   ${growth < RSS_GROWTH_GOAL_MB ? 'PASS' : 'FAIL'}`,
  );
  out.push(
    `${'baseline RSS: before / peak / after'.padEnd(44)}${`${before.baseline.toFixed(1)} / ${summary.baseline.peakRss.toFixed(1)} / ${after.baseline.toFixed(1)} MB`.padStart(26)}`,
  );
  if (summary.ours.failures + summary.baseline.failures > 0) out.push('WARNING: some uploads failed: the figures are not valid.');
  out.push(line);
  out.push(`peak RSS includes the warm-up; "after" is 5 s after the last upload, without a forced GC. API pid ${api.pid}.`);
  out.push('CPU ms/up: CPU time of the server process per upload (the API: parsing, hashing, type check, database, disk).');
  out.push('* others: cores used on average during the measurement by processes that are not this run\'s (the worst round).');
  const noisiest = Math.max(summary.ours.others, summary.baseline.others);
  if (noisiest > QUIET_CORES) {
    out.push(`WARNING: other processes used up to ${noisiest.toFixed(2)} cores during a measurement: throughput is low and unreliable`);
    out.push('         (run again on a quiet machine; BENCH_QUIET_WAIT=60 waits for one before each measurement).');
  }
  out.push('');
  process.stdout.write(out.join('\n') + '\n');
}

// ---- small things ----------------------------------------------------------------------------

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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

async function tailOf(file) {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-30).join('\n');
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
