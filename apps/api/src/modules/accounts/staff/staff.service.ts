import { Injectable } from '@nestjs/common';
import { ADMIN_MANAGED_ROLES, isCountyRole, ROLE_LABELS, type Role } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { AppError, notFound } from '../../../common/errors/app-error.js';
import { DEFAULT_PAGE_SIZE, decodeCursor } from '../../../common/paging/keyset.js';
import { AppConfig } from '../../../config/app-config.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { AuditService } from '../../audit/audit.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import { phoneTaken, takenError, usernameTaken } from '../accounts.errors.js';
import { LoginLockService, usernameKey } from '../auth/login-lock.service.js';
import { generateTemporaryPassword, PasswordsService } from '../passwords/passwords.service.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import {
  mapStaff,
  type CreateStaffDto,
  type PasswordResetDto,
  type StaffAccountDto,
  type StaffCreatedDto,
  type StaffListQuery,
  type StaffPage,
  type UpdateStaffDto,
} from './staff.dto.js';
import { STAFF_ORDER, StaffRepository, type StaffChanges } from './staff.repository.js';

/** 人员账号: the administrator's list of staff accounts, with create, edit, disable and reset. */
@Injectable()
export class StaffService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly staff: StaffRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly regions: RegionsService,
    private readonly locks: LoginLockService,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(query: StaffListQuery): Promise<StaffPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const position = decodeCursor(STAFF_ORDER, query.cursor);
    const filter = { role: query.role, regionId: query.regionId, status: query.status, keyword: query.keyword };
    const [page, total] = await Promise.all([this.staff.findPage(filter, position, limit), this.staff.count(filter)]);
    const locks = await this.locks.lockedUntilOf(page.items.map((row) => row.username));
    return { items: page.items.map((row) => mapStaff(row, locks.get(usernameKey(row.username)) ?? null)), nextCursor: page.nextCursor, total };
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
      id = await this.uow.run(async () => {
        const userId = await this.users.insert({
          username: dto.username,
          fullName: dto.fullName,
          phone: dto.phone ?? null,
          email: dto.email ?? null,
          role: dto.role,
          regionId,
          unitId: null,
          mustChangePassword: true,
        });
        await this.passwords.set(userId, temporaryPassword, true);
        await this.audit.recordOperation(actor, client, {
          action: 'STAFF_CREATE',
          targetType: 'USER',
          targetId: userId,
          summary: `新建${ROLE_LABELS[dto.role]}账号 ${dto.username}（${dto.fullName}）`,
        });
        return userId;
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
    const changes: StaffChanges = { fullName: dto.fullName, phone: dto.phone, email: dto.email, status: dto.status };
    if (Object.values(changes).every((value) => value === undefined)) return current;

    try {
      await this.uow.run(async () => {
        await this.staff.update(id, changes);
        if (dto.status === 'DISABLED') await this.sessions.revokeAllOfUser(id, 'ACCOUNT_DISABLED');
        const action = dto.status === 'DISABLED' && current.status !== 'DISABLED' ? 'STAFF_DISABLE'
          : dto.status === 'ACTIVE' && current.status !== 'ACTIVE' ? 'STAFF_ENABLE' : 'STAFF_UPDATE';
        const verb = { STAFF_DISABLE: '停用', STAFF_ENABLE: '启用', STAFF_UPDATE: '修改' }[action];
        await this.audit.recordOperation(actor, client, { action, targetType: 'USER', targetId: id, summary: `${verb}账号 ${current.username}（${current.fullName}）` });
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
    await this.uow.run(async () => {
      await this.passwords.set(id, temporaryPassword, true);
      await this.sessions.revokeAllOfUser(id, 'PASSWORD_RESET');
      await this.audit.recordOperation(actor, client, {
        action: 'STAFF_RESET_PASSWORD',
        targetType: 'USER',
        targetId: id,
        summary: `重置账号 ${current.username}（${current.fullName}）的密码`,
      });
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
    const row = await this.staff.findById(id);
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

