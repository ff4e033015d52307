import { randomUUID } from 'node:crypto';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { ROLES, type Role } from '@butie/contracts';
import { collectRoutes, type RouteInfo } from '../src/common/openapi/route-catalogue.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * What each route requires, written out by hand so that any change to who may call what shows up
 * in review as a change to this table. "public" = no token; otherwise the permission the role
 * must hold; "+ before password change" = reachable while an administrator-set password is still
 * to be replaced.
 */
const EXPECTED_PERMISSIONS: Record<string, string> = {
  'GET /api/health': 'public',
  'GET /api/v1/app-info': 'public',
  'GET /api/v1/audit/login-events': 'log.read',
  'GET /api/v1/audit/login-events/export': 'log.read',
  'GET /api/v1/audit/operation-logs': 'log.read',
  'GET /api/v1/audit/operation-logs/export': 'log.read',
  'GET /api/v1/me': 'account.self + before password change',
  'GET /api/v1/regions': 'region.read',
  'GET /api/v1/sandbox/sms-outbox/:ticket': 'public',
  'GET /api/v1/staff': 'staff.manage',
  'GET /api/v1/units': 'unit.read',
  'GET /api/v1/units/:id': 'unit.read',
  'PATCH /api/v1/me': 'account.self',
  'PATCH /api/v1/staff/:id': 'staff.manage',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/login/mfa': 'public',
  'POST /api/v1/auth/login/mfa/resend': 'public',
  'POST /api/v1/auth/logout': 'account.self + before password change',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/sms/login': 'public',
  'POST /api/v1/auth/sms/send': 'public',
  'POST /api/v1/me/password': 'account.self + before password change',
  'POST /api/v1/me/phone/verification': 'account.self',
  'PUT /api/v1/me/email': 'account.self',
  'PUT /api/v1/me/phone': 'account.self',
  'POST /api/v1/regions/counties': 'region.manage',
  'POST /api/v1/staff': 'staff.manage',
  'POST /api/v1/staff/:id/password-reset': 'staff.manage',
  'POST /api/v1/staff/:id/unlock': 'staff.manage',
};

function describeRequirement(route: RouteInfo): string {
  if (route.isPublic) return route.permission ? `public (yet names ${route.permission})` : 'public';
  // The permission guard refuses such a route to everyone; it is listed so the mistake is visible.
  if (!route.permission) return 'NO PERMISSION DECLARED';
  return route.allowedWhilePasswordChangeRequired ? `${route.permission} + before password change` : route.permission;
}

interface MatrixRow {
  role: Role;
  username: string;
  /** `METHOD /path`; `{name}` in a path stands for an id looked up at run time. */
  allowed: string;
  forbidden: string;
}

// One reachable and one refused endpoint per demo role; ids in paths are filled in at run time.
const ROLE_MATRIX: MatrixRow[] = [
  { role: 'APPLICANT', username: 'demo_applicant', allowed: 'GET /api/v1/me', forbidden: 'GET /api/v1/units' },
  { role: 'UNIT', username: 'demo_unit', allowed: 'GET /api/v1/units', forbidden: 'GET /api/v1/regions' },
  { role: 'COUNTY_HRSS', username: 'dongcheng_hrss', allowed: 'GET /api/v1/regions', forbidden: 'GET /api/v1/staff' },
  { role: 'COUNTY_ORG', username: 'xicheng_org', allowed: 'GET /api/v1/units', forbidden: 'GET /api/v1/audit/login-events' },
  { role: 'COUNTY_FINANCE', username: 'nanhu_finance', allowed: 'GET /api/v1/regions', forbidden: 'POST /api/v1/regions/counties' },
  { role: 'CITY_HRSS', username: 'city_hrss', allowed: 'GET /api/v1/units/{demoUnit}', forbidden: 'POST /api/v1/staff' },
  { role: 'CITY_ORG', username: 'city_org', allowed: 'GET /api/v1/regions', forbidden: 'GET /api/v1/audit/operation-logs' },
  { role: 'CITY_FINANCE', username: 'city_finance', allowed: 'GET /api/v1/units', forbidden: 'POST /api/v1/staff/{admin}/password-reset' },
  { role: 'ADMIN', username: 'admin', allowed: 'GET /api/v1/staff', forbidden: 'GET /api/v1/audit/login-events' },
  { role: 'AUDITOR', username: 'auditor', allowed: 'GET /api/v1/audit/operation-logs', forbidden: 'PATCH /api/v1/staff/{admin}' },
];

describe('permissions', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    routes = collectRoutes(t.app);
    const [unit] = (await t.db.query(`SELECT id FROM units WHERE NOT is_virtual`)) as { id: string }[];
    const [admin] = (await t.db.query(`SELECT id FROM users WHERE username = 'admin'`)) as { id: string }[];
    ids.demoUnit = unit.id;
    ids.admin = admin.id;
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('a snapshot of every endpoint\'s permission matches the reviewed table', () => {
    const actual = Object.fromEntries(routes.map((route) => [route.route, describeRequirement(route)]));
    expect(actual).toEqual(EXPECTED_PERMISSIONS);
  });

  it('the route list is the one the HTTP server actually serves', () => {
    const fastify = t.app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    // Guards against a collector that silently misses or misnames routes.
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect({ route: route.route, served: fastify.hasRoute({ method: route.method as HTTPMethods, url: route.path }) }).toEqual({
        route: route.route,
        served: true,
      });
    }
  });

  it('every non-public endpoint refuses a request without a token (401 AUTH_REQUIRED)', async () => {
    const guarded = routes.filter((route) => !route.isPublic);
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const path = route.path.replace(/:[A-Za-z]+/g, randomUUID());
      const response = await t.http()[route.method.toLowerCase() as 'get'](path).send({});
      expect({ route: route.route, status: response.status, code: response.body.code }).toEqual({ route: route.route, status: 401, code: 'AUTH_REQUIRED' });
    }
  });

  it('public endpoints answer without a token', async () => {
    const open = routes.filter((route) => route.isPublic);
    expect(open.length).toBeGreaterThan(0);
    for (const route of open) {
      const ticket = async () => (await t.http().post('/api/v1/auth/sms/send').send({ phone: '13612345000' })).body.sandboxTicket as string;
      const path = route.path === '/api/v1/sandbox/sms-outbox/:ticket' ? route.path.replace(':ticket', await ticket()) : route.path;
      // POSTs get an empty body: a validation refusal (400) still shows the route let the caller in.
      const response = await t.http()[route.method.toLowerCase() as 'get'](path).send({});
      expect({ route: route.route, status: response.status }).toEqual({ route: route.route, status: route.method === 'GET' ? 200 : 400 });
    }
  });

  it('the role matrix names every role', () => {
    expect(ROLE_MATRIX.map((row) => row.role).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLE_MATRIX)('$role may $allowed but is refused $forbidden (403 FORBIDDEN)', async ({ username, allowed, forbidden }) => {
    const headers = await t.bearer(username);
    const call = (endpoint: string) => {
      const [method, path] = endpoint.split(' ');
      const url = path.replace(/\{(\w+)\}/g, (_, key: string) => ids[key]);
      return t.http()[method.toLowerCase() as 'get'](url).set(headers);
    };

    const ok = await call(allowed);
    expect({ endpoint: allowed, status: ok.status }).toEqual({ endpoint: allowed, status: 200 });

    // An empty body: the permission guard answers before any validation would.
    const refused = await call(forbidden).send({});
    expect({ endpoint: forbidden, status: refused.status, code: refused.body.code }).toEqual({ endpoint: forbidden, status: 403, code: 'FORBIDDEN' });
  });
});
