import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { LoginEventKind, LoginEventView, OperationLogView } from '@butie/contracts';
import { encodeCursor, MAX_PAGE_SIZE } from '../../common/http/cursor.js';
import type { LoginEvent } from './login-event.entity.js';
import type { OperationLog } from './operation-log.entity.js';

/** A calendar day only: IsISO8601 alone lets through '2025', weeks and ordinal dates, which PostgreSQL's date cast refuses (a 500). */
const CALENDAR_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

class LogPageQuery {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 须为整数' })
  @Min(1, { message: 'limit 不能小于 1' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  limit?: number;

  @ApiPropertyOptional({ description: '起始日期（含），YYYY-MM-DD' })
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: '起始日期格式须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '起始日期须为存在的日期' })
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含），YYYY-MM-DD' })
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: '截止日期格式须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '截止日期须为存在的日期' })
  to?: string;
}

export class LoginEventQuery extends LogPageQuery {
  @ApiPropertyOptional({ description: '登录名或手机号（精确）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ enum: ['LOGIN', 'LOGOUT', 'REFRESH_REUSE', 'MFA_CHALLENGE'] })
  @IsOptional()
  @IsIn(['LOGIN', 'LOGOUT', 'REFRESH_REUSE', 'MFA_CHALLENGE'], { message: '类型无效' })
  kind?: LoginEventKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'success 须为 true 或 false' })
  success?: boolean;
}

export class OperationLogQuery extends LogPageQuery {
  @ApiPropertyOptional({ description: '操作人登录名（精确）' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  actor?: string;

  @ApiPropertyOptional({ description: '操作类型，如 STAFF_CREATE' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  action?: string;
}

export class LoginEventDto implements LoginEventView {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['LOGIN', 'LOGOUT', 'REFRESH_REUSE', 'MFA_CHALLENGE'] }) kind: LoginEventKind;
  @ApiProperty({ nullable: true, enum: ['PASSWORD', 'SMS', 'PASSWORD_SMS'] }) method: LoginEventView['method'];
  @ApiProperty({ nullable: true }) username: string | null;
  @ApiProperty({ nullable: true }) userId: string | null;
  @ApiProperty({ nullable: true }) fullName: string | null;
  @ApiProperty({ nullable: true }) role: LoginEventView['role'];
  @ApiProperty({ nullable: true }) ip: string | null;
  @ApiProperty({ nullable: true }) userAgent: string | null;
  @ApiProperty() success: boolean;
  @ApiProperty({ nullable: true, description: '失败原因代码' }) reason: string | null;
}

export class LoginEventPage {
  @ApiProperty({ type: [LoginEventDto] }) items: LoginEventDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class OperationLogDto implements OperationLogView {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true }) actorId: string | null;
  @ApiProperty({ nullable: true }) actorUsername: string | null;
  @ApiProperty({ nullable: true }) actorRole: OperationLogView['actorRole'];
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true }) targetType: string | null;
  @ApiProperty({ nullable: true }) targetId: string | null;
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true }) ip: string | null;
}

export class OperationLogPage {
  @ApiProperty({ type: [OperationLogDto] }) items: OperationLogDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function mapLoginEvent(row: LoginEvent & { fullName?: string | null }): LoginEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    method: row.method,
    username: row.username,
    userId: row.userId,
    fullName: row.fullName ?? null,
    role: row.role,
    ip: row.ip,
    userAgent: row.userAgent,
    success: row.success,
    reason: row.reason,
  };
}

export function mapOperationLog(row: OperationLog): OperationLogDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    summary: row.summary,
    ip: row.ip,
  };
}

export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
}
