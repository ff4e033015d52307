import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DegreeRecord, SocialSecurityRecord } from '@butie/contracts';
import type { GatewayResilience } from '../../config/app-config.js';
import { AppError } from '../../common/errors/app-error.js';
import { HttpDegreeVerificationGateway } from './degrees/http-degree.gateway.js';
import { HttpSocialSecurityGateway } from './social-security/http-social-security.gateway.js';

// A real service on loopback: each test says how it answers the n-th request.
let server: Server;
let url: string;
let received: { path: string | undefined; headers: IncomingHttpHeaders }[];
let answer: (attempt: number, res: ServerResponse) => void;

const PERSON: SocialSecurityRecord = {
  idNumber: '53010219960315002X',
  name: '林雨桐',
  insured: true,
  status: 'NORMAL',
  earliestMonth: '2019-07',
  contributions: [{ from: '2019-07', to: '2026-10' }],
  bankName: '云州银行',
  bankAccount: '6214830019960315',
};
const CERTIFICATE: DegreeRecord = {
  certificateNumber: '106732019200000001',
  idNumber: '53010219960315002X',
  name: '林雨桐',
  education: 'MASTER',
  school: '云州大学',
  major: '计算机科学与技术',
  graduationDate: '2019-06-30',
};
const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ path: req.url, headers: req.headers });
    answer(received.length, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received = [];
  answer = (_attempt, res) => json(res, 200, PERSON);
});

const RESILIENCE: GatewayResilience = { timeoutMs: 300, retries: 2, breakerFailures: 3, breakerCoolDownMs: 400 };
const socialSecurity = (over: Partial<GatewayResilience> = {}) => new HttpSocialSecurityGateway({ url, token: 'ss-token' }, { ...RESILIENCE, ...over }, 10);

