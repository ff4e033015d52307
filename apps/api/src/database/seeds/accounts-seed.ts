import type { EntityManager } from 'typeorm';
import type { Role } from '@butie/contracts';
import type { PasswordsService } from '../../modules/accounts/passwords.service.js';

export interface SeedAccount {
  username: string;
  fullName: string;
  role: Role;
  phone: string | null;
  regionId: string | null;
  unitId?: string | null;
}

/** Inserts an account with its password (and password history), as set-up scripts need it. */
export async function insertAccount(
  manager: EntityManager,
  passwords: PasswordsService,
  account: SeedAccount,
  password: string,
  mustChangePassword: boolean,
): Promise<string> {
  const [row] = (await manager.query(
    `INSERT INTO users (username, password_hash, full_name, phone, role, region_id, unit_id) VALUES ($1, '', $2, $3, $4, $5, $6) RETURNING id`,
    [account.username, account.fullName, account.phone, account.role, account.regionId, account.unitId ?? null],
  )) as { id: string }[];
  await passwords.set(manager, row.id, password, mustChangePassword);
  return row.id;
}
