import { randomUUID } from 'node:crypto';
import type { Role } from '@butie/contracts';
import type { AuthUser } from '../src/common/auth/auth-user.js';
import { ScopedAccess } from '../src/common/access/scoped-access.js';
import { UNIT_REGISTRATIONS_TABLE } from '../src/modules/units/units.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Data scope for sets (after immich's checkAccess), against the real tables: of the ids given, which
 * the user may act on, which they only see (403), and the rest — another county's, unknown,
 * malformed — in neither set, so that a caller reports them as not found and never says which exist.
 */
describe('ScopedAccess.check: which of a set of ids a user may act on', () => {
  let t: TestApp;
  let access: ScopedAccess;
  const unitsOf: Record<string, string[]> = {};

  const principal = async (username: string): Promise<AuthUser> => {
    const [row] = await t.db.query<{ id: string; role: Role; region_id: string | null; unit_id: string | null }[]>(
      `SELECT id, role, region_id, unit_id FROM users WHERE username = $1`,
      [username],
    );
    return {
      id: row.id, username, fullName: username, phone: null, email: null, role: row.role, status: 'ACTIVE', regionId: row.region_id, region: null,
      unitId: row.unit_id, unit: null, mustChangePassword: false, registrationStatus: null, sessionId: randomUUID(), previousLogin: null,
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    access = t.app.get(ScopedAccess);
    for (const code of ['dongcheng', 'xicheng']) {
      const rows = await t.db.query<{ id: string }[]>(
        `SELECT u.id FROM units u JOIN regions r ON r.id = u.county_id WHERE r.code = $1 AND NOT u.is_virtual ORDER BY u.id LIMIT 2`,
        [code],
      );
      unitsOf[code] = rows.map((row) => row.id);
    }
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  it('a county HRSS may act on its own county\'s units only; the others are in neither set', async () => {
    const own = unitsOf.dongcheng;
    const others = [...unitsOf.xicheng, randomUUID(), 'not-an-id', '1; DROP TABLE units'];
    const result = await access.check(await principal('dongcheng_hrss'), UNIT_REGISTRATIONS_TABLE, [...own, ...others, own[0]], 'unit.registration.review');
    expect([...result.actionable].sort()).toEqual([...own].sort());
    expect(result.visibleOnly.size).toBe(0);
  });

  it('a county organisation department sees its county\'s units but may not review them (403, not 404)', async () => {
    const result = await access.check(await principal('dongcheng_org'), UNIT_REGISTRATIONS_TABLE, [...unitsOf.dongcheng, ...unitsOf.xicheng], 'unit.registration.review');
    expect(result.actionable.size).toBe(0);
    expect([...result.visibleOnly].sort()).toEqual([...unitsOf.dongcheng].sort());
  });

  it('city staff see every county\'s units; an empty or all-malformed set asks the database nothing and finds nothing', async () => {
    const city = await principal('city_hrss');
    const result = await access.check(city, UNIT_REGISTRATIONS_TABLE, [...unitsOf.dongcheng, ...unitsOf.xicheng], 'unit.registration.review');
    expect([...result.visibleOnly].sort()).toEqual([...unitsOf.dongcheng, ...unitsOf.xicheng].sort());
    expect((await access.check(city, UNIT_REGISTRATIONS_TABLE, [], 'unit.registration.review')).visibleOnly.size).toBe(0);
    expect((await access.check(city, UNIT_REGISTRATIONS_TABLE, ['x', ''], 'unit.registration.review')).visibleOnly.size).toBe(0);
  });

  it('a unit sees itself and no other unit', async () => {
    const unit = await principal('unit_dongcheng_1');
    const result = await access.check(unit, UNIT_REGISTRATIONS_TABLE, [unit.unitId!, ...unitsOf.dongcheng, ...unitsOf.xicheng], 'unit.registration.review');
    expect([...result.visibleOnly]).toEqual([unit.unitId]);
    expect(result.actionable.size).toBe(0);
  });
});
