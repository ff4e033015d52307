import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { PasswordHasher } from '../../modules/accounts/passwords/password-hasher.js';
import { UsersRepository } from '../../modules/accounts/users/users.repository.js';
import { AttachmentsRepository } from '../../modules/attachments/attachments.repository.js';
import { AttachmentStorage } from '../../modules/attachments/storage/attachment-storage.js';
import { RegionsService } from '../../modules/regions/regions.service.js';
import { WorkHistoryService } from '../../modules/work-history/work-history.service.js';
import { UnitOfWork } from '../unit-of-work.js';
import { insertAccountWithHash } from './accounts-seed.js';
import type { DemoActor, DemoSeedContext } from './demo-context.js';
import { DEMO_CITY, DEMO_COUNTIES, demoStaffAccounts } from './demo-data.js';
import { DemoMaterials } from './demo-materials.js';
import { seedDemoGatewayRecords } from './demo-gateways.js';
import { seedDemoPersons } from './demo-persons.js';
import { seedDemoUnits } from './demo-units.js';

/**
 * Fills an empty database with the demo city, its counties (each with its virtual unit), every
 * staff account, units in every county and every registration status (demo-units.ts), and
 * registrants in every status with their materials and work histories (demo-persons.ts), and the
 * sandbox gateways' records of them (demo-gateways.ts). Does nothing when the city already exists.
 *
 * One unit of work: the services and repositories called below join it, all or nothing. The
 * files of the materials are stored beside it (local disk or S3 cannot take part in a database
 * transaction): when the transaction fails they are removed again.
 */
export async function seedDemoData(app: INestApplication, password: string): Promise<boolean> {
  const uow = app.get(UnitOfWork);
  const regions = app.get(RegionsService);
  const users = app.get(UsersRepository);
  const hasher = app.get(PasswordHasher);
  const workHistories = app.get(WorkHistoryService);
  const materials = new DemoMaterials(app.get(AttachmentStorage), app.get(AttachmentsRepository), app.get(AppConfig).attachments.maxFileBytes);

  try {
    return await uow.run(async () => {
      const tx = uow.tx;
      await tx.query('SELECT pg_advisory_xact_lock(7260)');
      const existing = await tx.query<unknown[]>(`SELECT 1 FROM regions WHERE level = 'CITY'`);
      if (existing.length > 0) return false;

      // Once: an argon2 hash costs more than all the rows of the demo together.
      const passwordHash = await hasher.hash(password);
      const [city] = await tx.query<{ id: string }[]>(`INSERT INTO regions (code, name, level) VALUES ($1, $2, 'CITY') RETURNING id`, [
        DEMO_CITY.code,
        DEMO_CITY.name,
      ]);
      const countyIds = new Map<string, string>();
      for (const county of DEMO_COUNTIES) countyIds.set(county.code, (await regions.insertCounty(city.id, county)).id);
      const ctx: DemoSeedContext = { tx, countyIds, addAccount: (account) => insertAccountWithHash(users, account, passwordHash) };

      const hrss = new Map<string, DemoActor>();
      for (const account of demoStaffAccounts()) {
        const id = await ctx.addAccount({ ...account, regionId: account.county ? countyIds.get(account.county)! : city.id });
        if (account.role === 'COUNTY_HRSS') hrss.set(account.county!, { id, role: account.role, name: account.fullName });
      }

      const units = await seedDemoUnits(ctx, (county) => hrss.get(county)!);
      await seedDemoPersons(ctx, { units, materials, workHistories });
      await seedDemoGatewayRecords(tx);
      // AttachmentsRepository.insert dates a file now: date the demo's with the story instead —
      // registration materials just after the account was made (in the order of the upload form),
      // the files of a job the day after the registration was approved.
      await tx.query(
        `UPDATE attachments a
            SET created_at = CASE WHEN a.kind IN ('LABOUR_CONTRACT', 'EMPLOYMENT_PROOF') AND p.reviewed_at IS NOT NULL
                                  THEN least(p.reviewed_at + interval '1 day', now())
                                  ELSE p.created_at + coalesce(array_position($1::varchar[], a.kind), 6) * interval '3 minutes' END
           FROM persons p WHERE p.user_id = a.owner_id`,
        [['ID_CARD', 'DEGREE_CERTIFICATE', 'EDUCATION_CERTIFICATE', 'EDUCATION_RECORD', 'OTHER']],
      );
      return true;
    });
  } catch (error) {
    await materials.discardAll();
    throw error;
  }
}
