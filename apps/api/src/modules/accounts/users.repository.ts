import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus, Role } from '@butie/contracts';

export interface Credentials {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  status: AccountStatus;
  phone: string | null;
}

/** Named queries over accounts. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findCredentialsByUsername(username: string): Promise<Credentials | null> {
    return this.one(`WHERE lower(username) = lower($1)`, [username.trim()]);
  }

  async findCredentialsById(id: string, manager: EntityManager = this.db.manager): Promise<Credentials | null> {
    return this.one(`WHERE id = $1`, [id], manager);
  }

  async findCredentialsByPhone(phone: string): Promise<Credentials | null> {
    return this.one(`WHERE phone = $1`, [phone]);
  }

  async phoneTakenByOther(phone: string, userId: string | null): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM users WHERE phone = $1 AND ($2::uuid IS NULL OR id <> $2)`, [phone, userId])) as unknown[];
    return rows.length > 0;
  }

  async recentPasswordHashes(userId: string, depth: number, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = (await manager.query(`SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2`, [
      userId,
      depth,
    ])) as { password_hash: string }[];
    return rows.map((r) => r.password_hash);
  }

  /** Sets the password and keeps only the newest `depth` hashes of history. */
  async setPassword(manager: EntityManager, userId: string, passwordHash: string, mustChange: boolean, depth: number): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [userId, passwordHash, mustChange],
    );
    await manager.query(`INSERT INTO password_history (user_id, password_hash) VALUES ($1, $2)`, [userId, passwordHash]);
    await manager.query(
      `DELETE FROM password_history WHERE user_id = $1 AND id NOT IN (SELECT id FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2)`,
      [userId, depth],
    );
  }

  private async one(where: string, params: unknown[], manager: EntityManager = this.db.manager): Promise<Credentials | null> {
    const rows = (await manager.query(`SELECT id, username, password_hash, role, status, phone FROM users ${where}`, params)) as {
      id: string;
      username: string;
      password_hash: string;
      role: Role;
      status: AccountStatus;
      phone: string | null;
    }[];
    const row = rows[0];
    return row ? { id: row.id, username: row.username, passwordHash: row.password_hash, role: row.role, status: row.status, phone: row.phone } : null;
  }
}
