#!/usr/bin/env node
// The login page as a first-time visitor gets it: Lighthouse (performance, mobile and desktop) in
// Debian's Chromium against the built API serving the built SPA, and the JavaScript the page loads,
// next to a baseline build measured in the same run the same way.
//
//   pnpm --filter @butie/web lighthouse        (build first: libs/contracts, apps/api, apps/web)
//
// Environment:
//   LH_BASELINE_REF   a git commit (or tag, branch) whose SPA is built into a temporary folder and
//                     measured as the baseline: e.g. bfa2c05, the commit before the login page was split
//   LH_BASELINE_DIST  a built SPA folder to measure as the baseline instead
//                     (neither: the current build alone, against the targets)
//   LH_DIST           the build to measure (apps/web/dist)
//   LH_RUNS           Lighthouse runs per build and form factor, medians reported (3)
//   LH_PATH           the page (/login)
//   LH_REPORT_DIR     a folder: every run's Lighthouse JSON report is written there
//   LH_QUIET_WAIT     seconds to wait, before each run, for the machine's other work to drop below
//                     10 % of its cores (0): Lighthouse's simulated throttling scales the CPU time it
//                     observes, so a busy machine lowers every score, the baseline's as much as ours
//   CHROMIUM_PATH     the browser (/usr/bin/chromium)
// Exits 0 whether the targets are met or not; 1 only when the benchmark itself could not run.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { runWithCleanup } from '../../../scripts/lib/run-with-cleanup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const root = path.resolve(webDir, '../..');

const TARGETS = { gzipBytes: 200_000, mobile: 80, desktop: 95 };
const FORM_FACTORS = ['mobile', 'desktop'];

const runs = wholeNumber('LH_RUNS', 3);
const quietWaitSeconds = wholeNumber('LH_QUIET_WAIT', 0, 0);
/** Above this share of the cores busy just before a run, the run is marked as taken on a busy machine. */
const QUIET_SHARE = 0.1;
/** Lighthouse now and then fails to record a trace (NO_NAVSTART, …) on a loaded machine: run again. */
const ATTEMPTS = 3;
const pagePath = process.env.LH_PATH || '/login';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const reportDir = process.env.LH_REPORT_DIR ? path.resolve(process.env.LH_REPORT_DIR) : null;

/** Registers an undo of what was just set up (see runWithCleanup). */
let onCleanUp;
await runWithCleanup((register) => {
  onCleanUp = register;
  return main();
});

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'butie-lighthouse-'));
  onCleanUp(() => fs.rm(work, { recursive: true, force: true }));
  process.once('exit', () => rmSync(work, { recursive: true, force: true }));

  const builds = [];
  const baseline = await baselineBuild(work);
  if (baseline) builds.push(baseline);
  builds.push({ name: 'current', dist: path.resolve(process.env.LH_DIST || path.join(webDir, 'dist')), description: process.env.LH_DIST || 'apps/web/dist' });
  for (const build of builds) {
    if (!existsSync(path.join(build.dist, 'index.html'))) throw new Error(`${build.dist}/index.html is missing: build the SPA first (pnpm --filter @butie/web build)`);
  }

  for (const build of builds) {
    log(`${build.name}: starting the API with its SPA (${build.dist})…`);
    build.server = await startServer(build, work);
    log(`  ${build.server.base}`);
  }
  const browser = await startChromium(work);
  log(`Chromium ${browser.version}; ${runs} run(s) per build and form factor`);

  for (const build of builds) {
    // A first load warms the server and the browser: it is not counted.
    await audit(browser, build, 'mobile', 'warm-up');
    build.results = Object.fromEntries(FORM_FACTORS.map((formFactor) => [formFactor, []]));
  }
  for (let round = 0; round < runs; round++) {
    for (const formFactor of FORM_FACTORS) {
      // Alternate which build goes first so that drift of the machine favours neither.
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        build.results[formFactor].push(await audit(browser, build, formFactor, `run ${round + 1}`));
      }
    }
  }
  for (const build of builds) build.scripts = await scriptsOf(build);
  report(builds);
}

// ---- the builds ---------------------------------------------------------------------------------

