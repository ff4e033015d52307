import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { generateTemporaryPassword, PasswordsService } from '../../modules/accounts/passwords.service.js';
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
  const db = app.get<DataSource>(getDataSourceToken());
  const passwords = app.get(PasswordsService);
  return db.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(7260)');
    const existing = (await manager.query(`SELECT name FROM regions WHERE level = 'CITY'`)) as { name: string }[];
    if (existing.length > 0) throw new AlreadyBootstrappedError(`已初始化：城市「${existing[0].name}」已存在，无需再次初始化。`);
    const [city] = (await manager.query(`INSERT INTO regions (code, name, level) VALUES ($1, $2, 'CITY') RETURNING id`, [
      input.cityCode,
      input.cityName,
    ])) as { id: string }[];
    const accounts: BootstrapResult['accounts'] = [];
    for (const [username, role, fullName, phone] of [
      ['admin', 'ADMIN', '系统管理员', input.adminPhone],
      ['auditor', 'AUDITOR', '审计员', input.auditorPhone],
    ] as const) {
      const temporaryPassword = generateTemporaryPassword();
      await insertAccount(manager, passwords, { username, fullName, role, phone, regionId: city.id }, temporaryPassword, true);
      accounts.push({ username, role, temporaryPassword });
    }
    return { accounts };
  });
}
