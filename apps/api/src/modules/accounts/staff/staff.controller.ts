import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import { uuidPipe } from '../../../common/validation/uuid.pipe.js';
import { CreateStaffDto, PasswordResetDto, StaffAccountDto, StaffCreatedDto, StaffListQuery, StaffPage, UpdateStaffDto } from './staff.dto.js';
import { StaffService } from './staff.service.js';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission('staff.manage')
  @ApiOperation({
    summary: '管理部门人员账号列表（手机号脱敏）',
    description: '新建的在前，游标分页：下一页以上一页返回的 nextCursor 作为 cursor 查询（筛选条件不变）；cursor 无效时 400 VALIDATION_FAILED。',
  })
  @ApiOkResponse({ type: StaffPage })
  list(@Query() query: StaffListQuery): Promise<StaffPage> {
    return this.staff.list(query);
  }

  @Post()
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '新建人员账号', description: '返回一次性初始密码；该账号首次登录须修改密码。开启短信二次验证时必须登记手机号码。' })
  @ApiProblems('USERNAME_TAKEN', 'PHONE_TAKEN', 'STAFF_SCOPE_MISMATCH')
  @ApiCreatedResponse({ type: StaffCreatedDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateStaffDto, @Client() client: ClientInfo): Promise<StaffCreatedDto> {
    return this.staff.create(user, dto, client);
  }

  @Patch(':id')
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '修改、停用或启用人员账号' })
  @ApiProblems('PHONE_TAKEN', 'CANNOT_DISABLE_SELF', 'ROLE_NOT_MANAGEABLE')
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
  @ApiProblems('ROLE_NOT_MANAGEABLE')
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('人员账号')) id: string, @Client() client: ClientInfo): Promise<PasswordResetDto> {
    return this.staff.resetPassword(user, id, client);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('staff.manage')
  @ApiOperation({ summary: '解锁人员账号', description: '解除连续登录失败造成的锁定（记入操作日志）；未锁定的账号原样返回。' })
  @ApiOkResponse({ type: StaffAccountDto })
  @ApiProblems('ROLE_NOT_MANAGEABLE')
  unlock(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('人员账号')) id: string, @Client() client: ClientInfo): Promise<StaffAccountDto> {
    return this.staff.unlock(user, id, client);
  }
}
