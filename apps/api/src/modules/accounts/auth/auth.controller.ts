import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { LoginResult, SessionTokens, SmsSendResult } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { AllowWhilePasswordChangeRequired, Client, CurrentUser, Public, RequirePermission } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../../common/rate-limit/client-rate-limit.js';
import { SessionTokensDto } from '../../../common/auth/session-tokens.dto.js';
import { SmsSendResultDto } from '../sms/sms-send-result.dto.js';
import { LoginDto, MfaChallengeDto, MfaResendDto, MfaVerifyDto, RefreshDto, SmsLoginDto, SmsSendDto } from './auth.dto.js';
import { AccountRegistrationService } from '../account-registration.service.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@ApiExtraModels(SessionTokensDto, MfaChallengeDto)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registrations: AccountRegistrationService,
  ) {}

  @Public()
  @LimitPerClient()
  @ApiProblems('INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'WRONG_PORTAL', 'MFA_PHONE_MISSING', 'SMS_DAILY_LIMIT', 'SMS_SEND_FAILED')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: '用户名密码登录',
    description:
      '成功时返回令牌；管理部门账号在开启短信二次验证时返回 mfaRequired 与 mfaToken，验证码已发送至登记手机，再调用 /auth/login/mfa。' +
      '401 INVALID_CREDENTIALS 不区分用户名是否存在、密码是否正确而账号已停用（停用原因以短信告知登记手机）；423 ACCOUNT_LOCKED 含 lockedUntil。',
  })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SessionTokensDto) }, { $ref: getSchemaPath(MfaChallengeDto) }] } })
  login(@Body() dto: LoginDto, @Client() client: ClientInfo): Promise<LoginResult> {
    return this.auth.passwordLogin(dto, client);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('MFA_TOKEN_INVALID', 'SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_TOO_MANY_TRIES')
  @Post('login/mfa')
  @HttpCode(200)
  @ApiOperation({ summary: '管理部门登录的短信二次验证' })
  @ApiOkResponse({ type: SessionTokensDto })
  completeMfa(@Body() dto: MfaVerifyDto, @Client() client: ClientInfo): Promise<SessionTokens> {
    return this.auth.completeMfa(dto, client);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('MFA_TOKEN_INVALID', 'SMS_SEND_TOO_SOON', 'SMS_DAILY_LIMIT', 'SMS_SEND_FAILED')
  @Post('login/mfa/resend')
  @HttpCode(202)
  @ApiOperation({ summary: '重新发送二次验证短信' })
  @ApiAcceptedResponse({ type: SmsSendResultDto })
  resendMfa(@Body() dto: MfaResendDto): Promise<SmsSendResult> {
    return this.auth.resendMfa(dto);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('SMS_SEND_TOO_SOON', 'SMS_DAILY_LIMIT', 'SMS_SEND_FAILED')
  @Post('sms/send')
  @HttpCode(202)
  @ApiOperation({
    summary: '发送短信登录验证码',
    description: '对任何格式正确的手机号都返回相同结果（不透露是否已注册）。同一手机号 60 秒一次、每天 10 次；超出返回 429 与 Retry-After。',
  })
  @ApiAcceptedResponse({ type: SmsSendResultDto })
  sendSmsCode(@Body() dto: SmsSendDto): Promise<SmsSendResult> {
    return this.auth.sendLoginCode(dto.phone);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('SMS_SEND_TOO_SOON', 'SMS_DAILY_LIMIT', 'SMS_SEND_FAILED')
  @Post('sms/registration')
  @HttpCode(202)
  @ApiOperation({
    summary: '发送注册验证码（单位注册、个人注册）',
    description:
      '注册时须用发到账号手机号码的验证码证明号码为本人所有（请求中的 account.phoneCode）。对任何格式正确的手机号都返回相同结果；' +
      '号码是否已被其他账号使用，只在验证码核对正确后才告知。同一手机号 60 秒一次、每天 10 次；超出返回 429 与 Retry-After。',
  })
  @ApiAcceptedResponse({ type: SmsSendResultDto })
  sendRegistrationCode(@Body() dto: SmsSendDto): Promise<SmsSendResult> {
    return this.registrations.sendPhoneCode(dto.phone);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_TOO_MANY_TRIES', 'ACCOUNT_DISABLED', 'WRONG_PORTAL', 'STAFF_PASSWORD_REQUIRED')
  @Post('sms/login')
  @HttpCode(200)
  @ApiOperation({ summary: '短信验证码登录', description: '验证码 6 位、5 分钟有效，每个验证码最多输错 5 次。' })
  @ApiOkResponse({ type: SessionTokensDto })
  smsLogin(@Body() dto: SmsLoginDto, @Client() client: ClientInfo): Promise<SessionTokens> {
    return this.auth.smsLogin(dto, client);
  }

  @Public()
  @LimitPerClient()
  @ApiProblems('REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED', 'SESSION_ENDED', 'SESSION_IDLE')
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: '刷新令牌（轮换）',
    description: '每个刷新令牌只能使用一次并换回新的一对令牌；同一刷新令牌被再次使用时整个会话作废（401 REFRESH_TOKEN_REUSED）。',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  refresh(@Body() dto: RefreshDto, @Client() client: ClientInfo): Promise<SessionTokens> {
    return this.auth.refresh(dto.refreshToken, client);
  }

  @Post('logout')
  @HttpCode(204)
  @RequirePermission('account.self')
  @AllowWhilePasswordChangeRequired()
  @ApiBearerAuth()
  @ApiOperation({ summary: '注销登录（服务端作废本次会话的刷新令牌）' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<void> {
    await this.auth.logout(user, client);
  }
}
