import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { AuditService } from '../audit/audit.service.js';
import { phoneTaken, takenError } from './accounts.errors.js';
import { mapUserView, type ChangePasswordDto, type UpdateProfileDto, type UserViewDto } from './accounts.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordsService } from './passwords.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

/** 账号管理: the signed-in user's own name, phone, email and password. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  me(user: AuthUser): UserViewDto {
    return mapUserView(user);
  }

  async updateProfile(user: AuthUser, dto: UpdateProfileDto, client: ClientInfo): Promise<UserViewDto> {
    const changes: Record<string, string | null> = {};
    if (dto.fullName !== undefined) changes.full_name = dto.fullName;
    if (dto.phone !== undefined) changes.phone = dto.phone;
    if (dto.email !== undefined) changes.email = dto.email;
    if (Object.keys(changes).length === 0) return mapUserView(user);
    if (dto.phone && (await this.users.phoneTakenByOther(dto.phone, user.id))) throw phoneTaken(dto.phone);
    const columns = Object.keys(changes);
    try {
      await this.db.transaction(async (manager) => {
        await manager.query(
          `UPDATE users SET ${columns.map((column, i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
          [user.id, ...columns.map((column) => changes[column])],
        );
        await this.audit.recordOperation(
          user,
          client,
          { action: 'PROFILE_UPDATE', targetType: 'USER', targetId: user.id, summary: `修改账号信息：${describeChanges(dto)}` },
          manager,
        );
      });
    } catch (error) {
      throw takenError(error, { phone: dto.phone }) ?? error;
    }
    const principal = await this.sessions.findPrincipal(user.sessionId);
    return mapUserView(principal!.user);
  }

  async changePassword(user: AuthUser, dto: ChangePasswordDto, client: ClientInfo): Promise<UserViewDto> {
    const limit = await this.limiter.hit(`password:${user.id}`, 10, 60);
    if (!limit.allowed) throw new AppError('RATE_LIMITED', `修改密码过于频繁，请 ${limit.retryAfter} 秒后再试`, { retryAfter: limit.retryAfter });
    const credentials = await this.users.findCredentialsById(user.id);
    if (!credentials || !(await this.hasher.verify(credentials.passwordHash, dto.oldPassword))) {
      throw new AppError('CURRENT_PASSWORD_WRONG', '原密码不正确', { fields: [{ field: 'oldPassword', message: '原密码不正确' }] });
    }
    this.passwords.assertStrong(dto.newPassword, user.username);
    await this.db.transaction(async (manager) => {
      await this.passwords.assertNotRecent(manager, user.id, dto.newPassword);
      await this.passwords.set(manager, user.id, dto.newPassword, false);
      // Other sign-ins made with the old password end; this one goes on.
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoke_reason = 'PASSWORD_CHANGED' WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [user.id, user.sessionId],
      );
      await this.audit.recordOperation(user, client, { action: 'PASSWORD_CHANGE', targetType: 'USER', targetId: user.id, summary: '修改本人密码' }, manager);
    });
    const principal = await this.sessions.findPrincipal(user.sessionId);
    return mapUserView(principal!.user);
  }
}

function describeChanges(dto: UpdateProfileDto): string {
  const parts: string[] = [];
  if (dto.fullName !== undefined) parts.push('姓名');
  if (dto.phone !== undefined) parts.push('手机号码');
  if (dto.email !== undefined) parts.push('电子邮箱');
  return parts.join('、');
}
