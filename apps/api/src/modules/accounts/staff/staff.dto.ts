import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  ADMIN_MANAGED_ROLES,
  maskPhone,
  MOBILE_PHONE_MESSAGE,
  MOBILE_PHONE_PATTERN,
  ROLES,
  STAFF_ROLES,
  USERNAME_MESSAGE,
  USERNAME_PATTERN,
  type AccountStatus,
  type Role,
  type StaffAccountPage,
  type StaffAccountView,
} from '@butie/contracts';
import { KeysetQuery } from '../../../common/paging/keyset-query.js';
import type { StaffRow } from './staff.repository.js';
import { Trimmed } from '../../../common/validation/validation.js';

/** @deprecated The rule lives in contracts (USERNAME_PATTERN, USERNAME_MESSAGE); kept until persons.dto imports it from there. */
export { USERNAME_PATTERN };

/** Filters, and the keyset position (`cursor`, `limit`), of 人员账号. */
export class StaffListQuery extends KeysetQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: '角色无效' })
  role?: Role;

  @ApiPropertyOptional({ description: '所属区县或市' })
  @IsOptional()
  @IsUUID('all', { message: '区县无效' })
  regionId?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISABLED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'DISABLED'], { message: '状态无效' })
  status?: AccountStatus;

  @ApiPropertyOptional({ description: '登录名或姓名（包含）' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: '关键字须为文字' })
  @MaxLength(32, { message: '关键字最多 32 个字符' })
  keyword?: string;
}

export class CreateStaffDto {
  @ApiProperty({ example: 'dongcheng_hrss2', description: '3–32 位字母、数字、下划线、点或连字符' })
  @Trimmed()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: '李四' })
  @Trimmed()
  @IsString({ message: '请输入姓名' })
  @Length(1, 64, { message: '姓名须为 1–64 个字' })
  fullName: string;

  @ApiProperty({ enum: ADMIN_MANAGED_ROLES, description: '系统管理员、审计员账号随部署设置，不能在此创建（三员分立）' })
  @IsIn(ADMIN_MANAGED_ROLES, { message: '角色须为市、区县人社局、组织部或财政局之一' })
  role: Role;

  @ApiPropertyOptional({ description: '县区角色必填：所属区县；市级角色可不填（归属全市）' })
  @IsOptional()
  @IsUUID('all', { message: '区县无效' })
  regionId?: string;

  @ApiPropertyOptional({ example: '13900000099', description: '开启短信二次验证（GET /api/v1/app-info 的 staffSmsSecondFactor）时必填' })
  @IsOptional()
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trimmed()
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(128, { message: '电子邮箱最多 128 个字符' })
  email?: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional()
  // Leaving the name out keeps it; null cannot clear a required name.
  @ValidateIf((_, value) => value !== undefined)
  @Trimmed()
  @IsString({ message: '姓名须为 1–64 个字' })
  @Length(1, 64, { message: '姓名须为 1–64 个字' })
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null 清除手机号码；开启短信二次验证时不能清除' })
  @IsOptional()
  @Trimmed()
  @ValidateIf((_, value) => value !== null)
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trimmed()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(128, { message: '电子邮箱最多 128 个字符' })
  email?: string | null;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISABLED'], description: '停用后该账号的所有登录会话立即失效' })
  @IsOptional()
  @IsIn(['ACTIVE', 'DISABLED'], { message: '状态无效' })
  status?: AccountStatus;
}

class RegionBrief {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class StaffAccountDto implements StaffAccountView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'] }) status: AccountStatus;
  @ApiProperty({ nullable: true, type: String, example: '139****0001' }) phoneMasked: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: RegionBrief, nullable: true }) region: RegionBrief | null;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: '连续登录失败被锁定时，锁定到此时刻；未锁定为 null' }) lockedUntil: string | null;
}

export class StaffPage implements StaffAccountPage {
  @ApiProperty({ type: [StaffAccountDto] }) items: StaffAccountDto[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的 cursor；最后一页为 null' }) nextCursor: string | null;
  @ApiProperty({ description: '符合筛选条件的账号数' }) total: number;
}

export class StaffCreatedDto {
  @ApiProperty({ type: StaffAccountDto }) account: StaffAccountDto;
  @ApiProperty({ description: '一次性初始密码：仅此一次返回，首次登录须修改' }) temporaryPassword: string;
}

export class PasswordResetDto {
  @ApiProperty({ description: '一次性密码：仅此一次返回，登录后须修改' }) temporaryPassword: string;
}

/** `lockedUntil`: the end of a sign-in lock still running (LoginLockService), or null. */
export function mapStaff(row: StaffRow, lockedUntil: Date | null): StaffAccountDto {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    status: row.status,
    phoneMasked: maskPhone(row.phone),
    email: row.email,
    region: row.region_id ? { id: row.region_id, name: row.region_name! } : null,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
  };
}
