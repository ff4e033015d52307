import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  LOGIN_PORTALS,
  MOBILE_PHONE_MESSAGE,
  MOBILE_PHONE_PATTERN,
  ROLES,
  type AccountStatus,
  type LoginPortal,
  type MfaChallenge,
  type RegionLevel,
  type Role,
  type SessionTokens,
  type SmsSendResult,
  type UserView,
} from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LoginDto {
  @ApiProperty({ example: 'city_hrss' })
  @Transform(trim)
  @IsString({ message: '请输入用户名' })
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64, { message: '用户名过长' })
  username: string;

  @ApiProperty({ example: 'Butie@2026' })
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;

  @ApiPropertyOptional({ enum: LOGIN_PORTALS, description: '登录入口：个人 / 单位 / 管理部门；给出时账号须属于该入口' })
  @IsOptional()
  @IsIn(LOGIN_PORTALS, { message: '登录入口无效' })
  portal?: LoginPortal;
}

export class SmsSendDto {
  @ApiProperty({ example: '13800000001' })
  @Transform(trim)
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;
}

export class SmsLoginDto {
  @ApiProperty({ example: '13800000001' })
  @Transform(trim)
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456' })
  @Transform(trim)
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  code: string;

  @ApiPropertyOptional({ enum: LOGIN_PORTALS })
  @IsOptional()
  @IsIn(LOGIN_PORTALS, { message: '登录入口无效' })
  portal?: LoginPortal;
}

export class MfaVerifyDto {
  @ApiProperty({ description: '密码登录返回的 mfaToken' })
  @IsString({ message: 'mfaToken 无效' })
  @IsNotEmpty({ message: 'mfaToken 无效' })
  @MaxLength(2048)
  mfaToken: string;

  @ApiProperty({ example: '123456' })
  @Transform(trim)
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  code: string;
}

export class MfaResendDto {
  @ApiProperty()
  @IsString({ message: 'mfaToken 无效' })
  @IsNotEmpty({ message: 'mfaToken 无效' })
  @MaxLength(2048)
  mfaToken: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString({ message: 'refreshToken 无效' })
  @IsNotEmpty({ message: 'refreshToken 无效' })
  @MaxLength(256)
  refreshToken: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: '张三', description: '手机号码与电子邮箱须经确认另行修改（/me/phone、/me/email）' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '姓名须为 1–64 个字' })
  @Length(1, 64, { message: '姓名须为 1–64 个字' })
  fullName?: string;
}

/** A change of contact that could hand the account to someone else is confirmed with the password. */
class CurrentPasswordDto {
  @ApiProperty({ description: '当前登录密码（确认是本人操作）' })
  @IsString({ message: '请输入当前密码' })
  @IsNotEmpty({ message: '请输入当前密码' })
  @MaxLength(128)
  currentPassword: string;
}

export class ChangeEmailDto extends CurrentPasswordDto {
  @ApiProperty({ example: 'zhangsan@example.com', nullable: true, type: String, description: 'null 表示不再登记电子邮箱' })
  @Transform(trim)
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(128, { message: '电子邮箱过长' })
  email: string | null;
}

export class PhoneVerificationDto extends CurrentPasswordDto {
  @ApiProperty({ example: '13800000002', description: '新的手机号码：验证码发往此号码' })
  @Transform(trim)
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;
}

export class ChangePhoneDto {
  @ApiProperty({ example: '13800000002' })
  @Transform(trim)
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456', description: '发往新号码的验证码' })
  @Transform(trim)
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  code: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '请输入原密码' })
  @IsNotEmpty({ message: '请输入原密码' })
  @MaxLength(128)
  oldPassword: string;

  @ApiProperty({ description: '8–64 位，至少包含小写字母、大写字母、数字、符号中的三类，且不能与最近 3 次密码相同' })
  @IsString({ message: '请输入新密码' })
  @IsNotEmpty({ message: '请输入新密码' })
  @MaxLength(128)
  newPassword: string;
}

class RegionRef {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['CITY', 'COUNTY'] }) level: RegionLevel;
}

class UnitRef {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class PreviousLogin {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
}

export class UserViewDto implements UserView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'] }) status: AccountStatus;
  @ApiProperty({ type: RegionRef, nullable: true }) region: RegionRef | null;
  @ApiProperty({ type: UnitRef, nullable: true }) unit: UnitRef | null;
  @ApiProperty({ description: '管理员设置的密码须先修改才能办理业务' }) mustChangePassword: boolean;
  @ApiProperty({ type: PreviousLogin, nullable: true, description: '上次登录' }) previousLogin: PreviousLogin | null;
}

export class SessionTokensDto implements SessionTokens {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: '访问令牌有效秒数' }) expiresIn: number;
  @ApiProperty({ description: '无操作超时秒数' }) idleTimeout: number;
  @ApiProperty({ type: UserViewDto }) user: UserViewDto;
}

export class MfaChallengeDto implements MfaChallenge {
  @ApiProperty({ enum: [true] }) mfaRequired: true;
  @ApiProperty() mfaToken: string;
  @ApiProperty({ example: '139****0001' }) phoneMasked: string;
  @ApiProperty() expiresIn: number;
  @ApiPropertyOptional({ description: '仅演示环境的沙箱短信：凭此读取 GET /api/v1/sandbox/sms-outbox/{ticket}' }) sandboxTicket?: string;
}

export class SmsSendResultDto implements SmsSendResult {
  @ApiProperty({ description: '多少秒后可再次发送' }) resendAfter: number;
  @ApiProperty({ description: '验证码有效秒数' }) expiresIn: number;
  @ApiPropertyOptional({ description: '仅沙箱短信通道：凭此读取 GET /api/v1/sandbox/sms-outbox/{ticket}；对任何手机号都给出' }) sandboxTicket?: string;
}

export function mapUserView(user: AuthUser): UserViewDto {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    phone: user.phone,
    email: user.email,
    role: user.role,
    status: user.status,
    region: user.region,
    unit: user.unit,
    mustChangePassword: user.mustChangePassword,
    previousLogin: user.previousLogin ? { at: user.previousLogin.at.toISOString(), ip: user.previousLogin.ip } : null,
  };
}
