import { Injectable } from '@nestjs/common';
import type { AccountStatus, Role } from '@butie/contracts';
import { UnitOfWork } from '../../../database/unit-of-work.js';

export interface Credentials {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  status: AccountStatus;
  phone: string | null;
}

/** The account fields a self-registration or a set-up script writes. */
export interface NewAccount {
  username: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  role: Role;
  regionId: string | null;
  unitId: string | null;
  mustChangePassword: boolean;
}

interface CredentialsRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  status: AccountStatus;
  phone: string | null;
}

/** Named queries over accounts (all roles). Reaches the database only through the unit of work. */
@Injectable()
export class UsersRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async findCredentialsByUsername(username: string): Promise<Credentials | null> {
    return this.one(`WHERE lower(username) = lower($1)`, [username.trim()]);
  }

  async findCredentialsById(id: string): Promise<Credentials | null> {
    return this.one(`WHERE id = $1`, [id]);
  }

  async findCredentialsByPhone(phone: string): Promise<Credentials | null> {
    return this.one(`WHERE phone = $1`, [phone]);
  }

  async phoneTakenByOther(phone: string, userId: string | null): Promise<boolean> {
    const rows = await this.uow.tx.query<unknown[]>(`SELECT 1 FROM users WHERE phone = $1 AND ($2::uuid IS NULL OR id <> $2)`, [phone, userId]);
    return rows.length > 0;
  }

  /** Inserts an account without a password (set next by PasswordsService.set); returns its id. */
  async insert(account: NewAccount): Promise<string> {
    const [row] = await this.uow.tx.query<{ id: string }[]>(
      `INSERT INTO users (username, password_hash, full_name, phone, email, role, region_id, unit_id, must_change_password)
       VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [account.username, account.fullName, account.phone, account.email, account.role, account.regionId, account.unitId, account.mustChangePassword],);
    return row.id;
  }

  async updateFullName(userId: string, fullName: string): Promise<void> {
    await this.uow.tx.query(`UPDATE users SET full_name = $2, updated_at = now() WHERE id = $1`, [userId, fullName]);
  }

  async updateEmail(userId: string, email: string | null): Promise<void> {
    await this.uow.tx.query(`UPDATE users SET email = $2, updated_at = now() WHERE id = $1`, [userId, email]);
  }

  async updatePhone(userId: string, phone: string | null): Promise<void> {
    await this.uow.tx.query(`UPDATE users SET phone = $2, updated_at = now() WHERE id = $1`, [userId, phone]);
  }

  /**
   * Records a sign-in on the account and returns the one before it (shown as 上次登录). The row lock
   * makes two sign-ins at once each see the other's as the previous, never both the same old one.
   */
  async recordLogin(userId: string, ip: string): Promise<{ at: Date | null; ip: string | null }> {
    const result = await this.uow.tx.query<[{ last_login_at: Date | null; last_login_ip: string | null }[], number]>(
      `UPDATE users u SET last_login_at = now(), last_login_ip = $2
         FROM (SELECT id, last_login_at, last_login_ip FROM users WHERE id = $1 FOR UPDATE) old
        WHERE u.id = old.id
      RETURNING old.last_login_at, old.last_login_ip`,
      [userId, ip],);
    const before = result[0][0];
    return { at: before?.last_login_at ?? null, ip: before?.last_login_ip ?? null };
  }

  async recentPasswordHashes(userId: string, depth: number): Promise<string[]> {
    const rows = await this.uow.tx.query<{ password_hash: string }[]>(`SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2`, [
      userId,
      depth,
    ]);
    return rows.map((r) => r.password_hash);
  }

  /** Sets the password and keeps only the newest `depth` hashes of history (three statements: call inside uow.run). */
  async setPassword(userId: string, passwordHash: string, mustChange: boolean, depth: number): Promise<void> {
    const tx = this.uow.tx;
    await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [userId, passwordHash, mustChange],
    );
    await tx.query(`INSERT INTO password_history (user_id, password_hash) VALUES ($1, $2)`, [userId, passwordHash]);
    await tx.query(
      `DELETE FROM password_history WHERE user_id = $1 AND id NOT IN (SELECT id FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2)`,
      [userId, depth],
    );
  }

  private async one(where: string, params: unknown[]): Promise<Credentials | null> {
    const rows = await this.uow.tx.query<CredentialsRow[]>(`SELECT id, username, password_hash, role, status, phone FROM users ${where}`, params);
    const row = rows[0];
    return row ? { id: row.id, username: row.username, passwordHash: row.password_hash, role: row.role, status: row.status, phone: row.phone } : null;
  }
}
