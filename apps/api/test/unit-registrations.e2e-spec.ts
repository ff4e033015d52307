import { randomInt, randomUUID } from 'node:crypto';
import {
  creditCodeCheckChar,
  CREDIT_CODE_MESSAGE,
  OPINION_MAX_LENGTH,
  REGISTRATION_STATUSES,
  UNIT_FIELD_LIMITS,
  UNIT_REGISTRATION_TRANSITIONS,
  type CreateUnitRegistrationRequest,
  type RegistrationStatus,
  type UnitFieldsInput,
  type UnitPickerItem,
  type UnitRegistrationListItem,
  type UnitRegistrationView,
} from '@butie/contracts';
import type { Response } from 'supertest';
import { allItems, allPages } from './support/pages.js';
import { expectProblem, problemWithoutRequest } from './support/problem.js';
import { raceAtTheDatabase } from './support/race.js';
import { PHONE_CODE_PLACEHOLDER, withPhoneCode } from './support/registration-code.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const BASE = '/api/v1/units/registrations';
const PICKER = '/api/v1/units/picker';
const PASSWORD = 'Qinghe@2026';
/** The GB 32100 alphabet (no I, O, S, V, Z). */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
type Headers = { Authorization: string };

/** A fresh, valid 统一社会信用代码: `prefix` (default 企业 + a 云州 division code) and random characters, then the check character. */
function creditCode(prefix = '91530102'): string {
  let body = prefix;
  while (body.length < 17) body += CODE_CHARS[randomInt(CODE_CHARS.length)];
  return body + creditCodeCheckChar(body)!;
}

/** The same code with a wrong (but well-formed) check character. */
function withWrongCheck(code: string): string {
  const wrong = CODE_CHARS[(CODE_CHARS.indexOf(code[17]) + 1) % CODE_CHARS.length];
  return code.slice(0, 17) + wrong;
}

