import { createHash, randomUUID } from 'node:crypto';
import {
  AUDIENCE_PERMISSIONS,
  PERSON_REGISTRATION_TRANSITIONS,
  REGISTRATION_STATUSES,
  readResidentId,
  residentIdCheckChar,
  type CreatePersonRegistrationRequest,
  type PersonRegistrationView,
  type RegistrationStatus,
  type SessionTokens,
} from '@butie/contracts';
import { collectRoutes } from '../src/common/openapi/route-catalogue.js';
import { expectProblem } from './support/problem.js';
import { raceAtTheDatabase } from './support/race.js';
import { PHONE_CODE_PLACEHOLDER, withPhoneCode } from './support/registration-code.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const BASE = '/api/v1/persons/registrations';
const PASSWORD = 'Graduate@2026';

let serial = 0;

/** A resident ID born on `birthDate` whose sequence digit gives `gender`; distinct for seq below 10 000 (9000 and up: fixed cases, never a serial). */
function residentId(birthDate: string, gender: 'MALE' | 'FEMALE', seq: number): string {
  const third = gender === 'MALE' ? 1 : 2;
  const area = `5301${String(Math.floor(seq / 100) % 100).padStart(2, '0')}`;
  const body = `${area}${birthDate.replaceAll('-', '')}${String(seq % 100).padStart(2, '0')}${third}`;
  return body + residentIdCheckChar(body);
}