/** The baseline SPA: LH_BASELINE_DIST as it is, or LH_BASELINE_REF's sources built here. */
async function baselineBuild(work) {
  if (process.env.LH_BASELINE_DIST) {
    return { name: 'baseline', dist: path.resolve(process.env.LH_BASELINE_DIST), description: process.env.LH_BASELINE_DIST };
  }
  const ref = process.env.LH_BASELINE_REF;
  if (!ref) return null;
  const commit = git(['rev-parse', '--short', `${ref}^{commit}`]).trim();
  log(`baseline: building the SPA of ${commit} (git archive, this checkout's node_modules)…`);
  const source = path.join(work, 'baseline-src');
  await fs.mkdir(source);
  const archive = spawnSync('git', ['archive', '--format=tar', commit, 'apps/web', 'libs/contracts', 'tsconfig.base.json'], { cwd: root, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', source], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  // The old sources build with today's dependencies: what changed in the page is its code.
  await fs.symlink(path.join(root, 'node_modules'), path.join(source, 'node_modules'));
  await fs.symlink(path.join(webDir, 'node_modules'), path.join(source, 'apps/web/node_modules'));
  const dist = path.join(work, 'baseline-dist');
  const vite = spawnSync(process.execPath, [path.join(webDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: path.join(source, 'apps/web'),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (vite.status !== 0) throw new Error(`the baseline build of ${commit} failed`);
  return { name: 'baseline', dist, description: `commit ${commit}` };
}

function git(args) {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}

// ---- the server ---------------------------------------------------------------------------------

/**
 * The built API serving `build.dist`, as `npm start` runs it: its own embedded PostgreSQL in a
 * temporary folder, demo data (so the page shows what a demo visitor sees).
 */
async function startServer(build, work) {
  const main = path.join(root, 'apps/api/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the API first (pnpm --filter @butie/api build)`);
  const port = await freePort();
  // Never a DATABASE_URL of the environment: the benchmark's data stays in its own folder.
  const environment = { ...process.env };
  delete environment.DATABASE_URL;
  const child = spawn(process.execPath, ['--max-semi-space-size=32', main], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...environment,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DIR: path.join(work, `${build.name}-postgres`),
      EMBEDDED_PG_PORT: String(await freePort()),
      WEB_DIST_DIR: build.dist,
      DEMO_DATA: 'true',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      LOG_LEVEL: 'warn',
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onCleanUp(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API stopped (exit ${child.exitCode}):\n${stderr}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { base };
    await sleep(300);
  }
  throw new Error(`the API did not answer /api/health within 120 s:\n${stderr}`);
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

// ---- the browser and Lighthouse -----------------------------------------------------------------

async function startChromium(work) {
  const child = spawn(
    chromiumPath,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${path.join(work, 'chromium')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onCleanUp(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  const port = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${chromiumPath} did not start within 30 s:\n${output}`)), 30_000);
    child.once('error', (error) => reject(new Error(`${chromiumPath} could not start: ${error.message} (set CHROMIUM_PATH)`)));
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  const version = await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.json());
  return { port, version: version.Browser };
}

async function audit(browser, build, formFactor, label) {
  const url = `${build.server.base}${pagePath}`;
  const flags = { port: browser.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
  let busy = await busyShareOverOneSecond();
  for (let waited = 1; busy > QUIET_SHARE && waited < quietWaitSeconds; waited++) busy = await busyShareOverOneSecond();
  let result;
  for (let attempt = 1; ; attempt++) {
    result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result.lhr.runtimeError) break;
    if (attempt === ATTEMPTS) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.message}`);
    log(`  ${build.name} ${formFactor} ${label}: ${result.lhr.runtimeError.code}, again`);
  }
  const lhr = result.lhr;
  if (reportDir) {
    await fs.mkdir(reportDir, { recursive: true });
    await fs.writeFile(path.join(reportDir, `${build.name}-${formFactor}-${label.replace(/\s+/g, '-')}.json`), result.report);
  }
  const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const run = {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    si: metric('speed-index'),
    busy,
    requests: lhr.audits['network-requests'].details.items,
  };
  log(
    `  ${build.name.padEnd(8)} ${formFactor.padEnd(7)} ${label.padEnd(7)} score ${String(run.score).padStart(3)}  FCP ${ms(run.fcp)}  LCP ${ms(run.lcp)}  TBT ${ms(run.tbt)}  CLS ${run.cls.toFixed(3)}  (machine busy before: ${percent(busy)}${busy > QUIET_SHARE ? ' — BUSY' : ''})`,
  );
  return run;
}

/** Share of all cores busy over one second, from /proc/stat (null where there is none). */
async function busyShareOverOneSecond() {
  const sample = async () => {
    const fields = (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const before = await sample();
    await sleep(1000);
    const after = await sample();
    return 1 - (after.idle - before.idle) / (after.total - before.total);
  } catch {
    return NaN;
  }
}

/**
 * The scripts the page loaded (from the last mobile run), with their size as built, gzip -9 of the
 * file (the copy a gzip-only client gets) and what went over the wire (brotli where it was served).
 */
async function scriptsOf(build) {
  const requests = build.results.mobile.at(-1).requests.filter((item) => item.resourceType === 'Script');
  const scripts = [];
  for (const item of requests) {
    const file = path.join(build.dist, new URL(item.url).pathname);
    const content = await fs.readFile(file);
    scripts.push({ path: new URL(item.url).pathname, raw: content.length, gzip: gzipSync(content, { level: 9 }).length, transferred: item.transferSize });
  }
  return scripts;
}

// ---- the report ---------------------------------------------------------------------------------

function report(builds) {
  const sum = (items, key) => items.reduce((total, item) => total + item[key], 0);
  console.log(`\nThe page ${pagePath}, first visit (empty cache); Lighthouse ${lighthouseVersion()} with its default throttling`);
  console.log('(mobile: Moto G Power, 4× CPU slowdown, 150 ms RTT, 1.6 Mbps; desktop: 1× CPU, 40 ms RTT, 10 Mbps).\n');

  console.log('JavaScript the page loads');
  console.log('| build | files | as built | gzip -9 | transferred | target ≤ 200 kB gzip |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const build of builds) {
    const gzip = sum(build.scripts, 'gzip');
    console.log(
      `| ${build.name} (${build.description}) | ${build.scripts.length} | ${kB(sum(build.scripts, 'raw'))} | ${kB(gzip)} | ${kB(sum(build.scripts, 'transferred'))} | ${gzip <= TARGETS.gzipBytes ? 'PASS' : 'FAIL'} |`,
    );
  }

  console.log(`\nLighthouse performance, median of ${runs} run(s) (each run's score in brackets)`);
  console.log('| build | form factor | score | FCP | LCP | TBT | CLS | Speed Index | target |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const build of builds) {
    for (const formFactor of FORM_FACTORS) {
      const results = build.results[formFactor];
      const median = (key) => medianOf(results.map((run) => run[key]));
      const score = median('score');
      console.log(
        `| ${build.name} | ${formFactor} | ${score} [${results.map((run) => run.score).join(', ')}] | ${ms(median('fcp'))} | ${ms(median('lcp'))} | ${ms(median('tbt'))} | ${median('cls').toFixed(3)} | ${ms(median('si'))} | ≥ ${TARGETS[formFactor]} ${score >= TARGETS[formFactor] ? 'PASS' : 'FAIL'} |`,
      );
    }
  }
  const busyRuns = builds.flatMap((build) => FORM_FACTORS.flatMap((formFactor) => build.results[formFactor])).filter((run) => run.busy > QUIET_SHARE).length;
  console.log(
    `\n${os.cpus().length} cores. Runs that started with more than ${percent(QUIET_SHARE)} of the machine busy elsewhere: ${busyRuns} of ${builds.length * FORM_FACTORS.length * runs}` +
      (busyRuns ? ' — their TBT (and score) is inflated by the other work; LH_QUIET_WAIT waits for quiet.' : '.'),
  );
  for (const build of builds) {
    console.log(`\nScripts of ${build.name}:`);
    for (const script of build.scripts) console.log(`  ${script.path.padEnd(48)} ${kB(script.raw).padStart(10)} ${kB(script.gzip).padStart(10)} gzip ${kB(script.transferred).padStart(10)} sent`);
  }
}

function lighthouseVersion() {
  return JSON.parse(readFileSync(path.join(webDir, 'node_modules/lighthouse/package.json'), 'utf8')).version;
}

// ---- small helpers ------------------------------------------------------------------------------

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function percent(share) {
  return Number.isNaN(share) ? '?' : `${Math.round(share * 100)} %`;
}

function wholeNumber(name, fallback, min = 1) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    console.error(`${name} must be a whole number ≥ ${min} (got "${value}")`);
    process.exit(1);
  }
  return Number(value);
}

function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function log(message) {
  console.log(message);
}
