import { randomBytes, randomUUID } from 'node:crypto';
import { residentIdCheckChar, WORK_HISTORY_MAX_ENTRIES, type CreateWorkHistoryRequest, type WorkHistoryView } from '@butie/contracts';
import { expectProblem } from './support/problem.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const BASE = '/api/v1/work-histories';
type Headers = { Authorization: string };

/** Today in the business time zone (the test configuration keeps the default, Asia/Shanghai). */
function shanghaiDay(offsetDays = 0): string {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

describe('work history (维护工作经历)', () => {
  let t: TestApp;
  let applicant: Headers;
  let applicantId: string;
  let demoUnitId: string;
  let dongchengId: string;
  let xichengId: string;
  let cityId: string;
  let virtualUnitId: string;
  let pendingUnitId: string;
  let xichengUnitId: string;
  let idSerial = 0;

  /** An uploaded file, written straight into the table (the upload route belongs to the attachments module). */
  async function file(ownerId: string, kind: string, fileName = `${kind.toLowerCase()}.pdf`): Promise<string> {
    const [row] = (await t.asOwner(
      `INSERT INTO attachments (owner_id, kind, file_name, media_type, size_bytes, sha256, storage_key)
       VALUES ($1, $2, $3, 'application/pdf', 2048, $4, $5) RETURNING id`,
      [ownerId, kind, fileName, randomBytes(32).toString('hex'), `test/${randomUUID()}`],
    )) as { id: string }[];
    return row.id;
  }

  /** Another applicant account (same password as the demo ones), registered under `unitId` with `status`. */
  async function person(username: string, unitId: string, status: string): Promise<{ id: string; headers: () => Promise<Headers> }> {
    idSerial++;
    const [user] = (await t.asOwner(
      `INSERT INTO users (username, password_hash, full_name, phone, role, password_changed_at)
       SELECT $1, password_hash, '测试人员', $2, 'APPLICANT', now() FROM users WHERE username = 'demo_applicant' RETURNING id`,
      [username, `1590077${String(idSerial).padStart(4, '0')}`],
    )) as { id: string }[];
    const body = `5301021997010${String(100 + idSerial).slice(-3)}${idSerial % 2 === 0 ? 2 : 1}`;
    await t.asOwner(
      `INSERT INTO persons (user_id, id_type, id_number, birth_date, gender, school, major, education, degree, ethnicity, unit_id,
                            registration_status, submitted_at, reviewed_at)
       VALUES ($1, 'RESIDENT_ID', $2, '1997-01-01', $3, '云州大学', '软件工程', 'BACHELOR', 'BACHELOR', '汉族', $4, $5, now(), now())`,
      [user.id, body + residentIdCheckChar(body), idSerial % 2 === 0 ? 'FEMALE' : 'MALE', unitId, status],
    );
    return { id: user.id, headers: () => t.bearer(username) };
  }

  /** The whole table and the files: a refusal must leave both exactly as they were. */
  async function snapshot(): Promise<string> {
    const [row] = (await t.asOwner(
      `SELECT (SELECT coalesce(json_agg(w ORDER BY w.id), '[]') FROM work_histories w)::text AS histories,
              (SELECT count(*) FROM attachments)::int AS files,
              (SELECT count(*) FROM operation_logs)::int AS operations`,
    )) as { histories: string; files: number; operations: number }[];
    return JSON.stringify(row);
  }

  /** A request that must be refused with `status`/`code`, changing nothing; returns the problem. */
  async function refused(send: () => Promise<import('supertest').Response>, status: number, code: string): Promise<Record<string, unknown>> {
    const before = await snapshot();
    const problem = expectProblem(await send(), status, code);
    expect(await snapshot()).toEqual(before);
    return problem;
  }

  const fieldsOf = (problem: Record<string, unknown>) => ((problem.errors ?? []) as { field: string }[]).map((error) => error.field).sort();

  /** A valid current job at the registered unit, with a 3-year contract. */
  function entry(overrides: Partial<CreateWorkHistoryRequest> = {}): CreateWorkHistoryRequest {
    return {
      unitId: demoUnitId,
      startDate: '2020-07-01',
      endDate: null,
      contractStart: '2020-07-01',
      contractEnd: '2023-06-30',
      contractOpenEnded: false,
      ...overrides,
    };
  }

  const post = (body: object, headers: Headers = applicant) => t.http().post(BASE).set(headers).send(body);
  const patch = (id: string, body: object, headers: Headers = applicant) => t.http().patch(`${BASE}/${id}`).set(headers).send(body);

  async function created(body: object, headers: Headers = applicant): Promise<WorkHistoryView> {
    const response = await post(body, headers);
    expect({ status: response.status, body: response.body as unknown }).toEqual({ status: 201, body: expect.objectContaining({ id: expect.any(String) }) });
    return response.body as WorkHistoryView;
  }

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await t.bearer('demo_applicant');
    const [row] = (await t.asOwner(
      `SELECT p.user_id, p.unit_id, un.county_id FROM persons p JOIN users u ON u.id = p.user_id JOIN units un ON un.id = p.unit_id
        WHERE u.username = 'demo_applicant'`,
    )) as { user_id: string; unit_id: string; county_id: string }[];
    applicantId = row.user_id;

    demoUnitId = row.unit_id;
    dongchengId = row.county_id;
    const regions = (await t.asOwner(`SELECT id, code, level FROM regions`)) as { id: string; code: string; level: string }[];
    xichengId = regions.find((region) => region.code === 'xicheng')!.id;
    cityId = regions.find((region) => region.level === 'CITY')!.id;
    const [virtual] = (await t.asOwner(`SELECT id FROM units WHERE is_virtual AND county_id = $1`, [dongchengId])) as { id: string }[];
    virtualUnitId = virtual.id;
    const [pending] = (await t.asOwner(
      `INSERT INTO units (name, credit_code, county_id, status) VALUES ('待审核的单位', '91530102MA6K000001', $1, 'PENDING') RETURNING id`,
      [dongchengId],
    )) as { id: string }[];
    pendingUnitId = pending.id;
    const [xichengUnit] = (await t.asOwner(
      `INSERT INTO units (name, credit_code, county_id, status) VALUES ('西城测试科技有限公司', '91530103MA6K000002', $1, 'APPROVED') RETURNING id`,
      [xichengId],
    )) as { id: string }[];
    xichengUnitId = xichengUnit.id;
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  // A person has one current job at most (its own test below): each test starts with none, the
  // entries before it ended on the day they began.
  beforeEach(async () => {
    await t.asOwner(`UPDATE work_histories SET end_date = start_date WHERE person_id = $1 AND end_date IS NULL`, [applicantId]);
  });

  it('every route requires sign-in', async () => {
    const id = randomUUID();
    for (const call of [t.http().get(BASE), t.http().post(BASE).send({}), t.http().patch(`${BASE}/${id}`).send({}), t.http().delete(`${BASE}/${id}`)]) {
      expectProblem(await call, 401, 'AUTH_REQUIRED');
    }
  });

  describe('the applicant keeps entries', () => {
    it('adds the current job at the registered unit, one file serving as contract and proof; the county is the unit\'s', async () => {
      const contract = await file(applicantId, 'LABOUR_CONTRACT', '劳动合同 2020.pdf');
      const view = await created(entry({ contractAttachmentId: contract, proofAttachmentId: contract }));
      expect(view).toEqual({
        id: expect.any(String),
        unit: { id: demoUnitId, name: expect.any(String) },
        unitName: view.unit!.name,
        county: { id: dongchengId, name: expect.any(String) },
        startDate: '2020-07-01',
        endDate: null,
        contractStart: '2020-07-01',
        contractEnd: '2023-06-30',
        contractOpenEnded: false,
        contractLastsThreeYears: true,
        contract: {
          id: contract,
          kind: 'LABOUR_CONTRACT',
          kindLabel: '劳动合同',
          fileName: '劳动合同 2020.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 2048,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          uploadedAt: expect.any(String),
        },
        proof: expect.objectContaining({ id: contract }),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const [stored] = (await t.asOwner(`SELECT person_id, unit_id, county_id FROM work_histories WHERE id = $1`, [view.id])) as Record<string, string>[];
      expect(stored).toEqual({ person_id: applicantId, unit_id: demoUnitId, county_id: dongchengId });
    });

    it('adds a former job in another county with a typed unit; the contract ending a day short of 3 years does not count', async () => {
      const contract = await file(applicantId, 'LABOUR_CONTRACT');
      const proof = await file(applicantId, 'EMPLOYMENT_PROOF');
      const view = await created(
        entry({
          unitId: null,
          unitName: '  西城某某商贸有限公司 ',
          countyId: xichengId,
          startDate: '2017-07-01',
          endDate: '2020-06-29',
          contractStart: '2017-07-01',
          contractEnd: '2020-06-29',
          contractAttachmentId: contract,
          proofAttachmentId: proof,
        }),
      );
      expect(view).toMatchObject({ unit: null, unitName: '西城某某商贸有限公司', county: { id: xichengId }, contractLastsThreeYears: false });
      expect(view.proof).toMatchObject({ id: proof, kind: 'EMPLOYMENT_PROOF', kindLabel: '证明材料' });

      // The boundary of domain §5.6 rule 1: with 2020-06-30 (start 2017-07-01) it counts.
      const longer = await patch(view.id, { contractEnd: '2020-06-30' });
      expect(longer.status).toBe(200);
      expect(longer.body).toMatchObject({ contractEnd: '2020-06-30', contractLastsThreeYears: true, unitName: '西城某某商贸有限公司' });
    });

    it('start 2020-07-01 with end 2023-06-30 counts; end 2023-06-29 does not; open-ended counts', async () => {
      const view = await created(entry({ unitId: xichengUnitId, startDate: '2019-01-01', endDate: '2019-12-31', contractEnd: '2023-06-29' }));
      expect(view).toMatchObject({ contractLastsThreeYears: false, county: { id: xichengId }, unit: { id: xichengUnitId, name: '西城测试科技有限公司' } });
      expect((await patch(view.id, { contractEnd: '2023-06-30' })).body).toMatchObject({ contractLastsThreeYears: true });
      const open = await patch(view.id, { contractOpenEnded: true });
      expect(open.body).toMatchObject({ contractOpenEnded: true, contractEnd: null, contractLastsThreeYears: true });
      // Back to fixed-term: the end must be given again.
      const problem = await refused(() => patch(view.id, { contractOpenEnded: false }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toEqual(['contractEnd']);
      expect((await patch(view.id, { contractEnd: '2022-12-31' })).body).toMatchObject({ contractOpenEnded: false, contractEnd: '2022-12-31', contractLastsThreeYears: false });
    });

    it('a start on 02-29 lasts 3 years with an end on 02-28 of the third year', async () => {
      const view = await created(entry({ unitId: xichengUnitId, startDate: '2020-02-29', endDate: '2020-03-31', contractStart: '2020-02-29', contractEnd: '2023-02-28' }));
      expect(view.contractLastsThreeYears).toBe(true);
      expect((await patch(view.id, { contractEnd: '2023-02-27' })).body).toMatchObject({ contractLastsThreeYears: false });
    });

    it('lists the own entries, newest start first', async () => {
      const response = await t.http().get(BASE).set(applicant);
      expect(response.status).toBe(200);
      const items = response.body.items as WorkHistoryView[];
      expect(items.length).toBeGreaterThanOrEqual(4);
      const starts = items.map((item) => item.startDate);
      expect(starts).toEqual([...starts].sort().reverse());
      const [own] = (await t.asOwner(`SELECT count(*)::int AS n FROM work_histories WHERE person_id = $1`, [applicantId])) as { n: number }[];
      expect(items).toHaveLength(own.n);
    });

    it('changes the unit from picked to typed and back, removes a file with null, and deletes an entry', async () => {
      const proof = await file(applicantId, 'OTHER');
      const view = await created(entry({ unitId: xichengUnitId, startDate: '2018-03-01', endDate: '2018-09-30', proofAttachmentId: proof }));
      const typed = await patch(view.id, { unitId: null, unitName: '手填的单位', countyId: dongchengId });
      expect(typed.body).toMatchObject({ unit: null, unitName: '手填的单位', county: { id: dongchengId } });
      const renamed = await patch(view.id, { unitName: '改名后的单位' });
      expect(renamed.body).toMatchObject({ unit: null, unitName: '改名后的单位', county: { id: dongchengId } });
      const picked = await patch(view.id, { unitId: xichengUnitId, proofAttachmentId: null });
      expect(picked.body).toMatchObject({ unit: { id: xichengUnitId }, county: { id: xichengId }, proof: null });

      const removed = await t.http().delete(`${BASE}/${view.id}`).set(applicant);
      expect(removed.status).toBe(204);
      expect(await t.asOwner(`SELECT 1 FROM work_histories WHERE id = $1`, [view.id])).toEqual([]);
      // The file stays among the person's materials.
      expect(await t.asOwner(`SELECT 1 FROM attachments WHERE id = $1`, [proof])).toHaveLength(1);
      await refused(() => t.http().delete(`${BASE}/${view.id}`).set(applicant), 404, 'NOT_FOUND');

      const logged = (await t.asOwner(`SELECT action, actor_username, summary FROM operation_logs WHERE target_id = $1 ORDER BY id`, [view.id])) as {
        action: string;
        actor_username: string;
        summary: string;
      }[];
      expect(logged.map((row) => [row.action, row.actor_username])).toEqual([
        ['WORK_HISTORY_CREATE', 'demo_applicant'],
        ['WORK_HISTORY_UPDATE', 'demo_applicant'],
        ['WORK_HISTORY_UPDATE', 'demo_applicant'],
        ['WORK_HISTORY_UPDATE', 'demo_applicant'],
        ['WORK_HISTORY_DELETE', 'demo_applicant'],
      ]);
      expect(logged[2].summary).toContain('改名后的单位');
    });
  });

  describe('one current job', () => {
    it('a second entry without an end date is refused, naming the current one; ending that one first lets it in', async () => {
      const current = await created(entry());
      const second = await refused(() => post(entry({ startDate: '2024-01-01', contractStart: '2024-01-01', contractEnd: null, contractOpenEnded: true })), 400, 'VALIDATION_FAILED');
      expect(second.errors).toEqual([{ field: 'endDate', message: expect.stringContaining('已有在职的工作经历') }]);
      expect((await patch(current.id, { endDate: '2023-12-31' })).status).toBe(200);
      await created(entry({ startDate: '2024-01-01', contractStart: '2024-01-01', contractEnd: null, contractOpenEnded: true }));
    });
  });

  describe('the date rules', () => {
    const today = shanghaiDay();
    const tomorrow = shanghaiDay(1);
    it.each([
      ['start after today', { startDate: tomorrow, contractStart: '2020-07-01' }, ['startDate']],
      ['end before start', { endDate: '2020-06-30' }, ['endDate']],
      ['end after today (the current job has no end)', { endDate: tomorrow }, ['endDate']],
      ['contract end before contract start', { contractStart: '2021-01-01', contractEnd: '2020-12-31' }, ['contractEnd']],
      ['open-ended with an end', { contractOpenEnded: true }, ['contractEnd']],
      ['fixed-term without an end', { contractEnd: null }, ['contractEnd']],
      ['a day not on the calendar', { startDate: '2023-02-29', endDate: '2023-04-31', contractStart: '2021-13-01' }, ['contractStart', 'endDate', 'startDate']],
      ['not YYYY-MM-DD', { startDate: '2020/07/01', contractEnd: '30.06.2023' }, ['contractEnd', 'startDate']],
      ['a date out of range', { contractEnd: '2323-06-30' }, ['contractEnd']],
      ['missing dates', { startDate: undefined, contractStart: undefined, contractOpenEnded: undefined }, ['contractOpenEnded', 'contractStart', 'startDate']],
    ] as [string, Partial<CreateWorkHistoryRequest>, string[]][])('%s → 400 naming the field, nothing stored', async (_, overrides, fields) => {
      const problem = await refused(() => post(entry(overrides)), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toEqual(fields);
    });

    it('today as start and end is accepted', async () => {
      const view = await created(entry({ unitId: xichengUnitId, startDate: today, endDate: today, contractStart: today, contractEnd: today }));
      expect(view).toMatchObject({ startDate: today, endDate: today, contractLastsThreeYears: false });
      expect((await t.http().delete(`${BASE}/${view.id}`).set(applicant)).status).toBe(204);
    });

    it('a change is checked as a whole: an end before the stored start is refused, and null for a required date', async () => {
      const view = await created(entry({ unitId: xichengUnitId, startDate: '2016-01-01', endDate: '2016-12-31' }));
      expect(fieldsOf(await refused(() => patch(view.id, { endDate: '2015-12-31' }), 400, 'VALIDATION_FAILED'))).toEqual(['endDate']);
      expect(fieldsOf(await refused(() => patch(view.id, { startDate: null }), 400, 'VALIDATION_FAILED'))).toEqual(['startDate']);
      expect(fieldsOf(await refused(() => patch(view.id, { contractStart: '2024-01-01' }), 400, 'VALIDATION_FAILED'))).toEqual(['contractEnd']);
    });
  });

  describe('the unit', () => {
    it.each([
      ['a unit still under review', () => ({ unitId: pendingUnitId }), ['unitId']],
      ['a virtual unit', () => ({ unitId: virtualUnitId }), ['unitId']],
      ['a unit that does not exist', () => ({ unitId: randomUUID() }), ['unitId']],
      ['neither a unit nor a name', () => ({ unitId: null }), ['unitId']],
      ['a unit and a typed name', () => ({ unitName: '又填了名称', countyId: xichengId }), ['unitId']],
      ['a name without its county', () => ({ unitId: null, unitName: '某单位' }), ['countyId']],
      ['a county without the name', () => ({ unitId: null, countyId: xichengId }), ['unitName']],
      ['the city as county', () => ({ unitId: null, unitName: '某单位', countyId: cityId }), ['countyId']],
      ['a county that does not exist', () => ({ unitId: null, unitName: '某单位', countyId: randomUUID() }), ['countyId']],
      ['an empty name', () => ({ unitId: null, unitName: '   ', countyId: xichengId }), ['unitName']],
      ['a name of 129 characters', () => ({ unitId: null, unitName: '单'.repeat(129), countyId: xichengId }), ['unitName']],
      ['a malformed unit id', () => ({ unitId: 'not-a-uuid' }), ['unitId']],
    ] as [string, () => Partial<CreateWorkHistoryRequest>, string[]][])('%s → 400 naming the field, nothing stored', async (_, overrides, fields) => {
      const problem = await refused(() => post(entry(overrides())), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toEqual(fields);
    });

    it('refuses a field it does not know', async () => {
      const problem = await refused(() => post({ ...entry(), personId: randomUUID() }), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toEqual(['personId']);
    });
  });

  describe('the files', () => {
    let strangerId: string;

    beforeAll(async () => {
      strangerId = (await person('wh_stranger', demoUnitId, 'APPROVED')).id;
    });

    it('another account\'s file is refused like one that does not exist, without saying whose it is', async () => {
      const theirs = await file(strangerId, 'LABOUR_CONTRACT', '王某某的劳动合同.pdf');
      const theirProblem = await refused(() => post(entry({ contractAttachmentId: theirs })), 400, 'WORK_HISTORY_ATTACHMENT_INVALID');
      const noneProblem = await refused(() => post(entry({ contractAttachmentId: randomUUID() })), 400, 'WORK_HISTORY_ATTACHMENT_INVALID');
      expect(fieldsOf(theirProblem)).toEqual(['contractAttachmentId']);
      const strip = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;
      expect(strip(theirProblem)).toEqual(strip(noneProblem));
      expect(JSON.stringify(theirProblem)).not.toMatch(/王某某|测试人员|wh_stranger/);
      expect(JSON.stringify(theirProblem)).not.toContain(strangerId);

      const theirProof = await file(strangerId, 'EMPLOYMENT_PROOF');
      const proofProblem = await refused(() => post(entry({ proofAttachmentId: theirProof })), 400, 'WORK_HISTORY_ATTACHMENT_INVALID');
      expect(fieldsOf(proofProblem)).toEqual(['proofAttachmentId']);
    });

    it('a file of the wrong kind is refused on its field', async () => {
      const idCard = await file(applicantId, 'ID_CARD');
      expect(fieldsOf(await refused(() => post(entry({ contractAttachmentId: idCard })), 400, 'WORK_HISTORY_ATTACHMENT_INVALID'))).toEqual(['contractAttachmentId']);
      const proofAsContract = await file(applicantId, 'EMPLOYMENT_PROOF');
      expect(fieldsOf(await refused(() => post(entry({ contractAttachmentId: proofAsContract })), 400, 'WORK_HISTORY_ATTACHMENT_INVALID'))).toEqual([
        'contractAttachmentId',
      ]);
      const otherContract = await file(applicantId, 'LABOUR_CONTRACT');
      expect(fieldsOf(await refused(() => post(entry({ proofAttachmentId: otherContract })), 400, 'WORK_HISTORY_ATTACHMENT_INVALID'))).toEqual(['proofAttachmentId']);
    });

    it('one file serves as both only for the current job at the registered unit', async () => {
      const shared = await file(applicantId, 'LABOUR_CONTRACT');
      const both = { contractAttachmentId: shared, proofAttachmentId: shared };
      for (const overrides of [
        { ...both, endDate: '2022-12-31' }, // a former job at the registered unit
        { ...both, unitId: xichengUnitId }, // the current job at another unit
        { ...both, unitId: null, unitName: '手填的单位', countyId: dongchengId }, // a typed unit
      ]) {
        expect(fieldsOf(await refused(() => post(entry(overrides)), 400, 'WORK_HISTORY_ATTACHMENT_INVALID'))).toEqual(['proofAttachmentId']);
      }
      // Once shared, the entry cannot become a former job without a second file.
      const view = await created(entry(both));
      expect(fieldsOf(await refused(() => patch(view.id, { endDate: '2024-12-31' }), 400, 'WORK_HISTORY_ATTACHMENT_INVALID'))).toEqual(['proofAttachmentId']);
      const proof = await file(applicantId, 'EMPLOYMENT_PROOF');
      expect((await patch(view.id, { endDate: '2024-12-31', proofAttachmentId: proof })).status).toBe(200);
    });
  });

  describe('who may do what', () => {
    let stranger: { id: string; headers: () => Promise<Headers> };
    let strangersEntry: string;
    let applicantsEntry: string;

    beforeAll(async () => {
      stranger = await person('wh_xicheng', xichengUnitId, 'APPROVED');
      strangersEntry = (await created(entry({ unitId: xichengUnitId }), await stranger.headers())).id;
      applicantsEntry = ((await t.http().get(BASE).set(applicant)).body.items as WorkHistoryView[])[0].id;
    });

    it('an applicant not yet approved gets 403 on every route', async () => {
      const pending = await person('wh_pending', demoUnitId, 'PENDING');
      const headers = await pending.headers();
      await refused(() => t.http().get(BASE).set(headers), 403, 'FORBIDDEN');
      await refused(() => post(entry(), headers), 403, 'FORBIDDEN');
      await refused(() => patch(applicantsEntry, { startDate: '2020-01-01' }, headers), 403, 'FORBIDDEN');
      await refused(() => t.http().delete(`${BASE}/${applicantsEntry}`).set(headers), 403, 'FORBIDDEN');
    });

    it('an approved applicant whose registration goes back to review loses the routes at once', async () => {
      await t.asOwner(`UPDATE persons SET registration_status = 'PENDING' WHERE user_id = $1`, [applicantId]);
      try {
        await refused(() => t.http().get(BASE).set(applicant), 403, 'FORBIDDEN');
        await refused(() => post(entry()), 403, 'FORBIDDEN');
      } finally {
        await t.asOwner(`UPDATE persons SET registration_status = 'APPROVED' WHERE user_id = $1`, [applicantId]);
      }
    });

    it('someone else\'s entries are 404 for GET ?personId=, PATCH and DELETE', async () => {
      await refused(() => t.http().get(BASE).query({ personId: stranger.id }).set(applicant), 404, 'NOT_FOUND');
      await refused(() => patch(strangersEntry, { startDate: '2020-01-01' }), 404, 'NOT_FOUND');
      await refused(() => t.http().delete(`${BASE}/${strangersEntry}`).set(applicant), 404, 'NOT_FOUND');
      // As for ids that do not exist or are not even ids.
      await refused(() => patch(randomUUID(), { startDate: '2020-01-01' }), 404, 'NOT_FOUND');
      await refused(() => t.http().delete(`${BASE}/not-an-id`).set(applicant), 404, 'NOT_FOUND');
      await refused(() => t.http().get(BASE).query({ personId: 'not-an-id' }).set(applicant), 404, 'NOT_FOUND');
      // Their own id is their own list.
      const own = await t.http().get(BASE).query({ personId: applicantId }).set(applicant);
      expect(own.status).toBe(200);
    });

    it('a draft registrant\'s entries are the person\'s own: the unit gets the same 404 as for nobody', async () => {
      const [draft] = (await t.asOwner(
        `SELECT p.user_id FROM persons p WHERE p.unit_id = $1 AND p.registration_status = 'DRAFT' LIMIT 1`,
        [demoUnitId],
      )) as { user_id: string }[];
      const unit = await t.bearer('demo_unit');
      const forDraft = expectProblem(await t.http().get(BASE).query({ personId: draft.user_id }).set(unit), 404, 'NOT_FOUND');
      const forNobody = expectProblem(await t.http().get(BASE).query({ personId: randomUUID() }).set(unit), 404, 'NOT_FOUND');
      expect(forDraft.detail).toBe(forNobody.detail);
    });

    it('the registered unit and its county read the applicant\'s entries; another county gets 404', async () => {
      const own = ((await t.http().get(BASE).set(applicant)).body.items as WorkHistoryView[]).map((item) => item.id);
      for (const reviewer of ['demo_unit', 'dongcheng_hrss']) {
        const response = await t.http().get(BASE).query({ personId: applicantId }).set(await t.bearer(reviewer));
        expect({ reviewer, status: response.status }).toEqual({ reviewer, status: 200 });
        expect((response.body.items as WorkHistoryView[]).map((item) => item.id)).toEqual(own);
      }
      await refused(async () => t.http().get(BASE).query({ personId: applicantId }).set(await t.bearer('xicheng_hrss')), 404, 'NOT_FOUND');
    });

    it('reviewers follow the person\'s registered unit, not the units of the entries', async () => {
      const xicheng = await t.http().get(BASE).query({ personId: stranger.id }).set(await t.bearer('xicheng_hrss'));
      expect(xicheng.status).toBe(200);
      expect((xicheng.body.items as WorkHistoryView[]).map((item) => item.id)).toEqual([strangersEntry]);
      for (const reviewer of ['demo_unit', 'dongcheng_hrss']) {
        await refused(async () => t.http().get(BASE).query({ personId: stranger.id }).set(await t.bearer(reviewer)), 404, 'NOT_FOUND');
      }
    });

    it('reviewers read but do not write, and have no list of their own', async () => {
      const unit = await t.bearer('demo_unit');
      await refused(() => t.http().get(BASE).set(unit), 403, 'FORBIDDEN');
      await refused(() => post(entry(), unit), 403, 'FORBIDDEN');
      await refused(() => patch(applicantsEntry, { startDate: '2020-01-01' }, unit), 403, 'FORBIDDEN');
      await refused(() => t.http().delete(`${BASE}/${applicantsEntry}`).set(unit), 403, 'FORBIDDEN');
    });

    it('roles without person.read get 403 for someone\'s entries', async () => {
      for (const username of ['city_hrss', 'admin', 'auditor']) {
        await refused(async () => t.http().get(BASE).query({ personId: applicantId }).set(await t.bearer(username)), 403, 'FORBIDDEN');
      }
    });
  });

  it(`keeps at most ${WORK_HISTORY_MAX_ENTRIES} entries per person (409)`, async () => {
    const full = await person('wh_full', demoUnitId, 'APPROVED');
    await t.asOwner(
      `INSERT INTO work_histories (person_id, unit_name, county_id, start_date, end_date, contract_start, contract_end)
       SELECT $1, '单位' || n, $2, DATE '2000-01-01' + n, DATE '2000-01-01' + n, DATE '2000-01-01' + n, DATE '2001-01-01' + n
         FROM generate_series(1, $3::int) AS n`,
      [full.id, xichengId, WORK_HISTORY_MAX_ENTRIES],
    );
    const headers = await full.headers();
    await refused(() => post(entry(), headers), 409, 'WORK_HISTORY_LIMIT_REACHED');
    const list = await t.http().get(BASE).set(headers);
    expect(list.body.items).toHaveLength(WORK_HISTORY_MAX_ENTRIES);
  });
});
