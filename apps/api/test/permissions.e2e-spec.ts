import { randomUUID } from 'node:crypto';
import { AUDIENCE_PERMISSIONS, residentIdCheckChar, ROLES, type Audience, type Permission, type Role, type SessionTokens } from '@butie/contracts';
import { collectRoutes, type RouteInfo } from '../src/common/openapi/route-catalogue.js';
import { listOperations, type OpenApiDocument, type Operation } from './support/fuzz/openapi.js';
import { givePhoneCode } from './support/registration-code.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

/**
 * What each route requires, written out by hand so that any change to who may call what shows up
 * in review as a change to this table. "public" = no token; otherwise the permission the role
 * must hold; "+ before password change" = reachable while an administrator-set password is still
 * to be replaced; "signed link" = no bearer token, a link's token instead (without one: 401 LINK_INVALID).
 */
const EXPECTED_PERMISSIONS: Record<string, string> = {
  'GET /api/health': 'public',
  'GET /api/v1/app-info': 'public',
  'GET /api/v1/dashboard': 'dashboard.view',
  'GET /api/v1/audit/login-events': 'log.read',
  'GET /api/v1/audit/login-events/export': 'log.read',
  'GET /api/v1/audit/operation-logs': 'log.read',
  'GET /api/v1/audit/operation-logs/export': 'log.read',
  'GET /api/v1/me': 'account.self + before password change',
  'GET /api/v1/regions': 'region.read',
  'GET /api/v1/sandbox/sms-outbox/:ticket': 'public',
  'GET /api/v1/public/estimate': 'public',
  'GET /api/v1/applications/eligibility': 'application.self',
  'POST /api/v1/applications/quote': 'application.self',
  'POST /api/v1/applications': 'application.self',
  'GET /api/v1/applications': 'application.self',
  'GET /api/v1/applications/:id': 'application.self',
  'PATCH /api/v1/applications/:id': 'application.self',
  'DELETE /api/v1/applications/:id': 'application.self',
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
  'POST /api/v1/persons/registrations': 'public',
  'GET /api/v1/persons/registrations': 'person.read',
  'GET /api/v1/persons/registrations/:id': 'person.read',
  'GET /api/v1/persons/registrations/mine': 'person.registration.self',
  'PUT /api/v1/persons/registrations/mine': 'person.registration.self',
  'POST /api/v1/persons/registrations/mine/submit': 'person.registration.self',
  'POST /api/v1/persons/registrations/:id/approve': 'person.registration.review',
  'POST /api/v1/persons/registrations/:id/return': 'person.registration.review',
  'POST /api/v1/auth/password/forgot': 'public',
  'POST /api/v1/auth/sms/registration': 'public',
  'POST /api/v1/auth/password/reset': 'public',
  'GET /api/v1/units/picker': 'public',
  'GET /api/v1/units/counties': 'public',
  'POST /api/v1/units/registrations': 'public',
  'GET /api/v1/units/registrations/mine': 'unit.registration.self',
  'PUT /api/v1/units/registrations/mine': 'unit.registration.self',
  'POST /api/v1/units/registrations/mine/resubmit': 'unit.registration.self',
  'GET /api/v1/units/registrations': 'unit.registration.review',
  'GET /api/v1/units/registrations/:id': 'unit.registration.review',
  'POST /api/v1/units/registrations/:id/approve': 'unit.registration.review',
  'POST /api/v1/units/registrations/:id/return': 'unit.registration.review',
  'POST /api/v1/attachments': 'person.registration.self',
  'GET /api/v1/attachments': 'person.registration.self',
  // Owner or reviewer in scope: the service decides, answering 404 to everyone else.
  'GET /api/v1/attachments/:id/content': 'account.self',
  'POST /api/v1/attachments/:id/download-link': 'account.self',
  'GET /api/v1/policy': 'policy.read',
  'GET /api/v1/policy/history': 'policy.read',
  'GET /api/v1/policy/versions/:version': 'policy.read',
  'PUT /api/v1/policy/standards': 'policy.manage',
  'PUT /api/v1/policy/parameters': 'policy.manage',
  // 沙箱数据: only while the sandboxes are on (as in these tests), ADMIN only.
  'GET /api/v1/sandbox/social-security': 'sandbox.manage',
  'GET /api/v1/sandbox/social-security/:idNumber': 'sandbox.manage',
  'PUT /api/v1/sandbox/social-security/:idNumber': 'sandbox.manage',
  'DELETE /api/v1/sandbox/social-security/:idNumber': 'sandbox.manage',
  'GET /api/v1/sandbox/degrees': 'sandbox.manage',
  'GET /api/v1/sandbox/degrees/:certificateNumber': 'sandbox.manage',
  'PUT /api/v1/sandbox/degrees/:certificateNumber': 'sandbox.manage',
  'DELETE /api/v1/sandbox/degrees/:certificateNumber': 'sandbox.manage',
  // No bearer token: the signed link in ?token= is the credential (the service checks it, then the reader's scope).
  'GET /api/v1/attachments/:id/download': 'signed link',
  'DELETE /api/v1/attachments/:id': 'person.registration.self',
  // Own entries (profile.self) or, with ?personId, a reviewer's (person.read): the service decides.
  'GET /api/v1/work-histories': 'account.self',
  'POST /api/v1/work-histories': 'profile.self',
  'PATCH /api/v1/work-histories/:id': 'profile.self',
  'DELETE /api/v1/work-histories/:id': 'profile.self',
};

