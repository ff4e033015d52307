import { PASSWORD_HISTORY_DEPTH, type Role } from '@butie/contracts';
import type { PasswordsService } from '../../modules/accounts/passwords/passwords.service.js';
import type { UsersRepository } from '../../modules/accounts/users/users.repository.js';

export interface SeedAccount {
  username: string;
  fullName: string;
  role: Role;
  phone: string | null;
  regionId: string | null;
  unitId?: string | null;
}

/** What a set-up script needs to write accounts: the app's own repository and password rules. */
export interface AccountWriters {
  users: UsersRepository;
  passwords: PasswordsService;
}

/**
 * Inserts an account with its password (and password history), as set-up scripts need it. Runs in
 * the caller's unit of work (`uow.run`), like every write of the app.
 */
export async function insertAccount(writers: AccountWriters, account: SeedAccount, password: string, mustChangePassword: boolean): Promise<string> {
  const id = await writers.users.insert({
    username: account.username,
    fullName: account.fullName,
    phone: account.phone,
    email: null,
    role: account.role,
    regionId: account.regionId,
    unitId: account.unitId ?? null,
    mustChangePassword,
  });
  await writers.passwords.set(id, password, mustChangePassword);
  return id;
}

/**
 * Inserts an account whose password was hashed beforehand (PasswordHasher.hash), with its
 * password history: the demo seed hashes its one password once for all its accounts, since one
 * argon2 hash costs about as much as the whole rest of the seed.
 */
export async function insertAccountWithHash(
  users: UsersRepository,
  account: SeedAccount & { email?: string | null },
  passwordHash: string,
): Promise<string> {
  const id = await users.insert({
    username: account.username,
    fullName: account.fullName,
    phone: account.phone,
    email: account.email ?? null,
    role: account.role,
    regionId: account.regionId,
    unitId: account.unitId ?? null,
    mustChangePassword: false,
  });
  await users.setPassword(id, passwordHash, false, PASSWORD_HISTORY_DEPTH);
  return id;
}
