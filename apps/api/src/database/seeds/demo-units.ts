import { creditCodeCheckChar, type RegistrationStatus } from '@butie/contracts';
import { agoSql, appendDemoTrail, type DemoActor, type DemoSeedContext } from './demo-context.js';
import { DEMO_UNIT, DEMO_UNITS, demoUnitPhone, type DemoUnit } from './demo-data.js';

/** A demo unit as the rest of the seed needs it: its id, county and the UNIT account that reviews its registrants. */
export interface SeededUnit {
  id: string;
  name: string;
  countyId: string;
  status: RegistrationStatus;
  reviewer: DemoActor;
}

/**
 * The demo unit and DEMO_UNITS, each with its UNIT account and the trail of its registration:
 * submitted by the unit, approved or returned by its county's HRSS staff (and resubmitted). Keyed
 * by the account's username. Raw SQL like the earlier seed: UnitsRepository.insertRegistration
 * writes a registration of now, and these are registrations of past weeks.
 *
 * `hrssOf(countyCode)` is the county's HRSS staff account, the reviewer of its units.
 */
export async function seedDemoUnits(ctx: DemoSeedContext, hrssOf: (county: string) => DemoActor): Promise<Map<string, SeededUnit>> {
  const demo: DemoUnit = {
    username: DEMO_UNIT.account.username,
    name: DEMO_UNIT.name,
    county: DEMO_UNIT.county,
    creditCodeBody: DEMO_UNIT.creditCodeBody,
    address: DEMO_UNIT.address,
    contactPerson: DEMO_UNIT.contactPerson,
    status: 'APPROVED',
    submittedDaysAgo: 180,
  };
  const units = new Map<string, SeededUnit>();
  for (const [index, unit] of [demo, ...DEMO_UNITS].entries()) {
    const phone = index === 0 ? DEMO_UNIT.contactPhone : demoUnitPhone(index - 1);
    units.set(unit.username, await seedUnit(ctx, unit, phone, hrssOf(unit.county)));
  }
  return units;
}

async function seedUnit(ctx: DemoSeedContext, unit: DemoUnit, phone: string, hrss: DemoActor): Promise<SeededUnit> {
  const countyId = ctx.countyIds.get(unit.county);
  const check = creditCodeCheckChar(unit.creditCodeBody);
  if (!countyId || !check) throw new Error(`demo unit ${unit.username}: unknown county ${unit.county} or malformed credit code ${unit.creditCodeBody}`);

  // The times of the story: submitted, decided (returned or approved), resubmitted.
  const decidedDaysAgo = unit.returnedDaysAgo ?? unit.submittedDaysAgo - 1.8;
  const lastSubmittedDaysAgo = unit.resubmittedDaysAgo ?? unit.submittedDaysAgo;
  // As the service leaves them: a resubmission keeps the last opinion and review time.
  const reviewedDaysAgo = unit.returnedDaysAgo ?? (unit.status === 'APPROVED' ? decidedDaysAgo : null);
  const [{ id }] = await ctx.tx.query<{ id: string }[]>(
    `INSERT INTO units (name, credit_code, county_id, status, address, contact_person, contact_phone, review_opinion,
                        submitted_at, reviewed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${agoSql(9)}, CASE WHEN $10::float8 IS NULL THEN NULL ELSE ${agoSql(10)} END, ${agoSql(11)},
             ${agoSql(12)})
     RETURNING id`,
    [
      unit.name,
      unit.creditCodeBody + check,
      countyId,
      unit.status,
      unit.address,
      unit.contactPerson,
      phone,
      unit.opinion ?? null,
      lastSubmittedDaysAgo,
      reviewedDaysAgo,
      unit.submittedDaysAgo,
      Math.min(lastSubmittedDaysAgo, reviewedDaysAgo ?? lastSubmittedDaysAgo),
    ],
  );
  const accountId = await ctx.addAccount({ username: unit.username, fullName: unit.contactPerson, role: 'UNIT', phone, regionId: countyId, unitId: id });
  const self: DemoActor = { id: accountId, role: 'UNIT', name: unit.contactPerson };

  const move = (action: string, from: RegistrationStatus | null, to: RegistrationStatus, actor: DemoActor, daysAgo: number, opinion?: string) =>
    appendDemoTrail(ctx.tx, { subject: 'UNIT_REGISTRATION', subjectId: id, action, from, to, actor, opinion, daysAgo });
  await move('submit', null, 'PENDING', self, unit.submittedDaysAgo);
  if (unit.status === 'APPROVED') await move('approve', 'PENDING', 'APPROVED', hrss, decidedDaysAgo);
  if (unit.returnedDaysAgo !== undefined) await move('return', 'PENDING', 'RETURNED', hrss, unit.returnedDaysAgo, unit.opinion);
  if (unit.resubmittedDaysAgo !== undefined) await move('resubmit', 'RETURNED', 'PENDING', self, unit.resubmittedDaysAgo);
  return { id, name: unit.name, countyId, status: unit.status, reviewer: self };
}
