import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { AllowWhilePasswordChangeRequired, Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { ChangePasswordDto, UpdateProfileDto, UserViewDto } from './accounts.dto.js';
import { AccountService } from './account.service.js';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

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
  @ApiOperation({ summary: '修改姓名、手机号码、电子邮箱' })
  @ApiOkResponse({ type: UserViewDto })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto, @Client() client: ClientInfo): Promise<UserViewDto> {
    return this.account.updateProfile(user, dto, client);
  }

  @Post('password')
  @HttpCode(200)
  @RequirePermission('account.self')
  @AllowWhilePasswordChangeRequired()
  @ApiOperation({ summary: '修改密码（原密码 + 新密码）', description: '成功后本账号的其他登录会话失效。' })
  @ApiOkResponse({ type: UserViewDto })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Client() client: ClientInfo): Promise<UserViewDto> {
    return this.account.changePassword(user, dto, client);
  }
}
