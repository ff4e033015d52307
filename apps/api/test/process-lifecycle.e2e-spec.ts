import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../src/database/embedded-postgres.js';

// The built entry point, as `npm start` runs it (npm test builds before it tests).
const MAIN = path.resolve(process.cwd(), 'dist/main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm start` as a process: one port, its own PostgreSQL, a clean stop, no second copy on the same data. */
describe('the app process with its embedded PostgreSQL', () => {
  let folder: string;
  const port = 41000 + Math.floor(Math.random() * 2000);
  const pgPort = 43000 + Math.floor(Math.random() * 2000);
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npm run build)`);
    folder = await mkdtemp(path.join(os.tmpdir(), 'butie-process-'));
    // The demo data stores its materials' files: in the test's folder, not in apps/api/data.
    env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DIR: path.join(folder, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      ATTACHMENT_DIR: path.join(folder, 'attachments'),
      DEMO_DATA: 'true',
    };
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('starts everything, refuses a second copy on the same data, stops PostgreSQL on SIGTERM and keeps the data', async () => {
    const first = start(env);
    try {
      await waitFor(() => first.output().includes('补贴通 is running'), 90_000, 'the first start');
      expect(first.output()).toContain(`http://localhost:${port}`);
      expect(first.output()).toContain('dongcheng_hrss');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      const serverPid = Number.parseInt((await readFile(path.join(folder, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
      expect(isAlive(serverPid)).toBe(true);

      const second = start({ ...env, PORT: String(port + 1) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/already running with the data folder/);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(isAlive(serverPid)).toBe(false);
    } finally {
      first.child.kill('SIGKILL');
    }

    // The data survives: the demo accounts made by the first start sign in after a restart.
    const again = start(env);
    try {
      await waitFor(() => again.output().includes('补贴通 is running'), 90_000, 'the restart');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'auditor', password: 'Butie@2026' }),
      });
      expect(login.status).toBe(200);
      const serverPid = Number.parseInt((await readFile(path.join(folder, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
      // Ctrl-C under npm: the terminal's SIGINT and the one npm's runner forwards, back to back.
      again.child.kill('SIGINT');
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
      expect(isAlive(serverPid)).toBe(false);
    } finally {
      again.child.kill('SIGKILL');
    }
  }, 240_000);
});
