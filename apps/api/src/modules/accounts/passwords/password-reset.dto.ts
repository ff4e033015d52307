import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE_MESSAGE, MOBILE_PHONE_PATTERN, type PasswordForgotRequest, type PasswordResetRequest } from '@butie/contracts';
import { Trimmed } from '../../../common/validation/validation.js';

export class ForgotPasswordDto implements PasswordForgotRequest {
  @ApiProperty({ example: '13800000001', description: '账号登记的手机号码' })
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;
}

export class ResetForgottenPasswordDto implements PasswordResetRequest {
  @ApiProperty({ example: '13800000001' })
  @Trimmed()
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456', description: '发往该手机号码的验证码' })
  @Trimmed()
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  code: string;

  @ApiProperty({ description: '8–64 位，至少包含小写字母、大写字母、数字、符号中的三类，不能包含用户名，且不能与最近 3 次密码相同' })
  @IsString({ message: '请输入新密码' })
  @IsNotEmpty({ message: '请输入新密码' })
  @MaxLength(128, { message: '新密码过长' })
  newPassword: string;
}
