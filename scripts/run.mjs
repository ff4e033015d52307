#!/usr/bin/env node
// The project's front door: `npm start` and `npm test` on a machine with nothing but Node.js 20+.
// It brings the pinned pnpm (through npx), installs, builds what changed, then starts or tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const command = process.argv[2] ?? 'help';

function say(message) {
  process.stdout.write(`\n\x1b[1m▶ ${message}\x1b[0m\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...options.env }, ...options });
  return result.status ?? 1;
}

function must(status, what) {
  if (status !== 0) {
    console.error(`\n✖ ${what} failed (exit ${status})`);
    process.exit(status || 1);
  }
}

function pnpm() {
  const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (local.status === 0 && local.stdout.trim() === PNPM_VERSION) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

function runPnpm(args, options) {
  const [cmd, prefix] = pnpm();
  return run(cmd, [...prefix, ...args], options);
}

function install() {
  say(`Installing dependencies (pnpm ${PNPM_VERSION})`);
  must(runPnpm(['install', '--frozen-lockfile']), 'pnpm install');
}

/** Newest modification time under the given paths (files and folders, node_modules and dist skipped). */
function newest(paths) {
  let latest = 0;
  const walk = (target) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) if (entry !== 'node_modules' && entry !== 'dist') walk(path.join(target, entry));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  for (const p of paths) walk(path.join(ROOT, p));
  return latest;
}

const PACKAGES = [
  { name: 'contracts', dir: 'libs/contracts', inputs: ['libs/contracts/src', 'libs/contracts/tsconfig.json', 'tsconfig.base.json'], build: ['--filter', '@butie/contracts', 'run', 'build'] },
  { name: 'api', dir: 'apps/api', inputs: ['apps/api/src', 'apps/api/tsconfig.json', 'apps/api/tsconfig.build.json', 'libs/contracts/src'], build: ['--filter', '@butie/api', 'run', 'build'] },
  { name: 'web', dir: 'apps/web', inputs: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/public', 'libs/contracts/src'], build: ['--filter', '@butie/web', 'run', 'build'] },
];

/** Builds each package whose sources changed since its last build. */
function build() {
  for (const pkg of PACKAGES) {
    const stamp = path.join(ROOT, pkg.dir, 'dist', '.build-stamp');
    const upToDate = existsSync(stamp) && statSync(stamp).mtimeMs >= newest(pkg.inputs);
    if (upToDate) continue;
    say(`Building ${pkg.name}`);
    must(runPnpm(pkg.build), `build of ${pkg.name}`);
    mkdirSync(path.dirname(stamp), { recursive: true });
    writeFileSync(stamp, new Date().toISOString());
  }
}

/** Debian's Chromium and a CJK font for the browser tests; installed when missing and allowed. */
function ensureBrowser() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const hasFont = spawnSync('sh', ['-c', 'fc-list :lang=zh 2>/dev/null | grep -q .']).status === 0;
  if (existsSync(chromium) && hasFont) return;
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canApt) {
    console.error(
      `\n✖ The browser tests need Chromium at ${chromium} and a Chinese font.\n` +
        '  On Debian/Ubuntu: sudo apt-get install -y chromium fonts-wqy-microhei\n' +
        '  Or point CHROMIUM_PATH at an installed Chromium.',
    );
    process.exit(1);
  }
  say('Installing Debian Chromium and a CJK font for the browser tests');
  must(run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei']), 'apt-get install chromium');
}

/** A larger young generation: fewer scavenges per request (measured +20 % on GET /me, see docs/benchmarks.md). */
const NODE_FLAGS = ['--max-semi-space-size=32'];

function startApp() {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'apps/api/dist/main.js'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function test() {
  ensureBrowser();
  const jest = ['--experimental-vm-modules', path.join(ROOT, 'node_modules/jest/bin/jest.js')];
  // The browser tests' app keeps its embedded PostgreSQL here; removed once they are done.
  const e2eData = mkdtempSync(path.join(os.tmpdir(), 'butie-e2e-'));
  const suites = [
    { name: 'type check (every package)', cwd: '.', cmd: pnpm()[0], args: [...pnpm()[1], '-r', 'run', 'typecheck'] },
    { name: 'contracts unit tests', cwd: 'libs/contracts', cmd: process.execPath, args: jest },
    { name: 'API unit tests', cwd: 'apps/api', cmd: process.execPath, args: [...jest, '--selectProjects', 'unit'] },
    { name: 'SPA unit tests (node --test)', cwd: 'apps/web', cmd: process.execPath, args: ['--test', 'test/'] },
    { name: `API tests against ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'an embedded PostgreSQL'}`, cwd: 'apps/api', cmd: process.execPath, args: [...jest, '--selectProjects', 'api'] },
    { name: 'browser tests (Playwright, Chromium)', cwd: 'e2e', cmd: process.execPath, args: [path.join(ROOT, 'e2e/node_modules/@playwright/test/cli.js'), 'test'], env: { DATABASE_URL: '', BUTIE_E2E_DIR: e2eData } },
  ];
  const results = [];
  for (const suite of suites) {
    say(suite.name);
    const started = Date.now();
    const status = run(suite.cmd, suite.args, { cwd: path.join(ROOT, suite.cwd), env: suite.env });
    results.push({ ...suite, status, seconds: Math.round((Date.now() - started) / 1000) });
  }
  rmSync(e2eData, { recursive: true, force: true });
  console.log('\nSummary');
  for (const r of results) console.log(`  ${r.status === 0 ? '✔' : '✖'} ${r.name} (${r.seconds} s)`);
  process.exit(results.some((r) => r.status !== 0) ? 1 : 0);
}

switch (command) {
  case 'start':
    install();
    build();
    startApp();
    break;
  case 'test':
    install();
    build();
    test();
    break;
  case 'bench': {
    // `npm run bench` runs both API benchmarks; `npm run bench -- me` or `-- upload` one of them.
    const benchmarks = { me: 'bench/me-benchmark.mjs', upload: 'bench/upload-benchmark.mjs' };
    const chosen = process.argv[3] ?? 'all';
    if (chosen !== 'all' && !benchmarks[chosen]) {
      console.log(`usage: node scripts/run.mjs bench [${Object.keys(benchmarks).join(' | ')}]`);
      process.exit(1);
    }
    install();
    build();
    for (const [name, script] of Object.entries(benchmarks)) {
      if (chosen === 'all' || chosen === name) must(run(process.execPath, [...NODE_FLAGS, script], { cwd: path.join(ROOT, 'apps/api') }), `${name} benchmark`);
    }
    break;
  }
  case 'build':
    install();
    build();
    break;
  default:
    console.log('usage: node scripts/run.mjs start | test | bench [me | upload] | build');
    process.exit(command === 'help' ? 0 : 1);
}
