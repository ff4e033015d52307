import { randomInt } from 'node:crypto';
import { creditCodeCheckChar, residentIdCheckChar } from '@butie/contracts';
import { expectProblem, problemWithoutRequest } from './support/problem.js';
import { latestCode, outboxOf } from './support/sms-outbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SEND = '/api/v1/auth/sms/registration';
const PERSONS = '/api/v1/persons/registrations';
const UNITS = '/api/v1/units/registrations';
const RUN = String(Date.now() % 100000).padStart(5, '0');

/**
 * A registration proves its phone before anything is written or told: the code goes to every
 * well-formed number alike, and whether a phone, username or ID number is taken is said only to
 * whoever proved the phone (the outside review's squatting and enumeration findings).
 */
describe('registration proves the phone with an SMS code', () => {
  let t: TestApp;
  let unitId: string;
  let countyId: string;
  let serial = 0;

  const phone = () => `155${RUN}${String(++serial).padStart(3, '0')}`;
  const person = (account: Record<string, unknown>) => {
    const idBody = `53010219990101${String(++serial % 1000).padStart(3, '0')}`;
    return {
      account: { username: `ph${RUN}_${serial}`, password: 'Phone#2026ok', fullName: '验证手机', ...account },
      basic: {
        idType: 'RESIDENT_ID', idNumber: idBody + residentIdCheckChar(idBody)!, birthDate: '1999-01-01', gender: Number(idBody[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
        school: '云州大学', major: '法学', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: false, unitId,
      },
      agreedToNotice: true,
    };
  };
  const users = async () => (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM users`))[0].n;
  const sendCode = async (to: string) => {
    const response = await t.http().post(SEND).send({ phone: to });
    expect(response.status).toBe(202);
    return latestCode(t, to);
  };

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: unitId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM units WHERE status = 'APPROVED' AND NOT is_virtual LIMIT 1`);
    [{ id: countyId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE code = 'dongcheng'`);
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers the same for a new phone and for one that has an account, and a code reaches both', async () => {
    const fresh = phone();
    const answers = [];
    for (const to of [fresh, '13800000001']) {
      const response = await t.http().post(SEND).send({ phone: to });
      expect(response.status).toBe(202);
      const { sandboxTicket: _ticket, ...rest } = response.body as { sandboxTicket?: string };
      answers.push(rest);
      expect((await outboxOf(t, to))[0].template).toBe('REGISTRATION_CODE');
    }
    expect(answers[0]).toEqual(answers[1]);
    // The SMS limits apply: one code per phone per interval.
    expectProblem(await t.http().post(SEND).send({ phone: fresh }), 429, 'SMS_SEND_TOO_SOON');
  });

  it('a wrong code is refused on its field before any clash is told, and nothing is written', async () => {
    const to = phone();
    await sendCode(to);
    const before = await users();
    // The demo applicant's phone and username: taken, but the code is wrong, so that is not told.
    const wrong = await t.http().post(PERSONS).send(person({ username: 'demo_applicant', phone: '13800000001', phoneCode: '000000' }));
    const problem = expectProblem(wrong, 401, 'SMS_CODE_INVALID');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'account.phoneCode' })]);
    expect(JSON.stringify(problem)).not.toMatch(/已被|已注册/);
    // Without any code the two phones' answers are the same.
    const unknown = await t.http().post(PERSONS).send(person({ phone: to, phoneCode: '000000' }));
    expect(problemWithoutRequest(expectProblem(unknown, 401, 'SMS_CODE_INVALID')).code).toBe(problem.code);
    expect(await users()).toBe(before);
  });

  it('the proven phone is registered once: the code is spent, and another phone\'s code does not fit', async () => {
    const to = phone();
    const code = await sendCode(to);
    const other = phone();
    expectProblem(await t.http().post(PERSONS).send(person({ phone: other, phoneCode: code })), 401, 'SMS_CODE_EXPIRED');
    const made = await t.http().post(PERSONS).send(person({ phone: to, phoneCode: code }));
    expect(made.status).toBe(201);
    const again = await t.http().post(PERSONS).send(person({ phone: to, phoneCode: code }));
    expect(again.status).toBe(401);
  });

  it('once proven, the clash is named: the phone of another account', async () => {
    // As if the holder had waited out the resend interval since the first test's code.
    await t.db.query(`UPDATE sms_codes SET created_at = created_at - interval '61 seconds' WHERE phone = '13800000001'`);
    const code = await sendCode('13800000001');
    const taken = expectProblem(await t.http().post(PERSONS).send(person({ phone: '13800000001', phoneCode: code })), 409, 'PHONE_TAKEN');
    expect(taken.errors).toEqual([expect.objectContaining({ field: 'account.phone' })]);
  });

  it('a unit registers with a proven phone too', async () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let credit = '91530102';
    while (credit.length < 17) credit += chars[randomInt(chars.length)];
    const to = phone();
    const unit = { name: `验证手机${RUN}单位`, creditCode: credit + creditCodeCheckChar(credit)!, countyId, address: '测试路 1 号', contactPerson: '周明', contactPhone: '0871-65123456' };
    const account = { username: `phu${RUN}`, password: 'Phone#2026ok', phone: to };
    expectProblem(await t.http().post(UNITS).send({ unit, account: { ...account, phoneCode: '123456' } }), 401, 'SMS_CODE_EXPIRED');
    const missing = expectProblem(await t.http().post(UNITS).send({ unit, account }), 400, 'VALIDATION_FAILED');
    expect(missing.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'account.phoneCode' })]));
    const made = await t.http().post(UNITS).send({ unit, account: { ...account, phoneCode: await sendCode(to) } });
    expect(made.status).toBe(201);
  });
});