/** A Beijing-time calendar day, as the queue's date filters count them. */
function shanghaiDay(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

let serial = 0;
// Unique per run, so that names and usernames never meet the template's (growing) demo data.
const RUN = `${process.pid % 10000}${randomInt(100, 999)}`;

describe('unit registration (单位注册 → 县区人社局审核)', () => {
  let t: TestApp;
  let dongcheng: string;
  let xicheng: string;
  let cityId: string;
  let virtualUnitId: string;
  let dongchengHrss: Headers;
  let xichengHrss: Headers;

  function body(overrides: { unit?: Partial<UnitFieldsInput> & Record<string, unknown>; account?: Record<string, unknown> } = {}): CreateUnitRegistrationRequest {
    serial++;
    const n = serial;
    return {
      unit: {
        name: `云州测试${RUN}第${n}有限公司`,
        creditCode: creditCode(),
        countyId: dongcheng,
        address: `云州市东城区测试路 ${n} 号`,
        contactPerson: `联系人${n}`,
        contactPhone: '0871-65123456',
        ...overrides.unit,
      },
      account: {
        username: `u${RUN}_${n}`,
        password: PASSWORD,
        phone: `177${RUN.slice(0, 3).padStart(3, '0')}${String(n).padStart(5, '0')}`,
        phoneCode: PHONE_CODE_PLACEHOLDER,
        email: `hr${n}@unit.example.com`,
        ...overrides.account,
      },
    };
  }

  async function counts(): Promise<{ users: number; units: number; trail: number }> {
    const [row] = await t.db.query<{ users: number; units: number; trail: number }[]>(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM status_trail) AS trail`,
    );
    return row;
  }

  /** A request that must be refused with `status`/`code`, leaving no user, unit or trail row behind. */
  async function refused(send: () => PromiseLike<Response>, status: number, code: string): Promise<Record<string, unknown>> {
    const before = await counts();
    const problem = expectProblem(await send(), status, code);
    expect(await counts()).toEqual(before);
    return problem;
  }

  const refusedRegistration = (request: object, status: number, code: string) => refused(async () => t.http().post(BASE).send(await withPhoneCode(t, request)), status, code);
  /** The fields a problem names, each once (a password can break several rules). */
  const fieldsOf = (problem: Record<string, unknown>) => [...new Set(((problem.errors ?? []) as { field: string }[]).map((error) => error.field))].sort();

  interface Registered {
    id: string;
    headers: Headers;
    request: CreateUnitRegistrationRequest;
    view: UnitRegistrationView;
  }

  async function register(request = body()): Promise<Registered> {
    const response = await t.http().post(BASE).send(await withPhoneCode(t, request));
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    const view = response.body as UnitRegistrationView;
    const headers = { Authorization: `Bearer ${(await t.login(request.account.username, PASSWORD)).accessToken}` };
    return { id: view.id, headers, request, view };
  }

  async function statusOf(id: string): Promise<RegistrationStatus> {
    const [row] = await t.db.query<{ status: RegistrationStatus }[]>(`SELECT status FROM units WHERE id = $1`, [id]);
    return row.status;
  }

  async function setStatus(id: string, status: RegistrationStatus): Promise<void> {
    await t.db.query(`UPDATE units SET status = $2 WHERE id = $1`, [id, status]);
  }

  const trailOf = (id: string) =>
    t.db.query<{ action: string; from_status: string | null; to_status: string; actor_role: string; opinion: string | null }[]>(
      `SELECT action, from_status, to_status, actor_role, opinion FROM status_trail WHERE subject = 'UNIT_REGISTRATION' AND subject_id = $1 ORDER BY id`,
      [id],
    );

  /** The unit's own fields as PUT …/mine takes them. */
  const fieldsFor = (view: UnitRegistrationView, overrides: Partial<UnitFieldsInput> = {}): UnitFieldsInput => ({
    name: view.name,
    creditCode: view.creditCode,
    countyId: view.county.id,
    address: view.address,
    contactPerson: view.contactPerson,
    contactPhone: view.contactPhone,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    const regions = await t.db.query<{ id: string; code: string; level: string }[]>(`SELECT id, code, level FROM regions`);
    dongcheng = regions.find((region) => region.code === 'dongcheng')!.id;
    xicheng = regions.find((region) => region.code === 'xicheng')!.id;
    cityId = regions.find((region) => region.level === 'CITY')!.id;
    [{ id: virtualUnitId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE is_virtual AND county_id = $1`, [dongcheng]);
    dongchengHrss = await t.bearer('dongcheng_hrss');
    xichengHrss = await t.bearer('xicheng_hrss');
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  describe('POST /units/registrations (public)', () => {
    it('creates the unit (PENDING), its UNIT account and the first trail row, and the account signs in', async () => {
      const request = body({ unit: { creditCode: creditCode().toLowerCase(), name: `  云州青禾${RUN}软件有限公司 ` } });
      const before = await counts();
      const response = await t.http().post(BASE).send(await withPhoneCode(t, request));
      expect(response.status).toBe(201);
      const view = response.body as UnitRegistrationView;
      expect(view).toEqual({
        id: expect.any(String),
        status: 'PENDING',
        statusLabel: '待审核',
        name: `云州青禾${RUN}软件有限公司`,
        creditCode: request.unit.creditCode.toUpperCase(),
        county: { id: dongcheng, name: '东城区' },
        address: request.unit.address,
        contactPerson: request.unit.contactPerson,
        contactPhone: request.unit.contactPhone,
        account: { username: request.account.username, phone: request.account.phone, email: request.account.email },
        reviewOpinion: null,
        submittedAt: expect.any(String),
        reviewedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        editable: false,
        availableActions: [],
        trail: [
          expect.objectContaining({ action: 'submit', fromStatus: null, toStatus: 'PENDING', opinion: null, actor: expect.objectContaining({ role: 'UNIT', name: request.unit.contactPerson }) }),
        ],
      });
      expect(await counts()).toEqual({ users: before.users + 1, units: before.units + 1, trail: before.trail + 1 });
      const [account] = await t.db.query<Record<string, unknown>[]>(
        `SELECT role, unit_id, region_id, full_name, must_change_password FROM users WHERE username = $1`,
        [request.account.username],
      );
      expect(account).toEqual({ role: 'UNIT', unit_id: view.id, region_id: dongcheng, full_name: request.unit.contactPerson, must_change_password: false });

      const tokens = await t.login(request.account.username, PASSWORD);
      expect(tokens.user).toMatchObject({ role: 'UNIT' });
      const mine = await t.http().get(`${BASE}/mine`).set({ Authorization: `Bearer ${tokens.accessToken}` });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ id: view.id, status: 'PENDING', editable: false, availableActions: [], reviewOpinion: null });
    });

    it('takes the e-mail left out, empty or null, and a mobile as the contact phone', async () => {
      for (const email of [undefined, '', null]) {
        const request = body({ unit: { contactPhone: '13912345678' }, account: { email } });
        if (email === undefined) delete (request.account as { email?: unknown }).email;
        const { view } = await register(request);
        expect(view.account).toMatchObject({ email: null });
      }
    });

    it('refuses a credit code whose GB 32100 check character is wrong, naming the field', async () => {
      const problem = await refusedRegistration(body({ unit: { creditCode: withWrongCheck(creditCode()) } }), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field: 'unit.creditCode', message: CREDIT_CODE_MESSAGE }]);
    });

    it.each([
      ['17 characters', creditCode().slice(0, 17)],
      ['19 characters', `${creditCode()}0`],
      ['a letter outside the alphabet (I)', `91530102I${'1'.repeat(8)}0`],
      ['an O where a 0 belongs', `9153O102${'1'.repeat(9)}0`],
      ['spaces inside', `${creditCode().slice(0, 9)} ${creditCode().slice(10)}`],
      ['a number instead of text', 915301020000000000],
      ['nothing in it', ''],
    ])('refuses a credit code with %s (400 unit.creditCode)', async (_name, code) => {
      const problem = await refusedRegistration(body({ unit: { creditCode: code as string } }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toEqual(['unit.creditCode']);
    });

    it.each([
      ['a name of one character', 'unit.name', { unit: { name: '云' } }],
      [`a name over ${UNIT_FIELD_LIMITS.name} characters`, 'unit.name', { unit: { name: '云'.repeat(UNIT_FIELD_LIMITS.name + 1) } }],
      ['a name of spaces only', 'unit.name', { unit: { name: '    ' } }],
      ['a county that is no id', 'unit.countyId', { unit: { countyId: 'dongcheng' } }],
      ['a county that does not exist', 'unit.countyId', { unit: { countyId: randomUUID() } }],
      ['the city as county', 'unit.countyId', { unit: { countyId: 'CITY' } }],
      ['an address of one character', 'unit.address', { unit: { address: '路' } }],
      [`an address over ${UNIT_FIELD_LIMITS.address} characters`, 'unit.address', { unit: { address: '路'.repeat(UNIT_FIELD_LIMITS.address + 1) } }],
      ['an empty contact person', 'unit.contactPerson', { unit: { contactPerson: '' } }],
      [`a contact person over ${UNIT_FIELD_LIMITS.contactPerson} characters`, 'unit.contactPerson', { unit: { contactPerson: '周'.repeat(UNIT_FIELD_LIMITS.contactPerson + 1) } }],
      ['a contact phone too short', 'unit.contactPhone', { unit: { contactPhone: '12345' } }],
      ['a contact phone without area code', 'unit.contactPhone', { unit: { contactPhone: '65123456' } }],
      ['a contact phone with letters', 'unit.contactPhone', { unit: { contactPhone: '0871-6512345a' } }],
      ['a username starting with _', 'account.username', { account: { username: '_unit' } }],
      ['a username of 2 characters', 'account.username', { account: { username: 'ab' } }],
      ['a username in Chinese', 'account.username', { account: { username: '青禾软件' } }],
      ['an account phone that is a landline', 'account.phone', { account: { phone: '0871-65123456' } }],
      ['an account phone of 10 digits', 'account.phone', { account: { phone: '1391234567' } }],
      ['a malformed e-mail', 'account.email', { account: { email: 'hr@' } }],
      ['a missing password', 'account.password', { account: { password: undefined } }],
      ['a missing unit part', 'unit', { unit: undefined }],
      ['an account part that is a string', 'account', { account: 'qinghe' }],
    ] as [string, string, { unit?: Record<string, unknown>; account?: Record<string, unknown> | string }][])(
      'refuses %s (400 naming %s), leaving nothing behind',
      async (_name, field, overrides) => {
        const request = body() as unknown as Record<string, Record<string, unknown> | string | undefined>;
        for (const part of ['unit', 'account'] as const) {
          if (!(part in overrides)) continue;
          const value = overrides[part];
          if (value === undefined || typeof value === 'string') request[part] = value;
          else {
            const merged = { ...(request[part] as Record<string, unknown>), ...value };
            if (merged.countyId === 'CITY') merged.countyId = cityId;
            for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
            request[part] = merged;
          }
        }
        if (request.unit === undefined) delete request.unit;
        const problem = await refusedRegistration(request, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(problem)).toEqual([field]);
      },
    );

    it('names every problem of the form at once', async () => {
      const problem = await refusedRegistration(
        body({ unit: { name: 'x', creditCode: '123', address: '', contactPhone: 'abc' }, account: { username: '_', phone: '123', email: 'no' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(problem)).toEqual(['account.email', 'account.phone', 'account.username', 'unit.address', 'unit.contactPhone', 'unit.creditCode', 'unit.name']);
    });

    it('applies the password rules of domain §4 (PASSWORD_POLICY on account.password)', async () => {
      for (const password of ['short1!', 'alllowercase', 'NoDigitsOrSymbols', `Aa1!${'x'.repeat(61)}`]) {
        const problem = await refusedRegistration(body({ account: { password } }), 400, 'PASSWORD_POLICY');
        expect(fieldsOf(problem)).toEqual(['account.password']);
      }
      // Containing the username.
      const request = body();
      request.account.password = `${request.account.username}A1!`;
      expect(fieldsOf(await refusedRegistration(request, 400, 'PASSWORD_POLICY'))).toEqual(['account.password']);
      // With a field problem as well, both are named in one answer.
      const both = await refusedRegistration(body({ unit: { countyId: randomUUID() }, account: { password: 'weak' } }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(both)).toEqual(['account.password', 'unit.countyId']);
    });

    it('refuses unknown fields, also inside the parts, and a status chosen by the client', async () => {
      expect(fieldsOf(await refusedRegistration({ ...body(), status: 'APPROVED' }, 400, 'VALIDATION_FAILED'))).toEqual(['status']);
      const withStatus = body();
      (withStatus.unit as unknown as Record<string, unknown>).status = 'APPROVED';
      expect(fieldsOf(await refusedRegistration(withStatus, 400, 'VALIDATION_FAILED'))).toEqual(['unit.status']);
      const withRole = body();
      (withRole.account as unknown as Record<string, unknown>).role = 'ADMIN';
      expect(fieldsOf(await refusedRegistration(withRole, 400, 'VALIDATION_FAILED'))).toEqual(['account.role']);
      await refusedRegistration({}, 400, 'VALIDATION_FAILED');
      await refused(() => t.http().post(BASE).set('content-type', 'text/plain').send('unit=x'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a second registration of a credit code (409 CREDIT_CODE_TAKEN), whatever its letter case', async () => {
      const first = await register();
      const code = first.request.unit.creditCode;
      for (const variant of [code, code.toLowerCase(), ` ${code} `]) {
        const problem = await refusedRegistration(body({ unit: { creditCode: variant } }), 409, 'CREDIT_CODE_TAKEN');
        expect(problem).toMatchObject({ creditCode: code, errors: [{ field: 'unit.creditCode', message: expect.any(String) }] });
        expect(JSON.stringify(problem)).not.toContain(first.request.unit.name);
        expect(JSON.stringify(problem)).not.toContain(first.request.account.username);
      }
      // Also a returned (not yet approved) unit holds its code.
      await setStatus(first.id, 'RETURNED');
      await refusedRegistration(body({ unit: { creditCode: code } }), 409, 'CREDIT_CODE_TAKEN');
    });

    it('refuses a username (any letter case) or phone already taken, naming the field and not the holder', async () => {
      const first = await register();
      const sameName = await refusedRegistration(body({ account: { username: first.request.account.username.toUpperCase() } }), 409, 'USERNAME_TAKEN');
      expect(fieldsOf(sameName)).toEqual(['account.username']);
      const samePhone = await refusedRegistration(body({ account: { phone: first.request.account.phone } }), 409, 'PHONE_TAKEN');
      expect(fieldsOf(samePhone)).toEqual(['account.phone']);
      // A staff account's username, and an applicant's phone.
      await refusedRegistration(body({ account: { username: 'admin' } }), 409, 'USERNAME_TAKEN');
      const [applicant] = await t.db.query<{ phone: string }[]>(`SELECT phone FROM users WHERE username = 'demo_applicant'`);
      await refusedRegistration(body({ account: { phone: applicant.phone } }), 409, 'PHONE_TAKEN');
      // Username and credit code both taken: both named in one answer.
      const both = await refusedRegistration(
        body({ unit: { creditCode: first.request.unit.creditCode }, account: { username: first.request.account.username } }),
        409,
        'USERNAME_TAKEN',
      );
      expect(fieldsOf(both)).toEqual(['account.username', 'unit.creditCode']);
      for (const problem of [sameName, samePhone, both]) expect(JSON.stringify(problem)).not.toContain(first.request.unit.name);
    });

    it('two registrations racing for one credit code: exactly one unit and one account, the other 409', async () => {
      const a = await withPhoneCode(t, body());
      const b = await withPhoneCode(t, body({ unit: { creditCode: a.unit.creditCode } }));
      const before = await counts();
      const responses = await raceAtTheDatabase(t, 'units', [() => t.http().post(BASE).send(a), () => t.http().post(BASE).send(b)]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(responses.find((r) => r.status === 409)!, 409, 'CREDIT_CODE_TAKEN');
      expect(await counts()).toEqual({ users: before.users + 1, units: before.units + 1, trail: before.trail + 1 });
      const winner = responses.find((r) => r.status === 201)!.body as UnitRegistrationView;
      const accounts = await t.db.query<{ username: string }[]>(`SELECT username FROM users WHERE unit_id = $1`, [winner.id]);
      expect(accounts).toEqual([{ username: winner.account!.username }]);
    });

    it('two registrations racing for one username: the loser leaves no unit behind', async () => {
      const a = await withPhoneCode(t, body());
      const b = await withPhoneCode(t, body({ account: { username: a.account.username } }));
      const before = await counts();
      const responses = await raceAtTheDatabase(t, 'users', [() => t.http().post(BASE).send(a), () => t.http().post(BASE).send(b)]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(fieldsOf(expectProblem(responses.find((r) => r.status === 409)!, 409, 'USERNAME_TAKEN'))).toEqual(['account.username']);
      expect(await counts()).toEqual({ users: before.users + 1, units: before.units + 1, trail: before.trail + 1 });
    });

    it('is in the OpenAPI document with its problems', async () => {
      const doc = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, { 'x-problem-codes'?: string[] }> }>> };
      const post = doc.paths[BASE].post;
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '429']));
      expect(post.responses['409']['x-problem-codes']).toEqual(expect.arrayContaining(['CREDIT_CODE_TAKEN', 'USERNAME_TAKEN', 'PHONE_TAKEN']));
    });
  });

  describe("the unit's own record (…/mine)", () => {
    it('returned: shows the opinion, takes an edit, resubmits into the queue; other statuses refuse both', async () => {
      const unit = await register();
      const edit = fieldsFor(unit.view, { name: `${unit.view.name}（改）`, contactPhone: '0871-65999999' });

      // Under review: neither edit nor resubmit.
      const pending = await refused(() => t.http().put(`${BASE}/mine`).set(unit.headers).send(edit), 409, 'UNIT_REGISTRATION_NOT_EDITABLE');
      expect(pending.currentStatus).toBe('PENDING');
      expect((await refused(() => t.http().post(`${BASE}/mine/resubmit`).set(unit.headers), 409, 'TRANSITION_NOT_ALLOWED')).currentStatus).toBe('PENDING');

      const opinion = '统一社会信用代码与营业执照不一致，\n请核对后重新提交';
      const returned = await t.http().post(`${BASE}/${unit.id}/return`).set(dongchengHrss).send({ opinion: `  ${opinion}  ` });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'RETURNED', reviewOpinion: opinion, availableActions: [], editable: false });

      const mine = (await t.http().get(`${BASE}/mine`).set(unit.headers)).body as UnitRegistrationView;
      expect(mine).toMatchObject({ status: 'RETURNED', statusLabel: '退回', reviewOpinion: opinion, editable: true, availableActions: ['resubmit'] });
      expect(mine.reviewedAt).toEqual(expect.any(String));
      expect(mine.trail.map((entry) => [entry.action, entry.fromStatus, entry.toStatus, entry.actor.role, entry.opinion])).toEqual([
        ['submit', null, 'PENDING', 'UNIT', null],
        ['return', 'PENDING', 'RETURNED', 'COUNTY_HRSS', opinion],
      ]);

      // A field problem on the flat body, and a code another unit holds: refused, nothing changes.
      const other = await register();
      const bad = await refused(() => t.http().put(`${BASE}/mine`).set(unit.headers).send({ ...edit, creditCode: withWrongCheck(edit.creditCode), contactPhone: 'x' }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(bad)).toEqual(['contactPhone', 'creditCode']);
      const taken = await refused(() => t.http().put(`${BASE}/mine`).set(unit.headers).send({ ...edit, creditCode: other.request.unit.creditCode }), 409, 'CREDIT_CODE_TAKEN');
      expect(fieldsOf(taken)).toEqual(['creditCode']);
      await refused(() => t.http().put(`${BASE}/mine`).set(unit.headers).send({ unit: edit }), 400, 'VALIDATION_FAILED');
      expect((await t.http().get(`${BASE}/mine`).set(unit.headers)).body).toMatchObject({ name: unit.view.name, creditCode: unit.view.creditCode });

      const fixed = await t.http().put(`${BASE}/mine`).set(unit.headers).send(edit);
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ status: 'RETURNED', name: edit.name, contactPhone: '0871-65999999', editable: true });

      const submittedBefore = new Date(mine.submittedAt).getTime();
      const resubmitted = await t.http().post(`${BASE}/mine/resubmit`).set(unit.headers);
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ status: 'PENDING', editable: false, availableActions: [] });
      expect(new Date(resubmitted.body.submittedAt as string).getTime()).toBeGreaterThan(submittedBefore);
      expect((await trailOf(unit.id)).at(-1)).toMatchObject({ action: 'resubmit', from_status: 'RETURNED', to_status: 'PENDING', actor_role: 'UNIT' });
      const queue = await t.http().get(BASE).query({ keyword: edit.name }).set(dongchengHrss);
      expect(queue.body.items).toEqual([expect.objectContaining({ id: unit.id, status: 'PENDING', name: edit.name })]);

      // Approved: no edit, no resubmit.
      expect((await t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss)).status).toBe(200);
      const approved = await refused(() => t.http().put(`${BASE}/mine`).set(unit.headers).send(edit), 409, 'UNIT_REGISTRATION_NOT_EDITABLE');
      expect(approved.currentStatus).toBe('APPROVED');
      await refused(() => t.http().post(`${BASE}/mine/resubmit`).set(unit.headers), 409, 'TRANSITION_NOT_ALLOWED');
      expect((await t.http().get(`${BASE}/mine`).set(unit.headers)).body).toMatchObject({ status: 'APPROVED', reviewOpinion: null, editable: false, availableActions: [] });
    });

    it('a returned unit that moves to another county goes to that county\'s queue, with its account', async () => {
      const unit = await register();
      await t.http().post(`${BASE}/${unit.id}/return`).set(dongchengHrss).send({ opinion: '所在区县选错了' });
      const moved = await t.http().put(`${BASE}/mine`).set(unit.headers).send(fieldsFor(unit.view, { countyId: xicheng }));
      expect(moved.body).toMatchObject({ county: { id: xicheng, name: '西城区' } });
      const [account] = await t.db.query<{ region_id: string }[]>(`SELECT region_id FROM users WHERE unit_id = $1`, [unit.id]);
      expect(account.region_id).toBe(xicheng);
      await t.http().post(`${BASE}/mine/resubmit`).set(unit.headers);
      expectProblem(await t.http().get(`${BASE}/${unit.id}`).set(dongchengHrss), 404, 'NOT_FOUND');
      expect((await t.http().get(`${BASE}/${unit.id}`).set(xichengHrss)).body).toMatchObject({ id: unit.id, availableActions: ['approve', 'return'] });
    });

    it('is the UNIT role\'s only: others get 403', async () => {
      for (const username of ['demo_applicant', 'dongcheng_hrss', 'admin']) {
        const headers = await t.bearer(username);
        expectProblem(await t.http().get(`${BASE}/mine`).set(headers), 403, 'FORBIDDEN');
        expectProblem(await t.http().post(`${BASE}/mine/resubmit`).set(headers), 403, 'FORBIDDEN');
      }
      for (const call of [t.http().get(`${BASE}/mine`), t.http().put(`${BASE}/mine`).send({}), t.http().post(`${BASE}/mine/resubmit`)]) {
        expectProblem(await call, 401, 'AUTH_REQUIRED');
      }
    });
  });

  describe('a unit awaiting approval', () => {
    it('follows only its own registration (domain §3.1): its menu, /me and the API say so until the county approves', async () => {
      const unit = await register();
      const me = async () => (await t.http().get('/api/v1/me').set(unit.headers)).body as { registrationStatus: string };
      expect(await me()).toMatchObject({ role: 'UNIT', registrationStatus: 'PENDING' });
      for (const path of ['/api/v1/persons/registrations', '/api/v1/dashboard', '/api/v1/units']) {
        expectProblem(await t.http().get(path).set(unit.headers), 403, 'FORBIDDEN');
      }
      await t.http().post(`${BASE}/${unit.id}/return`).set(dongchengHrss).send({ opinion: '营业执照不清晰' });
      expect(await me()).toMatchObject({ registrationStatus: 'RETURNED' });
      // The refusal says why in the unit's words; the permission's code is for integrators.
      const refusal = expectProblem(await t.http().get('/api/v1/persons/registrations').set(unit.headers), 403, 'FORBIDDEN');
      expect(refusal).toMatchObject({ detail: '注册尚未审核通过（当前为「退回」），审核通过后才能办理此项业务', requiredPermission: 'person.read' });
      expect((await t.http().get(`${BASE}/mine`).set(unit.headers)).body).toMatchObject({ status: 'RETURNED', availableActions: ['resubmit'] });

      await t.http().post(`${BASE}/mine/resubmit`).set(unit.headers);
      expect((await t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss)).status).toBe(200);
      // The same session: the next request already counts the unit as approved.
      expect(await me()).toMatchObject({ registrationStatus: 'APPROVED' });
      expect((await t.http().get('/api/v1/persons/registrations').set(unit.headers)).status).toBe(200);
      expect((await t.http().get('/api/v1/dashboard').set(unit.headers)).status).toBe(200);
    });
  });

  describe('the county review', () => {
    it('approve: 200, then the unit is offered in the picker; approving again is 409 with the current status', async () => {
      const unit = await register();
      const detail = await t.http().get(`${BASE}/${unit.id}`).set(dongchengHrss);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ id: unit.id, status: 'PENDING', editable: false, availableActions: ['approve', 'return'], account: { username: unit.request.account.username } });
      const approved = await t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', availableActions: [], reviewOpinion: null });
      expect(approved.body.reviewedAt).toEqual(expect.any(String));
      expect((await trailOf(unit.id)).at(-1)).toEqual({ action: 'approve', from_status: 'PENDING', to_status: 'APPROVED', actor_role: 'COUNTY_HRSS', opinion: null });

      const again = await refused(() => t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss), 409, 'TRANSITION_NOT_ALLOWED');
      expect(again.currentStatus).toBe('APPROVED');
      const returnAfter = await refused(() => t.http().post(`${BASE}/${unit.id}/return`).set(dongchengHrss).send({ opinion: '晚了' }), 409, 'TRANSITION_NOT_ALLOWED');
      expect(returnAfter.currentStatus).toBe('APPROVED');

      const picker = await t.http().get(PICKER).query({ keyword: unit.request.unit.name });
      expect((picker.body.items as UnitPickerItem[]).map((item) => item.id)).toEqual([unit.id]);
    });

    it('return: the opinion is required (missing, blank, too long → 400), exactly 500 characters are taken', async () => {
      const unit = await register();
      const send = (payload: unknown) => t.http().post(`${BASE}/${unit.id}/return`).set(dongchengHrss).send(payload as object);
      expect(fieldsOf(await refused(() => send({}), 400, 'VALIDATION_FAILED'))).toEqual(['opinion']);
      expect(fieldsOf(await refused(() => send({ opinion: '   \n ' }), 400, 'VALIDATION_FAILED'))).toEqual(['opinion']);
      expect(fieldsOf(await refused(() => send({ opinion: 42 }), 400, 'VALIDATION_FAILED'))).toEqual(['opinion']);
      expect(fieldsOf(await refused(() => send({ opinion: '意'.repeat(OPINION_MAX_LENGTH + 1) }), 400, 'VALIDATION_FAILED'))).toEqual(['opinion']);
      expect(fieldsOf(await refused(() => send({ opinion: '请补充', extra: 1 }), 400, 'VALIDATION_FAILED'))).toEqual(['extra']);
      expect(await statusOf(unit.id)).toBe('PENDING');
      const longest = await send({ opinion: '意'.repeat(OPINION_MAX_LENGTH) });
      expect(longest.status).toBe(200);
      expect(longest.body.reviewOpinion).toHaveLength(OPINION_MAX_LENGTH);
    });

    it('two reviewers approving at once: one 200, the other 409 STATUS_CHANGED with the current status', async () => {
      const unit = await register();
      const second = await t.bearer('dongcheng_hrss');
      const responses = await raceAtTheDatabase(t, 'units', [
        () => t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss),
        () => t.http().post(`${BASE}/${unit.id}/approve`).set(second),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(expectProblem(responses.find((r) => r.status === 409)!, 409, 'STATUS_CHANGED').currentStatus).toBe('APPROVED');
      expect((await trailOf(unit.id)).filter((row) => row.action === 'approve')).toHaveLength(1);
    });

    it('approve racing return: exactly one decision stands, and the trail holds only it', async () => {
      const unit = await register();
      const second = await t.bearer('dongcheng_hrss');
      const responses = await raceAtTheDatabase(t, 'units', [
        () => t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss),
        () => t.http().post(`${BASE}/${unit.id}/return`).set(second).send({ opinion: '请补充' }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!.body as UnitRegistrationView;
      const loser = expectProblem(responses.find((r) => r.status === 409)!, 409, 'STATUS_CHANGED');
      expect(loser.currentStatus).toBe(winner.status);
      expect(await statusOf(unit.id)).toBe(winner.status);
      expect((await trailOf(unit.id)).map((row) => row.action)).toEqual(['submit', winner.status === 'APPROVED' ? 'approve' : 'return']);
    });

    it("another county's HRSS: 404 for detail and decisions, exactly as for an id that does not exist; absent from its queue", async () => {
      const unit = await register();
      const foreign = await refused(() => t.http().get(`${BASE}/${unit.id}`).set(xichengHrss), 404, 'NOT_FOUND');
      const missing = await refused(() => t.http().get(`${BASE}/${randomUUID()}`).set(xichengHrss), 404, 'NOT_FOUND');
      expect(problemWithoutRequest(foreign)).toEqual(problemWithoutRequest(missing));
      const foreignApprove = await refused(() => t.http().post(`${BASE}/${unit.id}/approve`).set(xichengHrss), 404, 'NOT_FOUND');
      const missingApprove = await refused(() => t.http().post(`${BASE}/${randomUUID()}/approve`).set(xichengHrss), 404, 'NOT_FOUND');
      expect(problemWithoutRequest(foreignApprove)).toEqual(problemWithoutRequest(missingApprove));
      await refused(() => t.http().post(`${BASE}/${unit.id}/return`).set(xichengHrss).send({ opinion: '不是本区县' }), 404, 'NOT_FOUND');
      // A malformed id and a county's virtual unit: the same 404.
      expect(problemWithoutRequest(await refused(() => t.http().get(`${BASE}/not-an-id`).set(xichengHrss), 404, 'NOT_FOUND'))).toEqual(problemWithoutRequest(missing));
      await refused(() => t.http().get(`${BASE}/${virtualUnitId}`).set(dongchengHrss), 404, 'NOT_FOUND');
      await refused(() => t.http().post(`${BASE}/${virtualUnitId}/return`).set(dongchengHrss).send({ opinion: '虚拟单位' }), 404, 'NOT_FOUND');
      const ids = (await allItems<UnitRegistrationListItem>(t, xichengHrss, BASE, `keyword=${encodeURIComponent(unit.request.unit.name)}`)).map((item) => item.id);
      expect(ids).toEqual([]);
      expect(await statusOf(unit.id)).toBe('PENDING');
    });

    it('staff of the same county without the review permission (组织部), and city staff, see the unit but may not decide (403)', async () => {
      const unit = await register();
      for (const username of ['dongcheng_org', 'dongcheng_finance', 'city_hrss']) {
        const headers = await t.bearer(username);
        // They read units within their scope…
        expect({ username, status: (await t.http().get(`/api/v1/units/${unit.id}`).set(headers)).status }).toEqual({ username, status: 200 });
        // …but the review is the county HRSS's.
        await refused(() => t.http().post(`${BASE}/${unit.id}/approve`).set(headers), 403, 'FORBIDDEN');
        await refused(() => t.http().post(`${BASE}/${unit.id}/return`).set(headers).send({ opinion: '组织部退回' }), 403, 'FORBIDDEN');
        await refused(() => t.http().get(`${BASE}/${unit.id}`).set(headers), 403, 'FORBIDDEN');
        await refused(() => t.http().get(BASE).set(headers), 403, 'FORBIDDEN');
      }
      expect(await statusOf(unit.id)).toBe('PENDING');
    });

    it('every review route needs sign-in', async () => {
      const id = randomUUID();
      for (const call of [t.http().get(BASE), t.http().get(`${BASE}/${id}`), t.http().post(`${BASE}/${id}/approve`), t.http().post(`${BASE}/${id}/return`).send({ opinion: 'x' })]) {
        expectProblem(await call, 401, 'AUTH_REQUIRED');
      }
    });
  });

  describe('the queue', () => {
    const tag = `队列${RUN}`;
    let fixtures: Registered[];

    beforeAll(async () => {
      fixtures = [];
      for (let i = 0; i < 5; i++) fixtures.push(await register(body({ unit: { name: `${tag}单位${i}有限公司` } })));
      // Three submitted within one microsecond-exact instant: the id alone orders them.
      await t.db.query(`UPDATE units SET submitted_at = '2021-06-01T00:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [fixtures.slice(1, 4).map((f) => f.id)]);
      // 23:30 Beijing time on 2020-03-15 (15:30 UTC), and 00:30 on 2020-03-16 (16:30 UTC).
      await t.db.query(`UPDATE units SET submitted_at = '2020-03-15T15:30:00Z' WHERE id = $1`, [fixtures[0].id]);
      await t.db.query(`UPDATE units SET submitted_at = '2020-03-15T16:30:00Z' WHERE id = $1`, [fixtures[4].id]);
      await t.http().post(`${BASE}/${fixtures[2].id}/return`).set(dongchengHrss).send({ opinion: '请补充' });
      await t.http().post(`${BASE}/${fixtures[3].id}/approve`).set(dongchengHrss);
    });

    it('pages with a keyset cursor, newest submission first, without overlap or gap', async () => {
      const pages = await allPages<UnitRegistrationListItem>(t, dongchengHrss, BASE, `keyword=${encodeURIComponent(tag)}&limit=2`);
      expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
      const items = pages.flatMap((page) => page.items);
      const ids = items.map((item) => item.id);
      expect(new Set(ids).size).toBe(5);
      const sameInstant = fixtures.slice(1, 4).map((f) => f.id).sort().reverse();
      expect(ids).toEqual([...sameInstant, fixtures[4].id, fixtures[0].id]);
      expect(Object.keys(items[0]).sort()).toEqual(['contactPerson', 'county', 'creditCode', 'id', 'name', 'reviewedAt', 'status', 'statusLabel', 'submittedAt']);
      expect(items[0]).toMatchObject({ name: expect.stringContaining(tag), county: { id: dongcheng, name: '东城区' }, submittedAt: '2021-06-01T00:00:00.123Z' });
      // Every page size gives the same rows.
      for (const limit of [1, 3, 100]) {
        expect((await allItems<UnitRegistrationListItem>(t, dongchengHrss, BASE, `keyword=${encodeURIComponent(tag)}&limit=${limit}`)).map((item) => item.id)).toEqual(ids);
      }
    });

    it('filters by status, by name or credit code, and by the day of submission (Beijing time)', async () => {
      const idsOf = async (query: Record<string, string>) =>
        (await allItems<UnitRegistrationListItem>(t, dongchengHrss, BASE, new URLSearchParams(query).toString())).map((item) => item.id);
      expect(await idsOf({ keyword: tag, status: 'RETURNED' })).toEqual([fixtures[2].id]);
      expect(await idsOf({ keyword: tag, status: 'APPROVED' })).toEqual([fixtures[3].id]);
      expect((await idsOf({ keyword: tag, status: 'PENDING' })).sort()).toEqual([fixtures[0].id, fixtures[1].id, fixtures[4].id].sort());
      // The code, whole, in lower case, or a part of it.
      const code = fixtures[1].request.unit.creditCode;
      expect(await idsOf({ keyword: code })).toEqual([fixtures[1].id]);
      expect(await idsOf({ keyword: code.toLowerCase() })).toEqual([fixtures[1].id]);
      expect(await idsOf({ keyword: code.slice(6) })).toEqual([fixtures[1].id]);
      expect(await idsOf({ keyword: `${tag}单位3` })).toEqual([fixtures[3].id]);
      // The day boundary is Beijing midnight.
      expect(await idsOf({ keyword: tag, submittedFrom: '2020-03-15', submittedTo: '2020-03-15' })).toEqual([fixtures[0].id]);
      expect(await idsOf({ keyword: tag, submittedFrom: '2020-03-16', submittedTo: '2020-03-16' })).toEqual([fixtures[4].id]);
      expect(await idsOf({ keyword: tag, submittedTo: '2020-03-14' })).toEqual([]);
      expect((await idsOf({ keyword: tag, submittedFrom: '2021-06-01' })).length).toBe(3);
      expect(await idsOf({ keyword: tag, submittedFrom: shanghaiDay() })).toEqual([]);
      // Pattern characters are plain text.
      expect(await idsOf({ keyword: '%' })).toEqual([]);
      expect(await idsOf({ keyword: '_' })).toEqual([]);
    });

    it('refuses a tampered cursor and bad filters with 400 naming the field', async () => {
      const [firstPage] = await allPages<UnitRegistrationListItem>(t, dongchengHrss, BASE, `keyword=${encodeURIComponent(tag)}&limit=2`);
      const cursor = firstPage.nextCursor!;
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
      const tampered = [
        'garbage!',
        cursor.slice(0, -3),
        Buffer.from(JSON.stringify([decoded[0], 'not-a-uuid'])).toString('base64url'),
        Buffer.from(JSON.stringify(['yesterday', decoded[1]])).toString('base64url'),
        Buffer.from(JSON.stringify(['2021-13-45T99:00:00Z', decoded[1]])).toString('base64url'),
        Buffer.from(JSON.stringify([decoded[0], decoded[1], 'x'])).toString('base64url'),
        Buffer.from(JSON.stringify({ sort: decoded[0] })).toString('base64url'),
        Buffer.from("'; DROP TABLE units; --").toString('base64url'),
        'a'.repeat(2000),
      ];
      for (const bad of tampered) {
        const problem = expectProblem(await t.http().get(BASE).query({ cursor: bad }).set(dongchengHrss), 400, 'VALIDATION_FAILED');
        expect({ bad, fields: fieldsOf(problem) }).toEqual({ bad, fields: ['cursor'] });
      }
      for (const [query, field] of [
        [{ status: 'DRAFT' }, 'status'],
        [{ status: 'approved' }, 'status'],
        [{ submittedFrom: '2026-02-30' }, 'submittedFrom'],
        [{ submittedTo: '2026/01/01' }, 'submittedTo'],
        [{ submittedFrom: '0000-01-01' }, 'submittedFrom'],
        [{ limit: '101' }, 'limit'],
        [{ limit: '0' }, 'limit'],
        [{ keyword: 'x'.repeat(65) }, 'keyword'],
        [{ countyId: xicheng }, 'countyId'],
      ] as [Record<string, string>, string][]) {
        expect(fieldsOf(expectProblem(await t.http().get(BASE).query(query).set(dongchengHrss), 400, 'VALIDATION_FAILED'))).toEqual([field]);
      }
      const reversed = expectProblem(await t.http().get(BASE).query({ submittedFrom: '2026-02-01', submittedTo: '2026-01-01' }).set(dongchengHrss), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(reversed)).toEqual(['submittedFrom', 'submittedTo']);
    });

    it("holds only the reviewer's county, and no virtual unit", async () => {
      const items = await allItems<UnitRegistrationListItem>(t, dongchengHrss, BASE, 'limit=100');
      expect(items.every((item) => item.county.id === dongcheng)).toBe(true);
      expect(items.map((item) => item.id)).not.toContain(virtualUnitId);
      const xichengItems = await allItems<UnitRegistrationListItem>(t, xichengHrss, BASE, `keyword=${encodeURIComponent(tag)}`);
      expect(xichengItems).toEqual([]);
    });
  });

  describe('the status table, row by row', () => {
    type Call = (unit: Registered, reviewer: Headers) => PromiseLike<Response>;
    const ROUTE_OF: Record<string, { actor: 'owner' | 'reviewer'; call: Call }> = {
      approve: { actor: 'reviewer', call: (unit, reviewer) => t.http().post(`${BASE}/${unit.id}/approve`).set(reviewer) },
      return: { actor: 'reviewer', call: (unit, reviewer) => t.http().post(`${BASE}/${unit.id}/return`).set(reviewer).send({ opinion: '请补充材料' }) },
      resubmit: { actor: 'owner', call: (unit) => t.http().post(`${BASE}/mine/resubmit`).set(unit.headers) },
    };
    // Units are never drafts (the table's check constraint); the statuses a unit can be in.
    const UNIT_STATUSES = REGISTRATION_STATUSES.filter((status) => status !== 'DRAFT');

    it('covers every action of the table', () => {
      expect(Object.keys(ROUTE_OF).sort()).toEqual([...new Set(UNIT_REGISTRATION_TRANSITIONS.map((row) => row.action))].sort());
    });

    it.each(UNIT_REGISTRATION_TRANSITIONS.map((row) => [`${row.from} --${row.action}--> ${row.to}`, row] as const))('%s: allowed', async (_name, row) => {
      const unit = await register();
      await setStatus(unit.id, row.from);
      const before = (await counts()).trail;
      const response = await ROUTE_OF[row.action].call(unit, dongchengHrss);
      expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 200, body: { status: row.to } });
      expect(await statusOf(unit.id)).toBe(row.to);
      expect((await trailOf(unit.id)).at(-1)).toMatchObject({ action: row.action, from_status: row.from, to_status: row.to });
      expect((await counts()).trail).toBe(before + 1);
    });

    it.each(UNIT_REGISTRATION_TRANSITIONS.map((row) => [`${row.action} from ${row.from}`, row] as const))('%s: the wrong role is refused (403), nothing moves', async (_name, row) => {
      const unit = await register();
      await setStatus(unit.id, row.from);
      // The unit may not review itself; a reviewer has no registration of its own to resubmit.
      const response =
        ROUTE_OF[row.action].actor === 'reviewer'
          ? () => t.http().post(`${BASE}/${unit.id}/${row.action}`).set(unit.headers).send({ opinion: '自己审核' })
          : () => t.http().post(`${BASE}/mine/resubmit`).set(dongchengHrss);
      await refused(response, 403, 'FORBIDDEN');
      expect(await statusOf(unit.id)).toBe(row.from);
    });

    const wrongStatusCases = [...new Set(UNIT_REGISTRATION_TRANSITIONS.map((row) => row.action))].flatMap((action) =>
      UNIT_STATUSES.filter((status) => !UNIT_REGISTRATION_TRANSITIONS.some((row) => row.action === action && row.from === status)).map(
        (status) => [`${action} from ${status}`, action, status] as const,
      ),
    );

    it.each(wrongStatusCases)('%s: the wrong status is refused (409 with the current status), nothing moves', async (_name, action, status) => {
      const unit = await register();
      await setStatus(unit.id, status);
      const problem = await refused(() => ROUTE_OF[action].call(unit, dongchengHrss), 409, 'TRANSITION_NOT_ALLOWED');
      expect(problem.currentStatus).toBe(status);
      expect(await statusOf(unit.id)).toBe(status);
    });
  });

  describe('the public picker', () => {
    const tag = `选择器${RUN}`;
    let approved: Registered[];
    let xichengApproved: Registered;
    let pending: Registered;
    let returned: Registered;

    beforeAll(async () => {
      approved = [];
      for (let i = 0; i < 4; i++) {
        const unit = await register(body({ unit: { name: `${tag}甲${i}科技有限公司` } }));
        await t.http().post(`${BASE}/${unit.id}/approve`).set(dongchengHrss);
        approved.push(unit);
      }
      xichengApproved = await register(body({ unit: { name: `${tag}西城有限公司`, countyId: xicheng } }));
      await t.http().post(`${BASE}/${xichengApproved.id}/approve`).set(xichengHrss);
      pending = await register(body({ unit: { name: `${tag}待审核有限公司` } }));
      returned = await register(body({ unit: { name: `${tag}退回有限公司` } }));
      await t.http().post(`${BASE}/${returned.id}/return`).set(dongchengHrss).send({ opinion: '请补充' });
    });

    const pickerIds = async (query: Record<string, string>) =>
      (await allItems<UnitPickerItem>(t, {}, PICKER, new URLSearchParams(query).toString())).map((item) => item.id);

    it('needs no sign-in and offers only approved units that are not virtual, by name', async () => {
      const ids = await pickerIds({ keyword: tag });
      // In the database's own collation, name then id.
      const expected = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [
        [...approved, xichengApproved].map((unit) => unit.id),
      ]);
      expect(ids).toEqual(expected.map((row) => row.id));
      expect(ids).not.toContain(pending.id);
      expect(ids).not.toContain(returned.id);
      const virtualIds = (await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE is_virtual`)).map((row) => row.id);
      const everything = await pickerIds({ limit: '100' });
      expect(everything.filter((id) => virtualIds.includes(id))).toEqual([]);
      const [{ n }] = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM units WHERE status = 'APPROVED' AND NOT is_virtual`);
      expect(everything).toHaveLength(n);
    });

    it('returns only id, name, credit code and county: no phone, address, contact or account', async () => {
      const response = await t.http().get(PICKER).query({ keyword: approved[0].request.unit.name });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body as object).sort()).toEqual(['items', 'nextCursor']);
      const [item] = response.body.items as UnitPickerItem[];
      expect(Object.keys(item).sort()).toEqual(['county', 'creditCode', 'id', 'name']);
      expect(Object.keys(item.county).sort()).toEqual(['id', 'name']);
      expect(item).toEqual({ id: approved[0].id, name: approved[0].request.unit.name, creditCode: approved[0].request.unit.creditCode, county: { id: dongcheng, name: '东城区' } });
      for (const secret of [approved[0].request.unit.contactPhone, approved[0].request.unit.address, approved[0].request.unit.contactPerson, approved[0].request.account.username, approved[0].request.account.phone]) {
        expect(response.text).not.toContain(secret);
      }
    });

    it('finds by part of the name or by the start of the credit code, and filters by county', async () => {
      expect(await pickerIds({ keyword: `${tag}甲2` })).toEqual([approved[2].id]);
      const code = approved[1].request.unit.creditCode;
      expect(await pickerIds({ keyword: code })).toEqual([approved[1].id]);
      expect(await pickerIds({ keyword: code.slice(0, 12).toLowerCase() })).toEqual([approved[1].id]);
      // The middle of a code is no prefix.
      expect(await pickerIds({ keyword: code.slice(8) })).toEqual([]);
      expect(await pickerIds({ keyword: tag, countyId: xicheng })).toEqual([xichengApproved.id]);
      expect((await pickerIds({ keyword: tag, countyId: dongcheng })).sort()).toEqual(approved.map((unit) => unit.id).sort());
      expect(await pickerIds({ keyword: tag, countyId: randomUUID() })).toEqual([]);
      expect(await pickerIds({ keyword: '%' })).toEqual([]);
      expectProblem(await t.http().get(PICKER).query({ countyId: 'dongcheng' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get(PICKER).query({ keyword: 'x'.repeat(65) }), 400, 'VALIDATION_FAILED');
    });

    it('pages by name with a keyset cursor, without overlap; a tampered cursor is 400', async () => {
      const pages = await allPages<UnitPickerItem>(t, {}, PICKER, `keyword=${encodeURIComponent(tag)}&limit=2`);
      expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
      const ids = pages.flatMap((page) => page.items.map((item) => item.id));
      expect(new Set(ids).size).toBe(5);
      expect(ids).toEqual(await pickerIds({ keyword: tag }));
      for (const cursor of ['!!', Buffer.from(JSON.stringify(['名称', 'x'])).toString('base64url'), Buffer.from(JSON.stringify(['a\u0000', randomUUID()])).toString('base64url')]) {
        expect(fieldsOf(expectProblem(await t.http().get(PICKER).query({ cursor }), 400, 'VALIDATION_FAILED'))).toEqual(['cursor']);
      }
    });
  });
});

describe('the public unit routes are rate-limited per client', () => {
  let t: TestApp;
  const LIMIT = 4;

  beforeAll(async () => {
    // One proxy hop in front, so that X-Forwarded-For names the client (as nginx does in compose).
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_IP: String(LIMIT), TRUST_PROXY: '1' });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it(`refuses the picker after ${LIMIT} requests a minute from one client (429, Retry-After), not another client`, async () => {
    const from = (client: string) => t.http().get(PICKER).set('X-Forwarded-For', client);
    for (let i = 0; i < LIMIT; i++) expect((await from('203.0.113.10')).status).toBe(200);
    const refusedPick = await from('203.0.113.10');
    expectProblem(refusedPick, 429, 'RATE_LIMITED');
    const retryAfter = Number(refusedPick.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refusedPick.body).not.toHaveProperty('items');
    // The registration and the county list share the client's budget; another client has its own.
    expectProblem(await t.http().get('/api/v1/units/counties').set('X-Forwarded-For', '203.0.113.10'), 429, 'RATE_LIMITED');
    expectProblem(await t.http().post(BASE).set('X-Forwarded-For', '203.0.113.10').send({}), 429, 'RATE_LIMITED');
    expect((await from('203.0.113.11')).status).toBe(200);
  });
});

describe('the date filters of the queue count days in BUSINESS_TIME_ZONE', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BUSINESS_TIME_ZONE: 'UTC' });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('with UTC, 16:30 UTC on 2020-03-15 is still that day (in Beijing it is the 16th)', async () => {
    const [county] = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE code = 'dongcheng'`);
    const name = `时区测试${RUN}有限公司`;
    const [unit] = await t.db.query<{ id: string }[]>(
      `INSERT INTO units (name, credit_code, county_id, status, address, contact_person, contact_phone, submitted_at)
       VALUES ($1, $2, $3, 'PENDING', '测试路 1 号', '周明', '0871-65123456', '2020-03-15T16:30:00Z') RETURNING id`,
      [name, creditCode(), county.id],
    );
    const hrss = await t.bearer('dongcheng_hrss');
    const day = async (date: string) =>
      ((await t.http().get(BASE).query({ keyword: name, submittedFrom: date, submittedTo: date }).set(hrss)).body.items as { id: string }[]).map((item) => item.id);
    expect(await day('2020-03-15')).toEqual([unit.id]);
    expect(await day('2020-03-16')).toEqual([]);
  });
});
