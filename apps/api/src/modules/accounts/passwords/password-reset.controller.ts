import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SmsSendResult } from '@butie/contracts';
import type { ClientInfo } from '../../../common/auth/auth-user.js';
import { Client, Public } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../../common/rate-limit/client-rate-limit.js';
import { SmsSendResultDto } from '../sms/sms-send-result.dto.js';
import { ForgotPasswordDto, ResetForgottenPasswordDto } from './password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

/** 忘记密码 on the 个人 and 单位 sign-in tabs. Staff passwords are reset by the administrator. */
@ApiTags('auth')
@Controller('auth/password')
export class PasswordResetController {
  constructor(private readonly reset: PasswordResetService) {}

  @Public()
  @LimitPerClient()
  @ApiProblems('SMS_SEND_TOO_SOON', 'SMS_DAILY_LIMIT', 'SMS_SEND_FAILED')
  @Post('forgot')
  @HttpCode(202)
  @ApiOperation({
    summary: '忘记密码：向登记手机发送验证码（个人、单位账号）',
    description:
      '对任何格式正确的手机号都返回相同结果（不透露是否已注册）；管理部门账号的密码由系统管理员重置，其手机号不会收到可用的验证码。' +
      '验证码 6 位、5 分钟有效；同一手机号 60 秒一次、每天 10 次，超出返回 429 与 Retry-After。',
  })
  @ApiAcceptedResponse({ type: SmsSendResultDto })
  forgot(@Body() dto: ForgotPasswordDto): Promise<SmsSendResult> {
    return this.reset.sendCode(dto.phone);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_TOO_MANY_TRIES', 'PASSWORD_POLICY', 'PASSWORD_REUSED')
  @Post('reset')
  @HttpCode(204)
  @ApiOperation({
    summary: '忘记密码：以验证码设置新密码',
    description:
      '新密码 8–64 位，至少包含小写字母、大写字母、数字、符号中的三类，不能包含用户名，且不能与最近 3 次密码相同。每个验证码最多输错 5 次；' +
      '新密码不符合规则时验证码不作废，可改正后重试。成功后该账号的所有登录会话失效、登录锁定解除，登记手机收到通知短信。',
  })
  @ApiNoContentResponse({ description: '密码已重置，请用新密码登录' })
  async resetPassword(@Body() dto: ResetForgottenPasswordDto, @Client() client: ClientInfo): Promise<void> {
    await this.reset.reset(dto, client);
  }
}