describe('person registration (个人注册 → 单位审核)', () => {
  let t: TestApp;
  let demoUnitId: string;
  let virtualUnitId: string;
  let pendingUnitId: string;
  let otherUnitId: string;
  let unitHeaders: { Authorization: string };

  /** A complete, valid request; every call uses a fresh username, phone and ID number. */
  function body(overrides: { account?: object; basic?: object; agreedToNotice?: unknown } = {}): CreatePersonRegistrationRequest {
    serial++;
    const n = serial;
    return {
      account: { username: `grad_${n}_${process.pid % 1000}`, password: PASSWORD, fullName: `毕业生${n}`, phone: `1590000${String(n).padStart(4, '0')}`, phoneCode: PHONE_CODE_PLACEHOLDER, email: `grad${n}@example.com`, ...overrides.account },
      basic: {
        idType: 'RESIDENT_ID',
        idNumber: residentId('1998-05-20', 'MALE', n),
        birthDate: '1998-05-20',
        gender: 'MALE',
        school: '云州大学',
        major: '软件工程',
        education: 'BACHELOR',
        degree: 'BACHELOR',
        ethnicity: '汉族',
        selfEmployed: false,
        unitId: demoUnitId,
        ...overrides.basic,
      },
      agreedToNotice: (overrides.agreedToNotice ?? true) as true,
    };
  }

  async function counts(): Promise<{ users: number; persons: number; trail: number; operations: number }> {
    const [row] = await t.db.query<{ users: number; persons: number; trail: number; operations: number }[]>(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM status_trail) AS trail,
              (SELECT count(*)::int FROM operation_logs) AS operations`,);
    return row;
  }

  /** Posts a registration that must be refused, and checks that the database holds nothing new. */
  async function refused(request: object, status: number, code: string): Promise<Record<string, unknown>> {
    const before = await counts();
    const response = await t.http().post(BASE).send(await withPhoneCode(t, request));
    const problem = expectProblem(response, status, code);
    expect(await counts()).toEqual(before);
    return problem;
  }

  const fieldsOf = (problem: Record<string, unknown>) => ((problem.errors ?? []) as { field: string }[]).map((error) => error.field);

  async function register(request = body()): Promise<{ tokens: SessionTokens; headers: { Authorization: string }; id: string; request: CreatePersonRegistrationRequest }> {
    const response = await t.http().post(BASE).send(await withPhoneCode(t, request));
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    const tokens = response.body as SessionTokens;
    return { tokens, headers: { Authorization: `Bearer ${tokens.accessToken}` }, id: tokens.user.id, request };
  }

  async function setStatus(id: string, status: RegistrationStatus): Promise<void> {
    await t.db.query(`UPDATE persons SET registration_status = $2::text, submitted_at = CASE WHEN $2::text = 'DRAFT' THEN NULL ELSE now() END WHERE user_id = $1`, [id, status]);
  }

  async function statusOf(id: string): Promise<RegistrationStatus> {
    const [row] = await t.db.query<{ registration_status: RegistrationStatus }[]>(`SELECT registration_status FROM persons WHERE user_id = $1`, [id]);
    return row.registration_status;
  }

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: demoUnitId }] = await t.db.query<{ id: string }[]>(`SELECT unit_id AS id FROM users WHERE username = 'demo_unit'`);
    [{ id: virtualUnitId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE is_virtual LIMIT 1`);
    const [county] = await t.db.query<{ county_id: string }[]>(`SELECT county_id FROM units WHERE id = $1`, [demoUnitId]);
    [{ id: pendingUnitId }] = await t.db.query<{ id: string }[]>(
      `INSERT INTO units (name, credit_code, county_id, status) VALUES ('待审核测试单位', '91530100TEST00001X', $1, 'PENDING') RETURNING id`,
      [county.county_id],);
    // A second approved unit in another county, with its own unit account (the demo unit's password).
    const [otherCounty] = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE level = 'COUNTY' AND id <> $1 ORDER BY code LIMIT 1`, [county.county_id]);
    [{ id: otherUnitId }] = await t.db.query<{ id: string }[]>(
      `INSERT INTO units (name, credit_code, county_id, status) VALUES ('另一家测试单位', '91530100TEST00002X', $1, 'APPROVED') RETURNING id`,
      [otherCounty.id],);
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, phone, role, region_id, unit_id)
       SELECT 'other_unit', password_hash, '另一单位审核员', '13711112222', 'UNIT', $1, $2 FROM users WHERE username = 'demo_unit'`,
      [otherCounty.id, otherUnitId],
    );
    unitHeaders = await t.bearer('demo_unit');
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  describe('POST /persons/registrations (public)', () => {
    it('creates the applicant and a DRAFT registration, and answers like a sign-in', async () => {
      const request = body({ basic: { idNumber: residentId('1998-05-20', 'MALE', 9090).toLowerCase().replace(/x$/, 'x') } });
      const before = await counts();
      const { tokens, headers, id } = await register(request);
      expect(tokens).toMatchObject({ tokenType: 'Bearer', user: { role: 'APPLICANT', username: request.account.username, registrationStatus: 'DRAFT' } });
      expect(tokens.refreshToken).toEqual(expect.any(String));
      expect(await counts()).toEqual({ ...before, users: before.users + 1, persons: before.persons + 1, operations: before.operations + 1 });
      const [row] = await t.db.query<Record<string, string>[]>(`SELECT id_number, registration_status, unit_id FROM persons WHERE user_id = $1`, [id]);
      expect(row).toEqual({ id_number: request.basic.idNumber.toUpperCase(), registration_status: 'DRAFT', unit_id: demoUnitId });

      const mine = await t.http().get(`${BASE}/mine`).set(headers);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        id,
        status: 'DRAFT',
        statusLabel: '未上报',
        editable: true,
        availableActions: ['submit'],
        account: { username: request.account.username, fullName: request.account.fullName, phone: request.account.phone },
        basic: { idType: 'RESIDENT_ID', idTypeLabel: '居民身份证', birthDate: '1998-05-20', gender: 'MALE', educationLabel: '本科' },
        unit: { id: demoUnitId },
        trail: [],
        materials: [],
      });
      // The new account signs in with its password too.
      await expect(t.login(request.account.username, PASSWORD)).resolves.toMatchObject({ user: { id } });
    });

    it('takes an e-mail left out, and the other ID types by their own formats', async () => {
      const noEmail = body();
      delete (noEmail.account as { email?: string }).email;
      await register(noEmail);
      for (const [idType, idNumber] of [
        ['HK_MACAO_PASS', `H${String(10_000_000 + serial)}`],
        ['TAIWAN_PASS', String(20_000_000 + serial)],
        ['PASSPORT', `E${String(30_000_000 + serial)}`],
        ['FOREIGNER_PERMANENT_ID', `USA${String(100_000_000_000 + serial)}`],
      ]) {
        // No birth date or gender in these numbers: the form's values stand.
        await register(body({ basic: { idType, idNumber, birthDate: '1990-01-01', gender: 'FEMALE' } }));
      }
    });

    it('requires the user notice to be agreed', async () => {
      expect(fieldsOf(await refused(body({ agreedToNotice: false }), 400, 'VALIDATION_FAILED'))).toEqual(['agreedToNotice']);
      const { agreedToNotice: _, ...without } = body();
      expect(fieldsOf(await refused(without, 400, 'VALIDATION_FAILED'))).toEqual(['agreedToNotice']);
    });

    it('refuses a wrong check digit, a date that does not exist, and wrong formats of the other ID types', async () => {
      const good = residentId('1998-05-20', 'MALE', 9050);
      const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const problem = await refused(body({ basic: { idNumber: wrongCheck } }), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field: 'basic.idNumber', message: expect.stringContaining('校验位') }]);
      for (const [idType, idNumber] of [
        ['HK_MACAO_RESIDENCE_PERMIT', good],
        ['HK_MACAO_PASS', 'X12345678'],
        ['TAIWAN_PASS', '1234567'],
        ['PASSPORT', 'E1'],
        ['FOREIGNER_PERMANENT_ID', 'US123'],
      ]) {
        expect(fieldsOf(await refused(body({ basic: { idType, idNumber } }), 400, 'VALIDATION_FAILED'))).toEqual(['basic.idNumber']);
      }
    });

    it('names every field problem at once: birth date and gender against the ID, the unit, the password', async () => {
      const problem = await refused(
        body({ basic: { idNumber: residentId('1998-05-20', 'MALE', 9051), birthDate: '1998-05-21', gender: 'FEMALE', unitId: virtualUnitId }, account: { password: 'short' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(problem)).toEqual(expect.arrayContaining(['basic.birthDate', 'basic.gender', 'basic.unitId', 'account.password']));
      expect(JSON.stringify(problem.errors)).toContain('1998-05-20');
    });

    it('names every format problem of the form at once (phone, e-mail, username, enums)', async () => {
      const problem = await refused(
        body({ account: { phone: '12345', email: 'not-an-email', username: '_x' }, basic: { education: 'PRIMARY', ethnicity: '火星族', birthDate: '1998-02-30' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(problem).sort()).toEqual(['account.email', 'account.phone', 'account.username', 'basic.birthDate', 'basic.education', 'basic.ethnicity'].sort());
    });

    it('takes only an approved unit that is not a virtual one', async () => {
      for (const unitId of [virtualUnitId, pendingUnitId, randomUUID()]) {
        const problem = await refused(body({ basic: { unitId } }), 400, 'VALIDATION_FAILED');
        expect(problem.errors).toEqual([{ field: 'basic.unitId', message: expect.stringContaining('审核通过') }]);
      }
      expect(fieldsOf(await refused(body({ basic: { unitId: 'not-a-uuid' } }), 400, 'VALIDATION_FAILED'))).toEqual(['basic.unitId']);
    });

    it('applies the password rules of domain §4', async () => {
      for (const password of ['abcdefgh', 'Ab1!', 'a'.repeat(65) + 'A1']) {
        const problem = await refused(body({ account: { password } }), 400, 'PASSWORD_POLICY');
        expect(fieldsOf(problem)).toContain('account.password');
      }
    });

    it('refuses unknown fields and a body that is not the form', async () => {
      expect(fieldsOf(await refused({ ...body(), role: 'ADMIN' }, 400, 'VALIDATION_FAILED'))).toContain('role');
      expect(fieldsOf(await refused({ ...body(), basic: { ...body().basic, registrationStatus: 'APPROVED' } }, 400, 'VALIDATION_FAILED'))).toContain('basic.registrationStatus');
      await refused({}, 400, 'VALIDATION_FAILED');
      await refused({ ...body(), account: 'x' }, 400, 'VALIDATION_FAILED');
    });

    it('keeps username, phone and ID number unique, naming the clash without saying whose it is', async () => {
      const first = await register();
      // A number is held once its registration was reported to the unit (a draft holds nothing).
      expect((await t.http().post(`${BASE}/mine/submit`).set(first.headers)).status).toBe(200);
      const holderName = first.request.account.fullName;

      const sameName = await refused(body({ account: { username: first.request.account.username.toUpperCase() } }), 409, 'USERNAME_TAKEN');
      expect(fieldsOf(sameName)).toEqual(['account.username']);
      const samePhone = await refused(body({ account: { phone: first.request.account.phone } }), 409, 'PHONE_TAKEN');
      expect(fieldsOf(samePhone)).toEqual(['account.phone']);
      // The same number with a lower-case x, or the same person again.
      const sameId = await refused(body({ basic: { idNumber: first.request.basic.idNumber.toLowerCase() } }), 409, 'ID_NUMBER_TAKEN');
      expect(fieldsOf(sameId)).toEqual(['basic.idNumber']);
      // The demo applicant's own number (an approved person).
      const [demo] = await t.db.query<{
        id_number: string;
        birth: string;
      }[]>(`SELECT p.id_number, to_char(p.birth_date, 'YYYY-MM-DD') AS birth FROM persons p JOIN users u ON u.id = p.user_id WHERE u.username = 'demo_applicant'`);
      await refused(body({ basic: { idNumber: demo.id_number, birthDate: demo.birth, gender: 'FEMALE' } }), 409, 'ID_NUMBER_TAKEN');
      // Username and ID both taken: both named in one answer.
      const both = await refused(body({ account: { username: first.request.account.username }, basic: { idNumber: first.request.basic.idNumber } }), 409, 'USERNAME_TAKEN');
      expect(fieldsOf(both).sort()).toEqual(['account.username', 'basic.idNumber']);
      for (const problem of [sameName, samePhone, sameId, both]) {
        expect(JSON.stringify(problem)).not.toContain(holderName);
        expect(JSON.stringify(problem)).not.toContain(first.id);
      }
    });

    it('a draft holds no ID number: a stranger\'s unreported draft does not lock the real holder out', async () => {
      const squatter = await register();
      const holder = await register(body({ basic: { idNumber: squatter.request.basic.idNumber } }));
      expect((await t.http().post(`${BASE}/mine/submit`).set(holder.headers)).status).toBe(200);
      // Now the number is held: the draft cannot report it.
      const late = await t.http().post(`${BASE}/mine/submit`).set(squatter.headers);
      expect(fieldsOf(expectProblem(late, 409, 'ID_NUMBER_TAKEN'))).toEqual(['basic.idNumber']);
      expect(await statusOf(squatter.id)).toBe('DRAFT');
    });

    it('two drafts with one ID number reported at once: one 待审核, the other 409', async () => {
      const a = await register();
      const b = await register(body({ basic: { idNumber: a.request.basic.idNumber } }));
      const responses = await raceAtTheDatabase(t, 'persons', [
        () => t.http().post(`${BASE}/mine/submit`).set(a.headers),
        () => t.http().post(`${BASE}/mine/submit`).set(b.headers),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expectProblem(responses.find((r) => r.status === 409)!, 409, 'ID_NUMBER_TAKEN');
      expect([await statusOf(a.id), await statusOf(b.id)].sort()).toEqual(['DRAFT', 'PENDING']);
    });

    it('is in the OpenAPI document with its problems', async () => {
      const doc = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      const post = doc.paths['/api/v1/persons/registrations'].post;
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '429']));
    });
  });

  describe('the pending account', () => {
    it('sees only its registration; after approval the applicant audience', async () => {
      const { headers, id, request } = await register();
      expect((await t.http().get('/api/v1/me').set(headers)).body.registrationStatus).toBe('DRAFT');
      for (const path of ['/api/v1/units', BASE, `${BASE}/${id}`, '/api/v1/regions']) {
        expectProblem(await t.http().get(path).set(headers), 403, 'FORBIDDEN');
      }
      // Routes the applicant audience opens and the pending one does not (whichever exist now).
      const widened = collectRoutes(t.app).filter(
        (route) =>
          route.method === 'GET' &&
          !route.path.includes(':') &&
          route.permission !== null &&
          AUDIENCE_PERMISSIONS.APPLICANT.includes(route.permission) &&
          !AUDIENCE_PERMISSIONS.APPLICANT_PENDING.includes(route.permission),
      );
      for (const route of widened) expectProblem(await t.http().get(route.path).set(headers), 403, 'FORBIDDEN');

      expect((await t.http().post(`${BASE}/mine/submit`).set(headers)).status).toBe(200);
      expect((await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders)).status).toBe(200);
      const fresh = await t.login(request.account.username, PASSWORD);
      expect(fresh.user.registrationStatus).toBe('APPROVED');
      // The same session sees the wider audience at once: the status is loaded with every request.
      expect((await t.http().get('/api/v1/me').set(headers)).body.registrationStatus).toBe('APPROVED');
      for (const route of widened) expect({ route: route.route, status: (await t.http().get(route.path).set(headers)).status }).not.toEqual({ route: route.route, status: 403 });
      expect((await t.http().get(`${BASE}/mine`).set(headers)).body).toMatchObject({ status: 'APPROVED', editable: true, availableActions: [] });
    });
  });

  describe('the whole flow: submit, return with opinion, fix, resubmit, approve, change identity', () => {
    it('walks through as the users would', async () => {
      const { headers, id, request } = await register();
      const submit = await t.http().post(`${BASE}/mine/submit`).set(headers);
      expect(submit.status).toBe(200);
      expect(submit.body).toMatchObject({ status: 'PENDING', editable: false, availableActions: [] });
      expect(submit.body.submittedAt).toEqual(expect.any(String));

      // Under review: no edit, no second submit.
      const edit = { account: { fullName: request.account.fullName }, basic: { ...request.basic, school: '云州理工学院' } };
      expectProblem(await t.http().put(`${BASE}/mine`).set(headers).send(edit), 409, 'REGISTRATION_NOT_EDITABLE');
      expectProblem(await t.http().post(`${BASE}/mine/submit`).set(headers), 409, 'TRANSITION_NOT_ALLOWED');

      // The unit's queue: masked; the detail: in full, with the buttons.
      const queue = await t.http().get(BASE).query({ keyword: request.account.fullName }).set(unitHeaders);
      expect(queue.status).toBe(200);
      expect(queue.body.items).toHaveLength(1);
      expect(queue.body.items[0]).toMatchObject({ id, fullName: request.account.fullName, status: 'PENDING', statusLabel: '待审核' });
      expect(queue.body.items[0].idNumberMasked).toMatch(/^5301\*{10}\w{4}$/);
      expect(queue.body.items[0].phoneMasked).toMatch(/^159\*{4}\d{4}$/);
      expect(JSON.stringify(queue.body)).not.toContain(request.basic.idNumber);
      const detail = await t.http().get(`${BASE}/${id}`).set(unitHeaders);
      expect(detail.body).toMatchObject({ id, basic: { idNumber: request.basic.idNumber }, availableActions: ['approve', 'return'], materials: [] });

      // Return: an opinion is required.
      const before = await counts();
      expect(fieldsOf(expectProblem(await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({}), 400, 'VALIDATION_FAILED'))).toEqual(['opinion']);
      expect(fieldsOf(expectProblem(await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({ opinion: '   ' }), 400, 'VALIDATION_FAILED'))).toEqual(['opinion']);
      expectProblem(await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({ opinion: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED');
      expect(await counts()).toEqual(before);
      expect(await statusOf(id)).toBe('PENDING');
      const returned = await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({ opinion: '学位证书不清晰，\n请重新上传' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'RETURNED', reviewOpinion: '学位证书不清晰，\n请重新上传', availableActions: [] });

      // The person sees the opinion and the trail, fixes and resubmits.
      const mine = (await t.http().get(`${BASE}/mine`).set(headers)).body as PersonRegistrationView;
      expect(mine).toMatchObject({ status: 'RETURNED', reviewOpinion: '学位证书不清晰，\n请重新上传', editable: true, availableActions: ['submit'] });
      expect(mine.trail.map((entry) => [entry.action, entry.fromStatus, entry.toStatus, entry.actor.role])).toEqual([
        ['submit', 'DRAFT', 'PENDING', 'APPLICANT'],
        ['return', 'PENDING', 'RETURNED', 'UNIT'],
      ]);
      expect(mine.trail[1]).toMatchObject({ actionLabel: '退回', opinion: '学位证书不清晰，\n请重新上传', actor: { roleLabel: expect.any(String) } });
      const fixed = await t.http().put(`${BASE}/mine`).set(headers).send(edit);
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ status: 'RETURNED', basic: { school: '云州理工学院' } });
      expect((await t.http().post(`${BASE}/mine/submit`).set(headers)).body.status).toBe('PENDING');

      // Approve; a second approval is refused.
      const approved = await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders);
      expect(approved.body).toMatchObject({ status: 'APPROVED', reviewOpinion: null, availableActions: [] });
      expect(approved.body.reviewedAt).toEqual(expect.any(String));
      const again = expectProblem(await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders), 409, 'TRANSITION_NOT_ALLOWED');
      expect(again.currentStatus).toBe('APPROVED');

      // After approval: other fields change freely…
      const free = await t.http().put(`${BASE}/mine`).set(headers).send({ ...edit, basic: { ...edit.basic, major: '人工智能', selfEmployed: true } });
      expect(free.body).toMatchObject({ status: 'APPROVED', basic: { major: '人工智能', selfEmployed: true } });
      expect((await t.http().get('/api/v1/me').set(headers)).body.registrationStatus).toBe('APPROVED');

      // …but a change of name sends it back to the unit.
      const renamed = await t.http().put(`${BASE}/mine`).set(headers).send({ ...edit, account: { fullName: `${request.account.fullName}改` } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ status: 'PENDING', account: { fullName: `${request.account.fullName}改` } });
      expect(renamed.body.trail.at(-1)).toMatchObject({ action: 'changeIdentity', fromStatus: 'APPROVED', toStatus: 'PENDING' });
      expect((await t.http().get('/api/v1/me').set(headers)).body).toMatchObject({ registrationStatus: 'PENDING', fullName: `${request.account.fullName}改` });
    });

    it.each([
      ['idNumber', (basic: CreatePersonRegistrationRequest['basic']) => ({ ...basic, idNumber: residentId('1998-05-20', 'MALE', 9077) })],
      ['idType', (basic: CreatePersonRegistrationRequest['basic']) => ({ ...basic, idType: 'PASSPORT', idNumber: 'P7700112' })],
      ['unitId', (basic: CreatePersonRegistrationRequest['basic']) => ({ ...basic, unitId: otherUnitId })],
    ])('a change of %s after approval sends it back to PENDING', async (_field, change) => {
      const { headers, id, request } = await register();
      await setStatus(id, 'APPROVED');
      const response = await t.http().put(`${BASE}/mine`).set(headers).send({ account: { fullName: request.account.fullName }, basic: change(request.basic) });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('PENDING');
    });

    it('an edit that takes another person\'s ID number is refused, and changes nothing', async () => {
      const first = await register();
      await t.http().post(`${BASE}/mine/submit`).set(first.headers);
      const second = await register();
      const response = await t.http().put(`${BASE}/mine`).set(second.headers).send({
        account: { fullName: '别人' },
        basic: { ...second.request.basic, idNumber: first.request.basic.idNumber },
      });
      expectProblem(response, 409, 'ID_NUMBER_TAKEN');
      expect((await t.http().get(`${BASE}/mine`).set(second.headers)).body.account.fullName).toBe(second.request.account.fullName);
    });
  });

  describe('the operation log (操作日志) holds every step, with who and from where', () => {
    it('registration, edit, submit, return with its opinion, resubmit and approval are logged; the auditor reads them in Chinese', async () => {
      const { headers, id, request } = await register();
      const edit = { account: { fullName: request.account.fullName }, basic: { ...request.basic, school: '云州理工学院' } };
      await t.http().put(`${BASE}/mine`).set(headers).send(edit).expect(200);
      await t.http().post(`${BASE}/mine/submit`).set(headers).expect(200);
      await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({ opinion: '学位证书不清晰' }).expect(200);
      await t.http().post(`${BASE}/mine/submit`).set(headers).expect(200);
      await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders).expect(200);

      const rows = await t.db.query<{ action: string; actor_username: string; target_type: string; summary: string; request_id: string | null }[]>(
        `SELECT action, actor_username, target_type, summary, request_id FROM operation_logs WHERE target_id = $1 ORDER BY id`,
        [id],
      );
      const username = request.account.username;
      expect(rows.map((row) => [row.action, row.actor_username])).toEqual([
        ['SELF_REGISTER', username],
        ['REGISTRATION_UPDATE', username],
        ['STATUS_TRANSITION', username],
        ['STATUS_TRANSITION', 'demo_unit'],
        ['STATUS_TRANSITION', username],
        ['STATUS_TRANSITION', 'demo_unit'],
      ]);
      expect(rows[3].summary).toBe('人员注册：退回（待审核 → 退回），意见：学位证书不清晰');
      expect(rows.every((row) => row.request_id !== null)).toBe(true);

      const logs = await t.http().get('/api/v1/audit/operation-logs').query({ action: 'STATUS_TRANSITION', limit: 100 }).set(await t.bearer('auditor'));
      expect(logs.status).toBe(200);
      const seen = (logs.body.items as { targetId: string; actorRole: string; summary: string }[]).filter((item) => item.targetId === id);
      expect(seen).toHaveLength(4);
      // Newest first: the unit's approval.
      expect(seen[0]).toMatchObject({ actorRole: 'UNIT', summary: '人员注册：审核通过（待审核 → 审核通过）' });
    });

    it('a refused decision writes neither trail nor log', async () => {
      const { headers, id } = await register();
      await t.http().post(`${BASE}/mine/submit`).set(headers).expect(200);
      const before = await counts();
      expectProblem(await t.http().post(`${BASE}/${id}/approve`).set(headers), 403, 'FORBIDDEN');
      expectProblem(await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({}), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().post(`${BASE}/mine/submit`).set(headers), 409, 'TRANSITION_NOT_ALLOWED');
      expect(await counts()).toEqual(before);
    });
  });

  describe('an approval may carry an opinion', () => {
    it('keeps it in the trail, and refuses fields an approval does not take', async () => {
      const { headers, id } = await register();
      await t.http().post(`${BASE}/mine/submit`).set(headers);
      expectProblem(await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders).send({ opinion: '同意', status: 'RETURNED' }), 400, 'VALIDATION_FAILED');
      const approved = await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders).send({ opinion: '材料齐全，同意' });
      expect(approved.status).toBe(200);
      expect((approved.body as PersonRegistrationView).trail.at(-1)).toEqual(expect.objectContaining({ action: 'approve', opinion: '材料齐全，同意' }));
    });

    it('a return without an opinion names the missing opinion, not its length', async () => {
      const { headers, id } = await register();
      await t.http().post(`${BASE}/mine/submit`).set(headers);
      const problem = expectProblem(await t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({}), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field: 'opinion', message: '请填写审核意见' }]);
    });
  });

  describe('data scope', () => {
    it('another unit\'s registrant: 404 for the detail and every decision, absent from the list', async () => {
      const { headers, id } = await register();
      await t.http().post(`${BASE}/mine/submit`).set(headers);
      const other = await t.bearer('other_unit');
      expectProblem(await t.http().get(`${BASE}/${id}`).set(other), 404, 'NOT_FOUND');
      expectProblem(await t.http().post(`${BASE}/${id}/approve`).set(other), 404, 'NOT_FOUND');
      expectProblem(await t.http().post(`${BASE}/${id}/return`).set(other).send({ opinion: '不是本单位' }), 404, 'NOT_FOUND');
      expect(((await t.http().get(BASE).set(other)).body.items as { id: string }[]).map((item) => item.id)).not.toContain(id);
      expect(await statusOf(id)).toBe('PENDING');
      // A malformed or unknown id: the same 404.
      expectProblem(await t.http().get(`${BASE}/not-an-id`).set(unitHeaders), 404, 'NOT_FOUND');
      expectProblem(await t.http().post(`${BASE}/${randomUUID()}/approve`).set(unitHeaders), 404, 'NOT_FOUND');
    });

    it('a draft is the person\'s own until it is reported', async () => {
      const { id } = await register();
      expectProblem(await t.http().get(`${BASE}/${id}`).set(unitHeaders), 404, 'NOT_FOUND');
      expectProblem(await t.http().post(`${BASE}/${id}/approve`).set(unitHeaders), 404, 'NOT_FOUND');
      expect(((await t.http().get(BASE).set(unitHeaders)).body.items as { id: string }[]).map((item) => item.id)).not.toContain(id);
    });

    it('county staff read their county\'s registrants but do not decide; other counties see nothing', async () => {
      const { headers, id } = await register();
      await t.http().post(`${BASE}/mine/submit`).set(headers);
      const [county] = await t.db.query<{ code: string }[]>(`SELECT r.code FROM units u JOIN regions r ON r.id = u.county_id WHERE u.id = $1`, [demoUnitId]);
      const [otherCounty] = await t.db.query<{ code: string }[]>(`SELECT code FROM regions WHERE level = 'COUNTY' AND code <> $1 ORDER BY code LIMIT 1`, [county.code]);
      const own = await t.bearer(`${county.code}_hrss`);
      expect((await t.http().get(`${BASE}/${id}`).set(own)).body).toMatchObject({ id, availableActions: [] });
      expectProblem(await t.http().post(`${BASE}/${id}/approve`).set(own), 403, 'FORBIDDEN');
      expectProblem(await t.http().get(`${BASE}/${id}`).set(await t.bearer(`${otherCounty.code}_hrss`)), 404, 'NOT_FOUND');
      expectProblem(await t.http().get(`${BASE}/${id}`).set(await t.bearer('auditor')), 403, 'FORBIDDEN');
    });
  });

  describe('the status table, row by row', () => {
    type Actor = 'owner' | 'unit';
    const ROUTE_OF: Record<string, { actor: Actor; call: (id: string, owner: { Authorization: string }, fullName: string) => Promise<{ status: number; body: Record<string, unknown> }> }> = {};

    beforeAll(() => {
      const basicOf = async (headers: { Authorization: string }) => ((await t.http().get(`${BASE}/mine`).set(headers)).body as PersonRegistrationView).basic;
      ROUTE_OF.submit = { actor: 'owner', call: async (_id, owner) => t.http().post(`${BASE}/mine/submit`).set(owner) };
      ROUTE_OF.approve = { actor: 'unit', call: async (id) => t.http().post(`${BASE}/${id}/approve`).set(unitHeaders) };
      ROUTE_OF.return = { actor: 'unit', call: async (id) => t.http().post(`${BASE}/${id}/return`).set(unitHeaders).send({ opinion: '请补充材料' }) };
      ROUTE_OF.changeIdentity = {
        actor: 'owner',
        call: async (_id, owner, fullName) => {
          const basic = await basicOf(owner);
          const { idTypeLabel: _a, genderLabel: _b, educationLabel: _c, degreeLabel: _d, ...plain } = basic;
          return t.http().put(`${BASE}/mine`).set(owner).send({ account: { fullName: `${fullName}新` }, basic: { ...plain, unitId: demoUnitId } });
        },
      };
    });

    it('covers every action of the table', () => {
      expect(Object.keys(ROUTE_OF).sort()).toEqual([...new Set(PERSON_REGISTRATION_TRANSITIONS.map((row) => row.action))].sort());
    });

    it.each(PERSON_REGISTRATION_TRANSITIONS.map((row) => [`${row.from} --${row.action}--> ${row.to}`, row] as const))('%s: allowed', async (_name, row) => {
      const { headers, id, request } = await register();
      await setStatus(id, row.from);
      const before = (await counts()).trail;
      const response = await ROUTE_OF[row.action].call(id, headers, request.account.fullName);
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 200, body: { status: row.to } });
      expect(await statusOf(id)).toBe(row.to);
      const trail = await t.db.query<Record<string, string>[]>(`SELECT action, from_status, to_status FROM status_trail WHERE subject_id = $1 ORDER BY id`, [id]);
      expect(trail.at(-1)).toEqual({ action: row.action, from_status: row.from, to_status: row.to });
      expect((await counts()).trail).toBe(before + 1);
    });

    it.each(PERSON_REGISTRATION_TRANSITIONS.map((row) => [`${row.action} from ${row.from}`, row] as const))('%s: the wrong role is refused (403)', async (_name, row) => {
      const { headers, id } = await register();
      await setStatus(id, row.from);
      // The unit has no registration of its own; the applicant may not review.
      const response =
        ROUTE_OF[row.action].actor === 'owner'
          ? row.action === 'submit'
            ? await t.http().post(`${BASE}/mine/submit`).set(unitHeaders)
            : await t.http().put(`${BASE}/mine`).set(unitHeaders).send({})
          : await t.http().post(`${BASE}/${id}/${row.action}`).set(headers).send({ opinion: '自己审核' });
      expectProblem(response, 403, 'FORBIDDEN');
      expect(await statusOf(id)).toBe(row.from);
    });

    const actions = [...new Set(PERSON_REGISTRATION_TRANSITIONS.map((row) => row.action))];
    const wrongStatusCases = actions.flatMap((action) =>
      REGISTRATION_STATUSES.filter((status) => !PERSON_REGISTRATION_TRANSITIONS.some((row) => row.action === action && row.from === status)).map(
        (status) => [`${action} from ${status}`, action, status] as const,
      ),
    );

    it.each(wrongStatusCases)('%s: the wrong status is refused, nothing moves', async (_name, action, status) => {
      const { headers, id, request } = await register();
      await setStatus(id, status);
      const before = (await counts()).trail;
      const response = await ROUTE_OF[action].call(id, headers, request.account.fullName);
      if (action === 'changeIdentity') {
        // An edit in DRAFT or RETURNED is a plain edit (no move); under review it is refused.
        if (status === 'PENDING') expectProblem(response as never, 409, 'REGISTRATION_NOT_EDITABLE');
        else expect({ status: response.status, moved: response.body.status }).toEqual({ status: 200, moved: status });
      } else if (status === 'DRAFT' && ROUTE_OF[action].actor === 'unit') {
        // Not reported yet: the unit does not see it at all.
        expectProblem(response as never, 404, 'NOT_FOUND');
      } else {
        const problem = expectProblem(response as never, 409, 'TRANSITION_NOT_ALLOWED');
        expect(problem.currentStatus).toBe(status);
      }
      expect(await statusOf(id)).toBe(status);
      expect((await counts()).trail).toBe(before);
    });
  });

  describe('races', () => {
    it('two approvals at once: one wins, the other is told STATUS_CHANGED with the current status', async () => {
      const { headers, id } = await register();
      await t.http().post(`${BASE}/mine/submit`).set(headers);
      const second = await t.bearer('demo_unit');
      const responses = await raceAtTheDatabase(t, 'persons', [
        () => t.http().post(`${BASE}/${id}/approve`).set(unitHeaders),
        () => t.http().post(`${BASE}/${id}/approve`).set(second),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = expectProblem(responses.find((r) => r.status === 409)!, 409, 'STATUS_CHANGED');
      expect(lost.currentStatus).toBe('APPROVED');
      const trail = await t.db.query<unknown[]>(`SELECT action FROM status_trail WHERE subject_id = $1 AND action = 'approve'`, [id]);
      expect(trail).toHaveLength(1);
    });
  });

  describe('the queue', () => {
    it('pages with a keyset cursor, filters, and refuses a tampered cursor', async () => {
      const tag = `队列${Date.now() % 100000}`;
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { headers, id } = await register(body({ account: { fullName: `${tag}${i}` } }));
        await t.http().post(`${BASE}/mine/submit`).set(headers);
        ids.push(id);
      }
      await t.http().post(`${BASE}/${ids[0]}/return`).set(unitHeaders).send({ opinion: '请补充' });

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.http().get(BASE).query({ keyword: tag, limit: 2, ...(cursor ? { cursor } : {}) }).set(unitHeaders);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...(page.body.items as { id: string }[]).map((item) => item.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());

      const returned = await t.http().get(BASE).query({ keyword: tag, status: 'RETURNED' }).set(unitHeaders);
      expect((returned.body.items as { id: string }[]).map((item) => item.id)).toEqual([ids[0]]);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      expect((await t.http().get(BASE).query({ keyword: tag, submittedFrom: today, submittedTo: today }).set(unitHeaders)).body.items).toHaveLength(3);
      expect((await t.http().get(BASE).query({ keyword: tag, submittedTo: '2000-01-01' }).set(unitHeaders)).body.items).toHaveLength(0);
      // LIKE wildcards are plain characters.
      expect((await t.http().get(BASE).query({ keyword: '%' }).set(unitHeaders)).body.items).toHaveLength(0);

      for (const cursor of ['garbage!', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('{}').toString('base64url'), 'a'.repeat(2000)]) {
        const problem = expectProblem(await t.http().get(BASE).query({ cursor }).set(unitHeaders), 400, 'VALIDATION_FAILED');
        expect(fieldsOf(problem)).toEqual(['cursor']);
      }
      for (const query of [{ status: 'DRAFT' }, { submittedFrom: '2026-02-30' }, { submittedFrom: '0000-01-01' }, { limit: 101 }, { limit: 0 }]) {
        expectProblem(await t.http().get(BASE).query(query).set(unitHeaders), 400, 'VALIDATION_FAILED');
      }
      // A range that ends before it starts names both ends.
      const reversed = expectProblem(await t.http().get(BASE).query({ submittedFrom: '2026-02-01', submittedTo: '2026-01-01' }).set(unitHeaders), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(reversed)).toEqual(['submittedFrom', 'submittedTo']);
    });
  });

  describe('the queue counts days of submission in BUSINESS_TIME_ZONE (Asia/Shanghai here)', () => {
    it('16:30 UTC on 2020-03-15 was submitted on the 16th in Beijing', async () => {
      const tag = `时区${Date.now() % 100000}`;
      const { headers, id } = await register(body({ account: { fullName: tag } }));
      await t.http().post(`${BASE}/mine/submit`).set(headers);
      await t.db.query(`UPDATE persons SET submitted_at = '2020-03-15T16:30:00Z' WHERE user_id = $1`, [id]);
      const day = async (date: string) =>
        ((await t.http().get(BASE).query({ keyword: tag, submittedFrom: date, submittedTo: date }).set(unitHeaders)).body.items as { id: string }[]).map((item) => item.id);
      expect(await day('2020-03-16')).toEqual([id]);
      expect(await day('2020-03-15')).toEqual([]);
    });
  });

  describe('demo data', () => {
    it('holds registrants in every status, under the demo unit and in every county, with valid IDs, opinions and trails, who can sign in', async () => {
      const rows = await t.db.query<{
        username: string;
        registration_status: RegistrationStatus;
        review_opinion: string | null;
        id_number: string;
        birth_date: string;
        gender: string;
        unit_id: string;
        county_id: string;
        moves: { from: string | null; to: string; opinion: string | null; role: string }[] | null;
      }[]>(
        `SELECT u.username, p.registration_status, p.review_opinion, p.id_number, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.gender,
                p.unit_id, un.county_id,
                (SELECT json_agg(json_build_object('from', s.from_status, 'to', s.to_status, 'opinion', s.opinion, 'role', s.actor_role) ORDER BY s.id)
                   FROM status_trail s WHERE s.subject = 'PERSON_REGISTRATION' AND s.subject_id = p.user_id) AS moves
           FROM persons p JOIN users u ON u.id = p.user_id JOIN units un ON un.id = p.unit_id
          WHERE u.username LIKE 'demo\\_person\\_%' OR u.username = 'demo_applicant'`,);
      const [{ counties }] = await t.db.query<{ counties: number }[]>(`SELECT count(*)::int AS counties FROM regions WHERE level = 'COUNTY'`);
      expect(new Set(rows.filter((row) => row.unit_id === demoUnitId).map((row) => row.registration_status))).toEqual(new Set(REGISTRATION_STATUSES));
      expect(new Set(rows.map((row) => row.county_id)).size).toBe(counties);
      for (const row of rows) {
        expect(readResidentId(row.id_number)).toEqual({ birthDate: row.birth_date, gender: row.gender });
        if (row.registration_status === 'RETURNED') expect(row.review_opinion).toBeTruthy();
        // The trail as the API writes it: nothing for a draft, else moves that chain up to the current status.
        const moves = row.moves ?? [];
        if (row.registration_status === 'DRAFT') expect(moves).toEqual([]);
        else expect(moves.at(-1)?.to).toBe(row.registration_status);
        moves.forEach((move, i) => expect(move.from).toBe(i === 0 ? 'DRAFT' : moves[i - 1].to));
        for (const move of moves.filter((m) => m.to === 'RETURNED')) expect({ role: move.role, opinion: Boolean(move.opinion) }).toEqual({ role: 'UNIT', opinion: true });
      }
      const tokens = await t.login('demo_person_1', 'Butie@2026');
      expect(tokens.user.registrationStatus).toBe('DRAFT');
      // The materials are real stored files: the unit previews each of its registrant's, byte for byte what the row says.
      const files = await t.db.query<{ id: string; sha256: string; size_bytes: string; media_type: string }[]>(
        `SELECT a.id, a.sha256, a.size_bytes, a.media_type FROM attachments a JOIN users u ON u.id = a.owner_id WHERE u.username = 'demo_applicant'`,);
      expect(new Set(files.map((file) => file.media_type))).toEqual(new Set(['application/pdf', 'image/png']));
      for (const file of files) {
        const content = await t.http().get(`/api/v1/attachments/${file.id}/content`).set(unitHeaders).buffer(true).parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
        expect({ status: content.status, type: content.headers['content-type'] }).toEqual({ status: 200, type: file.media_type });
        const body = content.body as Buffer;
        expect({ size: body.length, sha256: createHash('sha256').update(body).digest('hex') }).toEqual({ size: Number(file.size_bytes), sha256: file.sha256 });
      }
      const queue = await t.http().get(BASE).query({ status: 'RETURNED' }).set(unitHeaders);
      expect((queue.body.items as { fullName: string }[]).map((item) => item.fullName)).toContain('李国华');
    });
  });
});
