import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { creditCodeCheckChar } from '@butie/contracts';
import { PasswordsService } from '../../modules/accounts/passwords.service.js';
import { RegionsService } from '../../modules/regions/regions.service.js';
import { insertAccount, type SeedAccount } from './accounts-seed.js';
import { DEMO_APPLICANT, DEMO_CITY, DEMO_COUNTIES, DEMO_UNIT, demoStaffAccounts } from './demo-data.js';

/**
 * Fills an empty database with the demo city, its counties (each with its virtual unit), every
 * staff account, one unit and one applicant. Does nothing when the city already exists.
 */
export async function seedDemoData(app: INestApplication, password: string): Promise<boolean> {
  const db = app.get<DataSource>(getDataSourceToken());
  const regions = app.get(RegionsService);
  const passwords = app.get(PasswordsService);

  return db.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(7260)');
    const existing = (await manager.query(`SELECT 1 FROM regions WHERE level = 'CITY'`)) as unknown[];
    if (existing.length > 0) return false;

    const [city] = (await manager.query(`INSERT INTO regions (code, name, level) VALUES ($1, $2, 'CITY') RETURNING id`, [
      DEMO_CITY.code,
      DEMO_CITY.name,
    ])) as { id: string }[];
    const countyIds = new Map<string, string>();
    for (const county of DEMO_COUNTIES) {
      const created = await regions.insertCounty(manager, city.id, county);
      countyIds.set(county.code, created.id);
    }

    const addUser = (account: SeedAccount) => insertAccount(manager, passwords, account, password, false);

    for (const account of demoStaffAccounts()) {
      await addUser({ ...account, regionId: account.county ? countyIds.get(account.county)! : city.id });
    }

    const dongcheng = countyIds.get(DEMO_UNIT.county)!;
    const [unit] = (await manager.query(
      `INSERT INTO units (name, credit_code, county_id, status, address, contact_person, contact_phone)
       VALUES ($1, $2, $3, 'APPROVED', $4, $5, $6) RETURNING id`,
      [
        DEMO_UNIT.name,
        DEMO_UNIT.creditCodeBody + creditCodeCheckChar(DEMO_UNIT.creditCodeBody),
        dongcheng,
        DEMO_UNIT.address,
        DEMO_UNIT.contactPerson,
        DEMO_UNIT.contactPhone,
      ],
    )) as { id: string }[];
    await addUser({ ...DEMO_UNIT.account, role: 'UNIT', regionId: dongcheng, unitId: unit.id });
    await addUser({ ...DEMO_APPLICANT, role: 'APPLICANT', regionId: null });
    return true;
  });
}
