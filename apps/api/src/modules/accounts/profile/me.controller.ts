import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SmsSendResult } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { AllowWhilePasswordChangeRequired, Client, CurrentUser, RequirePermission } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import { UserViewDto } from '../../../common/auth/session-tokens.dto.js';
import { SmsSendResultDto } from '../sms/sms-send-result.dto.js';
import { ChangeEmailDto, ChangePasswordDto, ChangePhoneDto, PhoneVerificationDto, UpdateProfileDto } from './profile.dto.js';
import { ProfileService } from './profile.service.js';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly account: ProfileService) {}

  @Get()
  @RequirePermission('account.self')
  @AllowWhilePasswordChangeRequired()
  @ApiOperation({ summary: '当前登录账号' })
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentUser() user: AuthUser): UserViewDto {
    return this.account.me(user);
  }

  @Patch()
  @RequirePermission('account.self')
  @ApiOperation({ summary: '修改姓名', description: '手机号码与电子邮箱须经当前密码（手机号码另需新号码的验证码）确认，见 /me/phone 与 /me/email。' })
  @ApiOkResponse({ type: UserViewDto })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto, @Client() client: ClientInfo): Promise<UserViewDto> {
    return this.account.updateProfile(user, dto, client);
  }

  @Put('email')
  @RequirePermission('account.self')
  @ApiProblems('CURRENT_PASSWORD_WRONG', 'ACCOUNT_LOCKED', 'RATE_LIMITED')
  @ApiOperation({ summary: '修改电子邮箱（须当前密码）', description: 'email 为 null 时删除登记的电子邮箱。' })
  @ApiOkResponse({ type: UserViewDto })
  changeEmail(@CurrentUser() user: AuthUser, @Body() dto: ChangeEmailDto, @Client() client: ClientInfo): Promise<UserViewDto> {
    return this.account.changeEmail(user, dto, client);
  }

  @Post('phone/verification')
  @HttpCode(202)
  @RequirePermission('account.self')
  @ApiProblems('CURRENT_PASSWORD_WRONG', 'ACCOUNT_LOCKED', 'PHONE_UNCHANGED', 'SMS_SEND_TOO_SOON', 'SMS_DAILY_LIMIT', 'SMS_SEND_FAILED', 'RATE_LIMITED')
  @ApiOperation({
    summary: '更换手机号码第一步：验证当前密码并向新号码发送验证码',
    description: '无论新号码是否已被其他账号使用，答复都相同；验证码 5 分钟有效。',
  })
  @ApiAcceptedResponse({ type: SmsSendResultDto })
  sendPhoneChangeCode(@CurrentUser() user: AuthUser, @Body() dto: PhoneVerificationDto): Promise<SmsSendResult> {
    return this.account.sendPhoneChangeCode(user, dto);
  }

  @Put('phone')
  @RequirePermission('account.self')
  @ApiProblems('SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_TOO_MANY_TRIES', 'PHONE_TAKEN', 'RATE_LIMITED')
  @ApiOperation({
    summary: '更换手机号码第二步：以新号码收到的验证码确认',
    description: '成功后原号码收到变更通知短信，本账号的其他登录会话失效。',
  })
  @ApiOkResponse({ type: UserViewDto })
  changePhone(@CurrentUser() user: AuthUser, @Body() dto: ChangePhoneDto, @Client() client: ClientInfo): Promise<UserViewDto> {
    return this.account.changePhone(user, dto, client);
  }

  @Post('password')
  @HttpCode(200)
  @RequirePermission('account.self')
  @AllowWhilePasswordChangeRequired()
  @ApiProblems('CURRENT_PASSWORD_WRONG', 'ACCOUNT_LOCKED', 'PASSWORD_POLICY', 'PASSWORD_REUSED', 'RATE_LIMITED')
  @ApiOperation({ summary: '修改密码（原密码 + 新密码）', description: '成功后本账号的其他登录会话失效。' })
  @ApiOkResponse({ type: UserViewDto })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Client() client: ClientInfo): Promise<UserViewDto> {
    return this.account.changePassword(user, dto, client);
  }
}