function describeRequirement(route: RouteInfo): string {
  if (route.isSignedLink) return route.permission ? `signed link (yet names ${route.permission})` : 'signed link';
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
    const [unit] = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE NOT is_virtual`);
    const [admin] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'admin'`);
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
    const fastify = t.app.getHttpAdapter().getInstance();
    // Guards against a collector that silently misses or misnames routes.
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect({ route: route.route, served: fastify.hasRoute({ method: route.method, url: route.path }) }).toEqual({
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
      const path =
        route.path === '/api/v1/sandbox/sms-outbox/:ticket'
          ? route.path.replace(':ticket', await ticket())
          : `${route.path}${route.path === '/api/v1/public/estimate' ? '?education=MASTER&from=2024-01&to=2024-02' : ''}`;
      // Let in without a bearer token, it still needs the link's own.
      if (route.isSignedLink) {
        const response = await t.http().get(route.path.replace(/:[A-Za-z]+/g, randomUUID()));
        expect({ route: route.route, status: response.status, code: response.body.code }).toEqual({ route: route.route, status: 401, code: 'LINK_INVALID' });
        continue;
      }
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

/**
 * Routes where the guard lets a broad permission in and the service narrows it further, as the
 * route documents: callers holding the guard's permission but none of these get the service's 403.
 */
const NARROWED_BY_THE_SERVICE: Record<string, { needs: Permission[]; why: string }> = {
  // Without ?personId it is the caller's own list, which only an approved applicant has.
  'GET /api/v1/work-histories': { needs: ['profile.self'], why: 'own work history without ?personId' },
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

describe('the role × route matrix, from the served OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  /** Every audience's caller: a demo account per role, and an applicant and a unit whose registration is not approved. */
  const callers = new Map<Audience, { username: string; password: string }>();

  beforeAll(async () => {
    t = await startTestApp();
    operations = listOperations((await t.http().get('/api/docs-json')).body as OpenApiDocument);
    for (const row of ROLE_MATRIX) callers.set(row.role, { username: row.username, password: TEST_PASSWORD });
    // A fresh self-registration: a pending account (APPLICANT_PENDING), made through the public route.
    const [unit] = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE status = 'APPROVED' AND NOT is_virtual ORDER BY created_at LIMIT 1`);
    const idBody = '53010219970707123';
    const pending = await t.http().post('/api/v1/persons/registrations').send({
      account: { username: 'matrix_pending', password: 'Matrix@2026', fullName: '矩阵待审核', phone: '15877770001', phoneCode: await givePhoneCode(t, '15877770001') },
      basic: {
        idType: 'RESIDENT_ID', idNumber: idBody + residentIdCheckChar(idBody)!, birthDate: '1997-07-07', gender: 'MALE', school: '云州大学',
        major: '法学', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: false, unitId: unit.id,
      },
      agreedToNotice: true,
    });
    expect(pending.status).toBe(201);
    expect((pending.body as SessionTokens).user.registrationStatus).toBe('DRAFT');
    callers.set('APPLICANT_PENDING', { username: 'matrix_pending', password: 'Matrix@2026' });
    // A unit its county has not approved yet (UNIT_PENDING), from the demo data.
    callers.set('UNIT_PENDING', { username: 'unit_nanhu_pending', password: TEST_PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const routeKey = (operation: Operation) => `${operation.method} ${operation.path.replace(/\{(\w+)\}/g, ':$1')}`;

  it('covers every audience, and the document lists exactly the reviewed routes', () => {
    expect([...callers.keys()].sort()).toEqual((Object.keys(AUDIENCE_PERMISSIONS) as Audience[]).sort());
    expect(operations.map(routeKey).sort()).toEqual(Object.keys(EXPECTED_PERMISSIONS).sort());
  });

  /** One request to the operation, ids made up, JSON bodies empty: what the guards answer is what counts. */
  async function call(operation: Operation, headers: Record<string, string>): Promise<{ status: number; code?: string; detail?: string; requiredPermission?: string }> {
    const path = operation.path.replace(/\{\w+\}/g, () => randomUUID());
    const request = t.http()[operation.method.toLowerCase() as 'get'](path).set(headers);
    const response = await (BODY_METHODS.has(operation.method) ? request.send({}) : request);
    const body = response.body as { code?: string; detail?: string; requiredPermission?: string } | undefined;
    return { status: response.status, code: body?.code, detail: body?.detail, requiredPermission: body?.requiredPermission };
  }

  function verdict(operation: Operation, audience: Audience | null, answer: { status: number; code?: string; detail?: string; requiredPermission?: string }): string | null {
    const requirement = EXPECTED_PERMISSIONS[routeKey(operation)];
    if (answer.status >= 500) return `answered ${answer.status}`;
    // The bearer token, given or not, is not what such a route reads.
    if (requirement === 'signed link') return answer.status === 401 && answer.code === 'LINK_INVALID' ? null : `signed link, yet ${answer.status} ${answer.code}`;
    if (requirement === 'public') return answer.status === 401 || answer.status === 403 ? `public, yet ${answer.status} ${answer.code}` : null;
    if (audience === null) return answer.status === 401 && answer.code === 'AUTH_REQUIRED' ? null : `no token, yet ${answer.status} ${answer.code}`;
    const permission = requirement.replace(' + before password change', '') as Permission;
    const holds = AUDIENCE_PERMISSIONS[audience].includes(permission);
    const guardRefusal = answer.status === 403 && answer.code === 'FORBIDDEN' && answer.requiredPermission === permission;
    if (!holds) return guardRefusal ? null : `lacks ${permission}, yet ${answer.status} ${answer.code}`;
    if (answer.status === 401) return `holds ${permission}, yet 401 ${answer.code}`;
    const narrowed = NARROWED_BY_THE_SERVICE[routeKey(operation)];
    if (narrowed && !narrowed.needs.some((needed) => AUDIENCE_PERMISSIONS[audience].includes(needed))) {
      return answer.status === 403 && answer.code === 'FORBIDDEN' && !guardRefusal ? null : `narrowed (${narrowed.why}), yet ${answer.status} ${answer.code}`;
    }
    return answer.status === 403 ? `holds ${permission}, yet 403 ${answer.code}: ${answer.detail}` : null;
  }

  it('without a token: 401 on every guarded operation, the public ones let the caller in', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const problem = verdict(operation, null, await call(operation, {}));
      if (problem) wrong.push(`${operation.key}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each((Object.keys(AUDIENCE_PERMISSIONS) as Audience[]).map((audience) => [audience]))(
    '%s: 403 from the guard exactly where the audience lacks the permission, through the guard everywhere else',
    async (audience) => {
      const caller = callers.get(audience)!;
      const signIn = async () => {
        const response = await t.http().post('/api/v1/auth/login').send(caller);
        expect(response.status).toBe(200);
        return { Authorization: `Bearer ${(response.body as SessionTokens).accessToken}` };
      };
      const headers = await signIn();
      const wrong: string[] = [];
      for (const operation of operations) {
        // Signing out ends the session the rest of the walk uses: it gets a session of its own.
        const answer = await call(operation, operation.key === 'POST /api/v1/auth/logout' ? await signIn() : headers);
        const problem = verdict(operation, audience, answer);
        if (problem) wrong.push(`${operation.key}: ${problem}`);
      }
      expect(wrong).toEqual([]);
      // The walk changed nothing that would let a later request pass where it should not.
      expect((await t.http().get('/api/v1/me').set(headers)).status).toBe(200);
    },
  );
});