async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('HttpSocialSecurityGateway against a service on loopback', () => {
  it('GETs /pension-records/{idNumber} with the bearer token and answers the record', async () => {
    await expect(socialSecurity().lookup(' 53010219960315002x ')).resolves.toEqual(PERSON);
    expect(received).toEqual([{ path: '/api/pension-records/53010219960315002X', headers: expect.objectContaining({ authorization: 'Bearer ss-token', accept: 'application/json' }) }]);
  });

  it('answers null when the bureau knows no such person (404), without retrying', async () => {
    answer = (_attempt, res) => json(res, 404, { message: 'not found' });
    await expect(socialSecurity().lookup(PERSON.idNumber)).resolves.toBeNull();
    expect(received).toHaveLength(1);
  });

  it('retries a 5xx with back-off and succeeds when the service recovers', async () => {
    answer = (attempt, res) => (attempt < 3 ? json(res, 502, {}) : json(res, 200, PERSON));
    await expect(socialSecurity().lookup(PERSON.idNumber)).resolves.toEqual(PERSON);
    expect(received).toHaveLength(3);
  });

  it('gives up after 1 + retries 5xx answers: 503 GATEWAY_UNAVAILABLE with Retry-After and a Chinese "try again later"', async () => {
    answer = (_attempt, res) => json(res, 500, {});
    const error = await refusal(socialSecurity({ breakerFailures: 100 }).lookup(PERSON.idNumber));
    expect(error).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', status: 503, detail: '社保系统暂时无法访问，请稍后再试' });
    expect(error.options.retryAfter).toBeGreaterThan(0);
    expect(received).toHaveLength(3);
  });

  it('cuts a slow answer at the timeout, tries again, then reports the service unavailable', async () => {
    answer = () => {}; // holds every request open
    const started = Date.now();
    const error = await refusal(socialSecurity({ retries: 1, breakerFailures: 100 }).lookup(PERSON.idNumber));
    expect(error.code).toBe('GATEWAY_UNAVAILABLE');
    expect(received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * RESILIENCE.timeoutMs);
  });

  it('treats an answer that is not JSON as an outage, never as "not insured"', async () => {
    answer = (_attempt, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>maintenance</html>');
    expect((await refusal(socialSecurity({ retries: 0 }).lookup(PERSON.idNumber))).code).toBe('GATEWAY_UNAVAILABLE');
  });

  it('treats JSON that breaks the contract (a month 2019-13, overlapping periods), or a record of someone else, as an outage', async () => {
    answer = (_attempt, res) => json(res, 200, { ...PERSON, contributions: [{ from: '2019-13', to: '2020-01' }] });
    expect((await refusal(socialSecurity({ retries: 0 }).lookup(PERSON.idNumber))).code).toBe('GATEWAY_UNAVAILABLE');
    answer = (_attempt, res) => json(res, 200, { ...PERSON, contributions: [{ from: '2019-07', to: '2020-06' }, { from: '2020-01', to: '2021-01' }] });
    expect((await refusal(socialSecurity({ retries: 0 }).lookup(PERSON.idNumber))).code).toBe('GATEWAY_UNAVAILABLE');
    answer = (_attempt, res) => json(res, 200, { ...PERSON, idNumber: '530102199901010011' });
    expect((await refusal(socialSecurity({ retries: 0 }).lookup(PERSON.idNumber))).code).toBe('GATEWAY_UNAVAILABLE');
  });

  it('does not retry a refusal of this system (401: wrong token) and does not count it towards the breaker', async () => {
    answer = (_attempt, res) => json(res, 401, {});
    const gateway = socialSecurity({ breakerFailures: 1 });
    await expect(gateway.lookup(PERSON.idNumber)).rejects.toThrow('refused: 401');
    expect(received).toHaveLength(1);
    expect(gateway.client.caller.circuit).toBe('closed');
  });

  it('opens the circuit after consecutive outages (calls fail at once), and one trial after the cool-down closes it again', async () => {
    answer = (_attempt, res) => json(res, 503, {});
    const gateway = socialSecurity({ retries: 0, breakerFailures: 3 });
    for (let i = 0; i < 3; i++) expect((await refusal(gateway.lookup(PERSON.idNumber))).code).toBe('GATEWAY_UNAVAILABLE');
    expect(received).toHaveLength(3);
    expect(gateway.client.caller.circuit).toBe('open');

    const open = await refusal(gateway.lookup(PERSON.idNumber));
    expect(open).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', options: { retryAfter: 1 } });
    expect(received).toHaveLength(3); // not called while open

    await new Promise((resolve) => setTimeout(resolve, RESILIENCE.breakerCoolDownMs + 50));
    answer = (_attempt, res) => json(res, 200, PERSON);
    await expect(gateway.lookup(PERSON.idNumber)).resolves.toEqual(PERSON); // the half-open trial
    expect(gateway.client.caller.circuit).toBe('closed');
    expect(received).toHaveLength(4);
  });

  it('a failed half-open trial opens the circuit again at once', async () => {
    answer = (_attempt, res) => json(res, 503, {});
    const gateway = socialSecurity({ retries: 0, breakerFailures: 1 });
    await refusal(gateway.lookup(PERSON.idNumber));
    await new Promise((resolve) => setTimeout(resolve, RESILIENCE.breakerCoolDownMs + 50));
    await refusal(gateway.lookup(PERSON.idNumber));
    expect(received).toHaveLength(2);
    expect(gateway.client.caller.circuit).toBe('open');
  });
});

describe('HttpDegreeVerificationGateway against a service on loopback', () => {
  const degree = () => new HttpDegreeVerificationGateway({ url, token: null }, { ...RESILIENCE, retries: 0 }, 10);

  it('GETs /certificates/{number} (no token configured: no authorization header) and answers the record', async () => {
    answer = (_attempt, res) => json(res, 200, CERTIFICATE);
    await expect(degree().verify(CERTIFICATE.certificateNumber)).resolves.toEqual(CERTIFICATE);
    expect(received[0].path).toBe(`/api/certificates/${CERTIFICATE.certificateNumber}`);
    expect(received[0].headers).not.toHaveProperty('authorization');
  });

  it('answers null for an unknown certificate (404) and 503 GATEWAY_UNAVAILABLE naming the Ministry for an outage', async () => {
    answer = (_attempt, res) => json(res, 404, {});
    await expect(degree().verify('106730000000000000')).resolves.toBeNull();
    answer = (_attempt, res) => json(res, 200, { ...CERTIFICATE, education: 'KINDERGARTEN' });
    expect(await refusal(degree().verify(CERTIFICATE.certificateNumber))).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', detail: '教育部学历学位查询暂时无法访问，请稍后再试' });
  });
});
