import { collectRoutes, openApiPath, type RouteInfo } from '../src/common/openapi/route-catalogue.js';
import type { ErrorCode } from '@butie/contracts';
import { errorInfo } from '../src/common/errors/error-table.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface OpenApiOperation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, unknown>; 'x-problem-codes'?: string[] }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

describe('health and API documentation', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await startTestApp();
    routes = collectRoutes(t.app);
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    doc = response.body as OpenApiDocument;
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/health answers 200 with the database up, without a token', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', databaseLatencyMs: expect.any(Number) });
  });

  it('GET /api/health carries a request id and the security headers like every response', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['x-request-id']).toEqual(expect.stringMatching(/^[A-Za-z0-9._-]{8,64}$/));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('/api/docs-json is an OpenAPI 3 document', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.components?.securitySchemes?.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
  });

  it('/api/docs-json documents every controller route, and nothing that is not served', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).filter((key) => HTTP_METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const served = routes.map((route) => `${route.method} ${openApiPath(route.path)}`).sort();
    expect(documented).toEqual(served);
  });

  it('guarded operations declare bearer security and public ones do not', () => {
    const security = Object.fromEntries(
      routes.map((route) => {
        const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
        const bearer = (operation?.security ?? []).some((requirement) => 'bearer' in requirement);
        return [route.route, bearer];
      }),
    );
    const expected = Object.fromEntries(routes.map((route) => [route.route, !route.isPublic]));
    expect(security).toEqual(expected);
  });

  it('documents each operation’s problem responses: status, the codes it can carry, problem+json (finding 15)', () => {
    for (const route of routes) {
      const operation = doc.paths[openApiPath(route.path)][route.method.toLowerCase()];
      const problems = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect({ route: route.route, statuses: problems.map(([status]) => status) }).toEqual({
        route: route.route,
        statuses: expect.arrayContaining(['400', '500', '503', ...(route.isPublic ? [] : ['401', '403'])]),
      });
      for (const [status, response] of problems) {
        expect(response.content).toHaveProperty(['application/problem+json']);
        for (const code of response['x-problem-codes'] ?? []) expect({ code, status: errorInfo(code as ErrorCode).status }).toEqual({ code, status: Number(status) });
      }
    }
  });

  it('names the codes an integrator will meet, e.g. on sign-in and on a guarded route', () => {
    const login = doc.paths['/api/v1/auth/login'].post.responses;
    expect(login['401']['x-problem-codes']).toEqual(['INVALID_CREDENTIALS']);
    expect(login['423']['x-problem-codes']).toEqual(['ACCOUNT_LOCKED']);
    expect(login['429']['x-problem-codes']).toEqual(['RATE_LIMITED', 'SMS_DAILY_LIMIT']);
    expect(login['400']['x-problem-codes']).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'MALFORMED_REQUEST', 'REQUEST_TOO_COMPLEX']));
    const staff = doc.paths['/api/v1/staff/{id}'].patch.responses;
    expect(staff['401']['x-problem-codes']).toEqual(expect.arrayContaining(['AUTH_REQUIRED', 'TOKEN_EXPIRED', 'SESSION_IDLE']));
    expect(staff['403']['x-problem-codes']).toEqual(expect.arrayContaining(['FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED']));
    expect(staff['404']['x-problem-codes']).toEqual(['NOT_FOUND']);
  });

  it('/api/docs serves the interactive documentation page', async () => {
    const response = await t.http().get('/api/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
