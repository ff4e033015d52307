import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LOG_TOTAL_CAP, type LogPage, type LoginEventKind, type LoginEventView, type OperationLogView } from '@butie/contracts';
import { KeysetQuery } from '../../common/paging/keyset-query.js';
import { OptionalCalendarDay } from '../../common/validation/calendar-day.js';
import type { LoginEventRow, OperationLogRow } from './audit-logs.repository.js';

const LOGIN_EVENT_KINDS: LoginEventKind[] = ['LOGIN', 'LOGOUT', 'REFRESH_REUSE', 'MFA_CHALLENGE'];

/** Whole calendar days in the business time zone, both ends included. */
class DateRangeFilter {
  @ApiPropertyOptional({ description: '起始日期（含），YYYY-MM-DD' })
  @OptionalCalendarDay('起始日期')
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含），YYYY-MM-DD；不能早于起始日期' })
  @OptionalCalendarDay('截止日期')
  to?: string;
}

/** The sign-in log's filters, the same for a page and for the Excel export. */
export class LoginEventFilter extends DateRangeFilter {
  @ApiPropertyOptional({ description: '登录名或手机号（精确，不区分大小写）；也找出该账号以其他方式登录的记录' })
  @IsOptional()
  @IsString({ message: '账号须为文字' })
  @MaxLength(64, { message: '账号最多 64 个字符' })
  username?: string;

  @ApiPropertyOptional({ enum: LOGIN_EVENT_KINDS })
  @IsOptional()
  @IsIn(LOGIN_EVENT_KINDS, { message: '类型无效' })
  kind?: LoginEventKind;

  @ApiPropertyOptional({ description: 'true 只看成功，false 只看失败' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '登录结果只能是成功（true）或失败（false）' })
  success?: boolean;
}

/** The operation log's filters, the same for a page and for the Excel export. */
export class OperationLogFilter extends DateRangeFilter {
  @ApiPropertyOptional({ description: '操作人登录名（精确，不区分大小写）' })
  @IsOptional()
  @IsString({ message: '操作人须为文字' })
  @MaxLength(32, { message: '操作人最多 32 个字符' })
  actor?: string;

  @ApiPropertyOptional({ description: '操作类型，如 STAFF_CREATE' })
  @IsOptional()
  @IsString({ message: '操作类型须为文字' })
  @MaxLength(48, { message: '操作类型最多 48 个字符' })
  action?: string;
}

export class LoginEventQuery extends IntersectionType(LoginEventFilter, KeysetQuery) {}
export class OperationLogQuery extends IntersectionType(OperationLogFilter, KeysetQuery) {}


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

export class LoginEventPage implements LogPage<LoginEventDto> {
  @ApiProperty({ type: [LoginEventDto] }) items: LoginEventDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: `符合筛选条件的记录数；超过 ${LOG_TOTAL_CAP} 条时为 ${LOG_TOTAL_CAP}` }) total: number;
  @ApiProperty({ description: `为 true 时符合条件的记录超过 ${LOG_TOTAL_CAP} 条` }) totalCapped: boolean;
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

export class OperationLogPage implements LogPage<OperationLogDto> {
  @ApiProperty({ type: [OperationLogDto] }) items: OperationLogDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: `符合筛选条件的记录数；超过 ${LOG_TOTAL_CAP} 条时为 ${LOG_TOTAL_CAP}` }) total: number;
  @ApiProperty({ description: `为 true 时符合条件的记录超过 ${LOG_TOTAL_CAP} 条` }) totalCapped: boolean;
}

export function mapLoginEvent(row: LoginEventRow): LoginEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    method: row.method,
    username: row.username,
    userId: row.userId,
    fullName: row.fullName,
    role: row.role,
    ip: row.ip,
    userAgent: row.userAgent,
    success: row.success,
    reason: row.reason,
  };
}

export function mapOperationLog(row: OperationLogRow): OperationLogDto {
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
