import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { MOBILE_PHONE_MESSAGE, MOBILE_PHONE_PATTERN } from '@butie/contracts';
import { Trimmed } from '../../../common/validation/validation.js';

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: '张三', description: '手机号码与电子邮箱须经确认另行修改（/me/phone、/me/email）' })
  @IsOptional()
  @Trimmed()
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
  @Trimmed()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(128, { message: '电子邮箱过长' })
  email: string | null;
}

export class PhoneVerificationDto extends CurrentPasswordDto {
  @ApiProperty({ example: '13800000002', description: '新的手机号码：验证码发往此号码' })
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;
}

export class ChangePhoneDto {
  @ApiProperty({ example: '13800000002' })
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456', description: '发往新号码的验证码' })
  @Trimmed()
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
