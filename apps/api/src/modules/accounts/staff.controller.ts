import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { CreateStaffDto, PasswordResetDto, StaffAccountDto, StaffCreatedDto, StaffListQuery, StaffPage, UpdateStaffDto } from './staff.dto.js';
import { StaffService } from './staff.service.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '管理部门人员账号列表（手机号脱敏）' })
  @ApiOkResponse({ type: StaffPage })
  list(@Query() query: StaffListQuery): Promise<StaffPage> {
    return this.staff.list(query);
  }

  @Post()
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '新建人员账号', description: '返回一次性初始密码；该账号首次登录须修改密码。' })
  @ApiCreatedResponse({ type: StaffCreatedDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateStaffDto, @Client() client: ClientInfo): Promise<StaffCreatedDto> {
    return this.staff.create(user, dto, client);
  }

  @Patch(':id')
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '修改、停用或启用人员账号' })
  @ApiOkResponse({ type: StaffAccountDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe('人员账号')) id: string,
    @Body() dto: UpdateStaffDto,
    @Client() client: ClientInfo,
  ): Promise<StaffAccountDto> {
    return this.staff.update(user, id, dto, client);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '重置人员密码', description: '返回一次性密码；原有登录会话失效，登录锁定解除，登录后须修改密码。' })
  @ApiOkResponse({ type: PasswordResetDto })
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('人员账号')) id: string, @Client() client: ClientInfo): Promise<PasswordResetDto> {
    return this.staff.resetPassword(user, id, client);
  }
}
