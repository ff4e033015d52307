import type { INestApplication } from '@nestjs/common';
import { generateTemporaryPassword, PasswordsService } from '../../modules/accounts/passwords/passwords.service.js';
import { UsersRepository } from '../../modules/accounts/users/users.repository.js';
import { UnitOfWork } from '../unit-of-work.js';
import { insertAccount } from './accounts-seed.js';

export interface BootstrapInput {
  cityCode: string;
  cityName: string;
  adminPhone: string | null;
  auditorPhone: string | null;
}

export interface BootstrapResult {
  accounts: { username: string; role: 'ADMIN' | 'AUDITOR'; temporaryPassword: string }[];
}

export class AlreadyBootstrappedError extends Error {}

/**
 * A real deployment's first step (DEMO_DATA off): the city, one administrator and one auditor,
 * each with a one-time password to be changed at first sign-in. The administrator then adds the
 * counties and the staff. Refuses when the city already exists.
 */
export async function bootstrapCity(app: INestApplication, input: BootstrapInput): Promise<BootstrapResult> {
  const uow = app.get(UnitOfWork);
  const writers = { users: app.get(UsersRepository), passwords: app.get(PasswordsService) };
  return uow.run(async () => {
    await uow.tx.query('SELECT pg_advisory_xact_lock(7260)');
    const existing = await uow.tx.query<{ name: string }[]>(`SELECT name FROM regions WHERE level = 'CITY'`);
    if (existing.length > 0) throw new AlreadyBootstrappedError(`已初始化：城市「${existing[0].name}」已存在，无需再次初始化。`);
    const [city] = await uow.tx.query<{ id: string }[]>(`INSERT INTO regions (code, name, level) VALUES ($1, $2, 'CITY') RETURNING id`, [
      input.cityCode,
      input.cityName,
    ]);
    const accounts: BootstrapResult['accounts'] = [];
    for (const [username, role, fullName, phone] of [
      ['admin', 'ADMIN', '系统管理员', input.adminPhone],
      ['auditor', 'AUDITOR', '审计员', input.auditorPhone],
    ] as const) {
      const temporaryPassword = generateTemporaryPassword();
      await insertAccount(writers, { username, fullName, role, phone, regionId: city.id }, temporaryPassword, true);
      accounts.push({ username, role, temporaryPassword });
    }
    return { accounts };
  });
}
