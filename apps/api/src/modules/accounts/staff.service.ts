import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ADMIN_MANAGED_ROLES, isCountyRole, ROLE_LABELS, STAFF_ROLES, type Role } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { phoneTaken, takenError, usernameTaken } from './accounts.errors.js';
import { LoginLockService, usernameKey } from './login-lock.service.js';
import { generateTemporaryPassword, PasswordsService } from './passwords.service.js';
import {
  mapStaff,
  type CreateStaffDto,
  type PasswordResetDto,
  type StaffAccountDto,
  type StaffCreatedDto,
  type StaffListQuery,
  type StaffPage,
  type StaffRow,
  type UpdateStaffDto,
} from './staff.dto.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

const STAFF_SELECT = `
  SELECT u.id, u.username, u.full_name, u.role, u.status, u.phone, u.email, u.region_id, r.name AS region_name,
         u.must_change_password, u.created_at, u.last_login_at
    FROM users u LEFT JOIN regions r ON r.id = u.region_id`;

/** 人员账号: the administrator's list of staff accounts, with create, edit, disable and reset. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly regions: RegionsService,
    private readonly locks: LoginLockService,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(query: StaffListQuery): Promise<StaffPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = ['u.role = ANY($1)'];
    const params: unknown[] = [STAFF_ROLES];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.role) add('u.role = ?', query.role);
    if (query.regionId) add('u.region_id = ?', query.regionId);
    if (query.status) add('u.status = ?', query.status);
    if (query.keyword) add('(u.username ILIKE ? OR u.full_name ILIKE ?)', `%${escapeLike(query.keyword)}%`);
    const filter = `WHERE ${where.join(' AND ')}`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(`${STAFF_SELECT} ${filter} ORDER BY u.created_at DESC, u.username LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params) as Promise<StaffRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM users u ${filter}`, params) as Promise<{ total: number }[]>,
    ]);
    const locks = await this.locks.lockedUntilOf(rows.map((row) => row.username));
    return { items: rows.map((row) => mapStaff(row, locks.get(usernameKey(row.username)) ?? null)), total, page, pageSize };
  }

  async create(actor: AuthUser, dto: CreateStaffDto, client: ClientInfo): Promise<StaffCreatedDto> {
    if (!dto.phone) this.assertPhoneOptional();
    const regionId = await this.regionFor(dto.role, dto.regionId);
    if (await this.users.findCredentialsByUsername(dto.username)) {
      throw usernameTaken(dto.username);
    }
    if (dto.phone && (await this.users.phoneTakenByOther(dto.phone, null))) throw phoneTaken(dto.phone);
    const temporaryPassword = generateTemporaryPassword(dto.username);
    let id: string;
    try {
      id = await this.db.transaction(async (manager) => {
        const [row] = (await manager.query(
          `INSERT INTO users (username, password_hash, full_name, phone, email, role, region_id, must_change_password)
           VALUES ($1, '', $2, $3, $4, $5, $6, true) RETURNING id`,
          [dto.username, dto.fullName, dto.phone ?? null, dto.email ?? null, dto.role, regionId],
        )) as { id: string }[];
        await this.passwords.set(manager, row.id, temporaryPassword, true);
        await this.audit.recordOperation(
          actor,
          client,
          { action: 'STAFF_CREATE', targetType: 'USER', targetId: row.id, summary: `新建${ROLE_LABELS[dto.role]}账号 ${dto.username}（${dto.fullName}）` },
          manager,
        );
        return row.id;
      });
    } catch (error) {
      throw takenError(error, dto) ?? error;
    }
    return { account: await this.get(id), temporaryPassword };
  }

  async update(actor: AuthUser, id: string, dto: UpdateStaffDto, client: ClientInfo): Promise<StaffAccountDto> {
    const current = await this.get(id);
    if (dto.status === 'DISABLED' && id === actor.id) {
      throw new AppError('CANNOT_DISABLE_SELF', '不能停用自己正在使用的账号', { fields: [{ field: 'status', message: '不能停用本人账号' }] });
    }
    assertManaged(current.role);
    if (dto.phone === null) this.assertPhoneOptional();
    if (dto.phone && (await this.users.phoneTakenByOther(dto.phone, id))) throw phoneTaken(dto.phone);
    const changes: [string, unknown][] = [];
    if (dto.fullName !== undefined) changes.push(['full_name', dto.fullName]);
    if (dto.phone !== undefined) changes.push(['phone', dto.phone]);
    if (dto.email !== undefined) changes.push(['email', dto.email]);
    if (dto.status !== undefined) changes.push(['status', dto.status]);
    if (changes.length === 0) return current;

    try {
      await this.db.transaction(async (manager) => {
        await manager.query(
          `UPDATE users SET ${changes.map(([column], i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
          [id, ...changes.map(([, value]) => value)],
        );
        if (dto.status === 'DISABLED') await this.sessions.revokeAllOfUser(id, 'ACCOUNT_DISABLED', manager);
        const action = dto.status === 'DISABLED' && current.status !== 'DISABLED' ? 'STAFF_DISABLE'
          : dto.status === 'ACTIVE' && current.status !== 'ACTIVE' ? 'STAFF_ENABLE' : 'STAFF_UPDATE';
        const verb = { STAFF_DISABLE: '停用', STAFF_ENABLE: '启用', STAFF_UPDATE: '修改' }[action];
        await this.audit.recordOperation(actor, client, { action, targetType: 'USER', targetId: id, summary: `${verb}账号 ${current.username}（${current.fullName}）` }, manager);
      });
    } catch (error) {
      throw takenError(error, { phone: dto.phone ?? undefined }) ?? error;
    }
    return this.get(id);
  }

  async resetPassword(actor: AuthUser, id: string, client: ClientInfo): Promise<PasswordResetDto> {
    const current = await this.get(id);
    assertManaged(current.role);
    const temporaryPassword = generateTemporaryPassword(current.username);
    await this.db.transaction(async (manager) => {
      await this.passwords.set(manager, id, temporaryPassword, true);
      await this.sessions.revokeAllOfUser(id, 'PASSWORD_RESET', manager);
      await this.audit.recordOperation(
        actor,
        client,
        { action: 'STAFF_RESET_PASSWORD', targetType: 'USER', targetId: id, summary: `重置账号 ${current.username}（${current.fullName}）的密码` },
        manager,
      );
    });
    await this.locks.clear(current.username);
    return { temporaryPassword };
  }

  /**
   * Lifts a sign-in lock (domain §4) before it runs out, e.g. when the owner calls in; logged. An
   * account that is not locked is answered as it is, and nothing is logged.
   */
  async unlock(actor: AuthUser, id: string, client: ClientInfo): Promise<StaffAccountDto> {
    const current = await this.get(id);
    assertManaged(current.role);
    if (!current.lockedUntil) return current;
    await this.audit.recordOperation(actor, client, {
      action: 'STAFF_UNLOCK',
      targetType: 'USER',
      targetId: id,
      summary: `解锁账号 ${current.username}（${current.fullName}），原锁定至 ${this.localTime(current.lockedUntil)}`,
    });
    await this.locks.clear(current.username);
    return this.get(id);
  }

  private async get(id: string): Promise<StaffAccountDto> {
    const [row] = (await this.db.query(`${STAFF_SELECT} WHERE u.id = $1 AND u.role = ANY($2)`, [id, STAFF_ROLES])) as StaffRow[];
    if (!row) throw notFound('人员账号');
    return mapStaff(row, await this.locks.lockedUntil(row.username));
  }

  private localTime(iso: string): string {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: this.config.sms.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  }

  /** With the staff SMS second factor on, an account without a phone could never sign in. */
  private assertPhoneOptional(): void {
    if (!this.config.auth.staffSmsSecondFactor) return;
    const message = '已开启短信二次验证，管理部门账号必须登记手机号码';
    throw new AppError('VALIDATION_FAILED', `${message}，否则无法登录`, { fields: [{ field: 'phone', message }] });
  }

  /** County roles sit in one county; city roles (and admin, auditor) in the city. */
  private async regionFor(role: Role, regionId: string | undefined): Promise<string> {
    if (isCountyRole(role)) {
      const region = regionId ? await this.regions.findById(regionId) : null;
      if (!region || region.level !== 'COUNTY') {
        throw new AppError('STAFF_SCOPE_MISMATCH', `${ROLE_LABELS[role]}账号须选择所属区县`, { fields: [{ field: 'regionId', message: '请选择所属区县' }] });
      }
      return region.id;
    }
    const city = await this.regions.city();
    if (regionId && regionId !== city.id) {
      throw new AppError('STAFF_SCOPE_MISMATCH', `${ROLE_LABELS[role]}为市级角色，所属单位只能是${city.name}`, {
        fields: [{ field: 'regionId', message: `市级角色归属${city.name}` }],
      });
    }
    return city.id;
  }

}

function assertManaged(role: Role): void {
  if (!ADMIN_MANAGED_ROLES.includes(role)) {
    throw new AppError('ROLE_NOT_MANAGEABLE', `${ROLE_LABELS[role]}账号随系统部署设置，系统管理员不能修改、停用或重置其密码（三员分立）`);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
