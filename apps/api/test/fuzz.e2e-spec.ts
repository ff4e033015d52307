import { callersOf } from './support/fuzz/callers.js';
import { Campaign } from './support/fuzz/campaign.js';
import { formatFindings } from './support/fuzz/findings.js';
import { KnownPool } from './support/fuzz/known-pool.js';
import { listOperations, type OpenApiDocument, type Operation } from './support/fuzz/openapi.js';
import { RoleSessions } from './support/fuzz/sessions.js';
import { RawJson } from './support/fuzz/values.js';
import { collectRoutes, openApiPath } from '../src/common/openapi/route-catalogue.js';
import { startTestApp } from './support/test-app.js';

/**
 * Property-based fuzzing of every operation the served OpenAPI document lists, as every role
 * that may call it and without a token: generated requests, mutated (wrong types, null, missing
 * and extra fields, __proto__, control characters, huge and deeply nested values, bad ids and
 * cursors, other people's real ids). No answer may be a 5xx; every 4xx is a problem document with
 * a stable code; every status is documented for its operation (with its code, where listed).
 *
 * CI runs a fixed seed and few runs. On demand:
 *   FUZZ_RUNS=200 FUZZ_SEED=random pnpm --filter @butie/api fuzz
 *   FUZZ_SEED=<seed> FUZZ_RUNS=<runs> FUZZ_ONLY='PATCH /api/v1/staff/{id}' pnpm --filter @butie/api fuzz
 */
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20260501);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const ONLY = process.env.FUZZ_ONLY;
// Refusals take milliseconds; this much leaves room for a loaded CI machine.
const SLOW_REFUSAL_MS = Number(process.env.FUZZ_SLOW_MS ?? 1_500);
const replay = (operation?: Operation) => `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}${operation ? ` FUZZ_ONLY='${operation.key}'` : ''} pnpm --filter @butie/api fuzz`;

// The operations come from the running app's document, so the app starts while Jest collects.
const t = await startTestApp();
afterAll(async () => {
  await t.close();
});
const doc = (await t.http().get('/api/docs-json')).body as OpenApiDocument;
const routes = collectRoutes(t.app);
const operations = listOperations(doc).filter((operation) => !ONLY || operation.key === ONLY);
const sessions = await RoleSessions.open(t);
const pool = await KnownPool.load(t, sessions);
const options = { seed: SEED, runs: RUNS, slowRefusalMs: SLOW_REFUSAL_MS };
const campaign = new Campaign(t, sessions, pool, options);
const roles = [...sessions.accounts.keys()];

describe(`fuzzing the documented API (seed ${SEED}, ${RUNS} runs per operation and role)`, () => {
  it('fuzzes every served route: each one is in the document, and every role has a demo account', () => {
    const documented = new Set(listOperations(doc).map((operation) => operation.key));
    const undocumented = routes.map((route) => `${route.method} ${openApiPath(route.path)}`).filter((key) => !documented.has(key));
    expect(undocumented).toEqual([]);
    expect(roles.length).toBeGreaterThanOrEqual(10);
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => ({ key: operation.key, operation })))(
    '$key',
    async ({ operation }) => {
      await campaign.fuzz(operation, callersOf(operation, routes, roles));
      const findings = campaign.findings.of(operation.key);
      if (findings.length > 0) throw new Error(formatFindings(findings, replay(operation)));
      expect((await t.http().get('/api/health')).status).toBe(200);
    },
    120_000 + RUNS * 5_000,
  );

  it('refuses a raw body of 100,000 nested arrays on every operation that takes a body', async () => {
    const deep = new RawJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, '100000 nested arrays');
    const deepCampaign = new Campaign(t, sessions, pool, options);
    for (const operation of operations.filter((op) => ['POST', 'PUT', 'PATCH'].includes(op.method))) {
      const [caller] = callersOf(operation, routes, roles);
      const pathIds = Object.fromEntries(operation.pathParams.map((param) => [param.name, sessions.accounts.get(roles[0])!.id]));
      await deepCampaign.exchange(operation, { caller, path: pathIds, query: [], body: deep });
    }
    const findings = deepCampaign.findings.all();
    if (findings.length > 0) throw new Error(formatFindings(findings, replay()));
  }, 120_000);

  it('leaves the process answering GET /api/health, with Object.prototype untouched', async () => {
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(200);
    for (const key of ['role', 'isAdmin', 'polluted']) expect(({} as Record<string, unknown>)[key]).toBeUndefined();
  });
});
