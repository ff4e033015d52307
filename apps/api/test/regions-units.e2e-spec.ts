import { randomUUID } from 'node:crypto';
import { DEMO_COUNTIES, DEMO_UNIT } from '../src/database/seeds/demo-data.js';
import { expectProblem, problemWithoutRequest } from './support/problem.js';
import { allItems } from './support/pages.js';
import { raceAtTheDatabase } from './support/race.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Region {
  id: string;
  code: string;
  name: string;
  level: 'CITY' | 'COUNTY';
  parentId: string | null;
  virtualUnit: { id: string; name: string } | null;
}

interface Unit {
  id: string;
  name: string;
  isVirtual: boolean;
  county: { id: string; name: string };
  status: string;
}

describe('regions, units and data scope', () => {
  let t: TestApp;
  const headers: Record<string, { Authorization: string }> = {};
  const county: Record<string, string> = {};
  let cityId: string;
  const virtualUnit: Record<string, string> = {};
  let demoUnitId: string;

  const as = async (username: string) => (headers[username] ??= await t.bearer(username));
  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }[]>(sql, params))[0].n;
  const placeCounts = async () => ({
    regions: await count(`SELECT count(*)::int AS n FROM regions`),
    units: await count(`SELECT count(*)::int AS n FROM units`),
    logs: await count(`SELECT count(*)::int AS n FROM operation_logs`),
  });
  /** Every unit of the list the user sees, over all its pages. */
  const unitsAs = async (username: string, query = '') => ({ items: await allItems<Unit>(t, await as(username), '/api/v1/units', `limit=3${query}`) });
  const unitIdsOfCounty = async (code: string) =>
    (await t.db.query<{ id: string }[]>(`SELECT u.id FROM units u JOIN regions r ON r.id = u.county_id WHERE r.code = $1`, [code])).map((row) => row.id).sort();

  beforeAll(async () => {
    t = await startTestApp();
    for (const row of await t.db.query<{ id: string; code: string; level: string }[]>(`SELECT id, code, level FROM regions`)) {
      if (row.level === 'CITY') cityId = row.id;
      else county[row.code] = row.id;
    }
    const units = await t.db.query<{
      id: string;
      is_virtual: boolean;
      code: string;
    }[]>(`SELECT u.id, u.is_virtual, r.code FROM units u JOIN regions r ON r.id = u.county_id`);
    for (const unit of units) if (unit.is_virtual) virtualUnit[unit.code] = unit.id;
    // The demo data has units in every county; the demo unit is the one of the demo_unit account.
    [{ id: demoUnitId }] = await t.db.query<{ id: string }[]>(`SELECT unit_id AS id FROM users WHERE username = 'demo_unit'`);
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  describe('data scope of units', () => {
    it('city staff see the units of every county', async () => {
      const page = await unitsAs('city_hrss');
      const all = await t.db.query<{ id: string }[]>(`SELECT id FROM units`);
      expect(page.items.map((unit) => unit.id).sort()).toEqual(all.map((unit) => unit.id).sort());
      const counties = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE level = 'COUNTY'`);
      expect(new Set(page.items.map((unit) => unit.county.id))).toEqual(new Set(counties.map((row) => row.id)));
    });

    it('city staff can narrow the list to one county', async () => {
      const page = await unitsAs('city_finance', `&countyId=${county.xicheng}`);
      expect(page.items.map((unit) => unit.id).sort()).toEqual(await unitIdsOfCounty('xicheng'));
      expect(page.items).toContainEqual({ id: virtualUnit.xicheng, name: '西城区虚拟单位', isVirtual: true, county: { id: county.xicheng, name: '西城区' }, status: 'APPROVED' });
    });

    it.each(['dongcheng_hrss', 'dongcheng_org', 'dongcheng_finance'])('county staff see only their county\'s units (%s)', async (username) => {
      const page = await unitsAs(username);
      expect(page.items.map((unit) => unit.id).sort()).toEqual(await unitIdsOfCounty('dongcheng'));
      expect(page.items.map((unit) => unit.name)).toEqual(expect.arrayContaining([DEMO_UNIT.name, '东城区虚拟单位']));
      expect(page.items.every((unit) => unit.county.id === county.dongcheng)).toBe(true);
    });

    it('county staff never see another county\'s units, even when asking for that county', async () => {
      const page = await unitsAs('dongcheng_hrss', `&countyId=${county.xicheng}`);
      expect(page.items).toEqual([]);
      const byName = await unitsAs('xicheng_hrss', `&keyword=${encodeURIComponent('示范')}`);
      expect(byName.items).toEqual([]);
    });

    it('a unit account sees only its own unit', async () => {
      const page = await unitsAs('demo_unit');
      expect(page.items.map((unit) => unit.id)).toEqual([demoUnitId]);
      // Not even its own county's virtual unit.
      const sameCounty = await unitsAs('demo_unit', `&countyId=${county.dongcheng}`);
      expect(sameCounty.items.map((unit) => unit.id)).toEqual([demoUnitId]);
      expectProblem(await t.http().get(`/api/v1/units/${virtualUnit.dongcheng}`).set(await as('demo_unit')), 404, 'NOT_FOUND');
      const own = await t.http().get(`/api/v1/units/${demoUnitId}`).set(await as('demo_unit'));
      expect(own.status).toBe(200);
      expect(own.body).toEqual({ id: demoUnitId, name: DEMO_UNIT.name, isVirtual: false, county: { id: county.dongcheng, name: '东城区' }, status: 'APPROVED' });
    });

    it('county staff open a unit of their own county', async () => {
      const response = await t.http().get(`/api/v1/units/${demoUnitId}`).set(await as('dongcheng_hrss'));
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(demoUnitId);
    });

    it('a unit of another county answers 404 exactly like a unit that does not exist (no enumeration)', async () => {
      const dongcheng = await as('dongcheng_hrss');
      const otherCounty = expectProblem(await t.http().get(`/api/v1/units/${virtualUnit.xicheng}`).set(dongcheng), 404, 'NOT_FOUND');
      const missing = expectProblem(await t.http().get(`/api/v1/units/${randomUUID()}`).set(dongcheng), 404, 'NOT_FOUND');
      const malformed = expectProblem(await t.http().get('/api/v1/units/not-a-uuid').set(dongcheng), 404, 'NOT_FOUND');
      expect(problemWithoutRequest(otherCounty)).toEqual(problemWithoutRequest(missing));
      expect(problemWithoutRequest(malformed)).toEqual(problemWithoutRequest(missing));
      expect(Object.keys(otherCounty).sort()).toEqual(Object.keys(missing).sort());
    });

    it.each(['demo_applicant', 'auditor'])('%s cannot read units at all (403)', async (username) => {
      expectProblem(await t.http().get('/api/v1/units').set(await as(username)), 403, 'FORBIDDEN');
      expectProblem(await t.http().get(`/api/v1/units/${demoUnitId}`).set(await as(username)), 403, 'FORBIDDEN');
    });

    it('the unit list pages at most 100 a page', async () => {
      const first = await t.http().get('/api/v1/units?limit=2').set(await as('city_hrss'));
      const second = await t.http().get(`/api/v1/units?limit=2&cursor=${first.body.nextCursor}`).set(await as('city_hrss'));
      expect(first.body.items).toHaveLength(2);
      const ids = [...first.body.items, ...second.body.items].map((unit: Unit) => unit.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await t.http().get('/api/v1/units?limit=100').set(await as('city_hrss'))).status).toBe(200);
      expectProblem(await t.http().get('/api/v1/units?limit=101').set(await as('city_hrss')), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/units?cursor=bm90LWEtY3Vyc29y').set(await as('city_hrss')), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/units?countyId=xicheng').set(await as('city_hrss')), 400, 'VALIDATION_FAILED');
    });
  });

  describe('regions', () => {
    it('lists the city and its four counties, each county with its virtual unit', async () => {
      const response = await t.http().get('/api/v1/regions').set(await as('city_hrss'));
      expect(response.status).toBe(200);
      const regions = response.body as Region[];
      expect(regions[0]).toEqual({ id: cityId, code: 'yunzhou', name: '云州市', level: 'CITY', parentId: null, virtualUnit: null });
      const counties = regions.slice(1);
      expect(counties.map((region) => region.code).sort()).toEqual(DEMO_COUNTIES.map((c) => c.code).sort());
      for (const { code, name } of DEMO_COUNTIES) {
        expect(counties.find((region) => region.code === code)).toEqual({
          id: county[code],
          code,
          name,
          level: 'COUNTY',
          parentId: cityId,
          virtualUnit: { id: virtualUnit[code], name: `${name}虚拟单位` },
        });
      }
    });

    it.each(['admin', 'dongcheng_finance', 'city_org'])('%s may list the regions', async (username) => {
      const response = await t.http().get('/api/v1/regions').set(await as(username));
      expect(response.status).toBe(200);
    });

    it.each(['demo_unit', 'demo_applicant', 'auditor'])('%s may not list the regions (403)', async (username) => {
      expectProblem(await t.http().get('/api/v1/regions').set(await as(username)), 403, 'FORBIDDEN');
    });

    it('creating a county creates its virtual unit with it, approved', async () => {
      const response = await t.http().post('/api/v1/regions/counties').set(await as('admin')).send({ code: 'xinqu', name: '新区' });
      expect(response.status).toBe(201);
      const created = response.body as Region;
      expect(created).toEqual({
        id: expect.any(String),
        code: 'xinqu',
        name: '新区',
        level: 'COUNTY',
        parentId: cityId,
        virtualUnit: { id: expect.any(String), name: '新区虚拟单位' },
      });

      const units = await t.db.query<{
        id: string;
        is_virtual: boolean;
        status: string;
        credit_code: string | null;
      }[]>(`SELECT id, is_virtual, status, credit_code FROM units WHERE county_id = $1`, [created.id]);
      expect(units).toEqual([{ id: created.virtualUnit!.id, is_virtual: true, status: 'APPROVED', credit_code: null }]);

      const listed = await t.http().get('/api/v1/regions').set(await as('city_hrss'));
      expect((listed.body as Region[]).find((region) => region.code === 'xinqu')).toEqual(created);
      const [log] = await t.db.query<object[]>(`SELECT action, actor_username FROM operation_logs WHERE target_id = $1`, [created.id]);
      expect(log).toEqual({ action: 'COUNTY_CREATE', actor_username: 'admin' });
    });

    it('the new county\'s virtual unit is in the city\'s scope straight away', async () => {
      const [row] = await t.db.query<{ id: string }[]>(`SELECT id FROM regions WHERE code = 'xinqu'`);
      const page = await unitsAs('city_hrss', `&countyId=${row.id}`);
      expect(page.items.map((unit) => unit.name)).toEqual(['新区虚拟单位']);
      const fromOtherCounty = await unitsAs('dongcheng_hrss', `&countyId=${row.id}`);
      expect(fromOtherCounty.items).toEqual([]);
    });

    it('a county code already in use is refused (409 REGION_CODE_TAKEN) and nothing is half-created', async () => {
      const before = await placeCounts();
      for (const code of ['dongcheng', 'yunzhou']) {
        const response = await t.http().post('/api/v1/regions/counties').set(await as('admin')).send({ code, name: '另一个区' });
        const body = expectProblem(response, 409, 'REGION_CODE_TAKEN');
        expect(body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
      }
      expect(await placeCounts()).toEqual(before);
    });

    it('a county name already in use is refused (409 REGION_NAME_TAKEN) and nothing is half-created', async () => {
      const before = await placeCounts();
      const response = await t.http().post('/api/v1/regions/counties').set(await as('admin')).send({ code: 'dongcheng2', name: '东城区' });
      const body = expectProblem(response, 409, 'REGION_NAME_TAKEN');
      expect(body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
      expect(await placeCounts()).toEqual(before);
    });

    it('two simultaneous creations of one county: one succeeds, the other gets 409 (not 500), and one virtual unit exists', async () => {
      const admin = await as('admin');
      const create = (name: string) => t.http().post('/api/v1/regions/counties').set(admin).send({ code: 'racequ', name });
      const responses = await raceAtTheDatabase(t, 'regions', [() => create('竞争区甲'), () => create('竞争区乙')]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(responses.find((response) => response.status === 409)!.body.code).toBe('REGION_CODE_TAKEN');
      expect(await count(`SELECT count(*)::int AS n FROM regions WHERE code = 'racequ'`)).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM units u JOIN regions r ON r.id = u.county_id WHERE r.code = 'racequ'`)).toBe(1);

      const sameName = await raceAtTheDatabase(t, 'regions', [
        () => t.http().post('/api/v1/regions/counties').set(admin).send({ code: 'racea', name: '竞争区丙' }),
        () => t.http().post('/api/v1/regions/counties').set(admin).send({ code: 'raceb', name: '竞争区丙' }),
      ]);
      expect(sameName.map((response) => response.status).sort()).toEqual([201, 409]);
      expect(sameName.find((response) => response.status === 409)!.body.code).toBe('REGION_NAME_TAKEN');
    });

    it('a county code must be 2–16 lowercase letters or digits starting with a letter (400)', async () => {
      const before = await placeCounts();
      for (const code of ['', 'a', 'Xinqu', '1qu', 'xin qu', 'xin-qu', 'a'.repeat(17), '新区']) {
        const response = await t.http().post('/api/v1/regions/counties').set(await as('admin')).send({ code, name: '格式区' });
        const body = expectProblem(response, 400, 'VALIDATION_FAILED');
        expect({ code, errors: body.errors }).toEqual({ code, errors: [expect.objectContaining({ field: 'code' })] });
      }
      expectProblem(await t.http().post('/api/v1/regions/counties').set(await as('admin')).send({ code: 'geshi' }), 400, 'VALIDATION_FAILED');
      expect(await placeCounts()).toEqual(before);
    });

    it.each(['city_hrss', 'dongcheng_hrss', 'auditor', 'demo_unit'])('only the administrator creates counties (%s gets 403)', async (username) => {
      const before = await placeCounts();
      const response = await t.http().post('/api/v1/regions/counties').set(await as(username)).send({ code: 'yuequ', name: '越权区' });
      expectProblem(response, 403, 'FORBIDDEN');
      expect(await placeCounts()).toEqual(before);
    });
  });
});
