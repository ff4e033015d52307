import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LOGIN_PORTALS, MOBILE_PHONE_MESSAGE, MOBILE_PHONE_PATTERN, type LoginPortal, type MfaChallenge } from '@butie/contracts';
import { Trimmed } from '../../../common/validation/validation.js';

export class LoginDto {
  @ApiProperty({ example: 'city_hrss' })
  @Trimmed()
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
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;
}

export class SmsLoginDto {
  @ApiProperty({ example: '13800000001' })
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456' })
  @Trimmed()
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
  @Trimmed()
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

export class MfaChallengeDto implements MfaChallenge {
  @ApiProperty({ enum: [true] }) mfaRequired: true;
  @ApiProperty() mfaToken: string;
  @ApiProperty({ example: '139****0001' }) phoneMasked: string;
  @ApiProperty() expiresIn: number;
  @ApiPropertyOptional({ description: '仅演示环境的沙箱短信：凭此读取 GET /api/v1/sandbox/sms-outbox/{ticket}' }) sandboxTicket?: string;
}
