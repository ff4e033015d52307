// The answer of every route that starts a session (sign-in, self-registration): shared by the
// modules that start one, so it lives beside the principal rather than in one of them.
import { ApiProperty } from '@nestjs/swagger';
import {
  REGISTRATION_STATUSES,
  ROLES,
  type AccountStatus,
  type RegionLevel,
  type RegistrationStatus,
  type Role,
  type SessionTokens,
  type UserView,
} from '@butie/contracts';
import type { AuthUser } from './auth-user.js';

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
  @ApiProperty({ enum: REGISTRATION_STATUSES, nullable: true, description: '注册状态（仅个人与单位账号；审核通过前只能查看本人或本单位的注册信息）' })
  registrationStatus: RegistrationStatus | null;
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
    registrationStatus: user.registrationStatus,
    previousLogin: user.previousLogin ? { at: user.previousLogin.at.toISOString(), ip: user.previousLogin.ip } : null,
  };
}
