import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, Public, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../common/rate-limit/client-rate-limit.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { ApprovalDto } from '../../common/workflow/review.dto.js';
import {
  CreateUnitRegistrationDto,
  ReturnUnitRegistrationDto,
  UnitFieldsDto,
  UnitRegistrationDto,
  UnitRegistrationPageDto,
  UnitRegistrationQueueDto,
} from './unit-registrations.dto.js';
import { UnitRegistrationsService } from './unit-registrations.service.js';

const WHAT = '单位注册';

@ApiTags('unit-registrations')
@Controller('units/registrations')
export class UnitRegistrationsController {
  constructor(private readonly registrations: UnitRegistrationsService) {}

  @Public()
  @LimitPerClient()
  @Post()
  @ApiOperation({
    summary: '单位注册（无需登录）',
    description:
      '创建单位（状态「待审核」，由所在区县人社局审核）与单位登录账号：账号姓名取联系人，account.phone 为账号手机号码（短信登录、忘记密码用，全系统唯一，' +
      '可与联系电话相同）。统一社会信用代码校验 18 位与 GB 32100 校验位，每个代码只能注册一次（409 CREDIT_CODE_TAKEN，extensions.creditCode 为该代码）；' +
      '登录名、手机号码已被使用为 409 USERNAME_TAKEN / PHONE_TAKEN。表单问题一次全部列出（errors[].field 如 unit.creditCode、account.username）。' +
      '任何拒绝都不留下单位、账号或流程记录。成功后以单位登录查看审核进度。',
  })
  @ApiProblems('PASSWORD_POLICY', 'USERNAME_TAKEN', 'PHONE_TAKEN', 'CREDIT_CODE_TAKEN')
  @ApiCreatedResponse({ type: UnitRegistrationDto })
  register(@Body() dto: CreateUnitRegistrationDto, @Client() client: ClientInfo): Promise<UnitRegistrationDto> {
    return this.registrations.register(dto, client);
  }

  @Get('mine')
  @ApiBearerAuth()
  @RequirePermission('unit.registration.self')
  @ApiOperation({ summary: '本单位的注册信息、审核状态、审核意见与流程状态' })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: UnitRegistrationDto })
  getMine(@CurrentUser() user: AuthUser): Promise<UnitRegistrationDto> {
    return this.registrations.getMine(user);
  }

  @Put('mine')
  @ApiBearerAuth()
  @RequirePermission('unit.registration.self')
  @ApiOperation({
    summary: '修改本单位的注册信息（仅「退回」时）',
    description: '请求体为单位信息各字段（errors[].field 如 creditCode）。「待审核」「审核通过」时 409 UNIT_REGISTRATION_NOT_EDITABLE（含 currentStatus）。修改后须「重新提交」。',
  })
  @ApiProblems('NOT_FOUND', 'UNIT_REGISTRATION_NOT_EDITABLE', 'CREDIT_CODE_TAKEN')
  @ApiOkResponse({ type: UnitRegistrationDto })
  updateMine(@CurrentUser() user: AuthUser, @Body() dto: UnitFieldsDto, @Client() client: ClientInfo): Promise<UnitRegistrationDto> {
    return this.registrations.updateMine(user, dto, client);
  }

  @Post('mine/resubmit')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission('unit.registration.self')
  @ApiOperation({ summary: '重新提交', description: '「退回」→「待审核」，重新进入所在区县的审核列表。其他状态 409 TRANSITION_NOT_ALLOWED。' })
  @ApiProblems('NOT_FOUND', 'TRANSITION_NOT_ALLOWED', 'STATUS_CHANGED')
  @ApiOkResponse({ type: UnitRegistrationDto })
  resubmitMine(@CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<UnitRegistrationDto> {
    return this.registrations.resubmitMine(user, client);
  }

  @Get()
  @ApiBearerAuth()
  @RequirePermission('unit.registration.review')
  @ApiOperation({
    summary: '单位注册审核列表（本区县）',
    description: '按状态、单位名称或统一社会信用代码、提交日期筛选；按提交时间倒序，游标分页（篡改的 cursor 返回 400）。不含区县虚拟单位。',
  })
  @ApiOkResponse({ type: UnitRegistrationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: UnitRegistrationQueueDto): Promise<UnitRegistrationPageDto> {
    return this.registrations.listQueue(user, query);
  }

  @Get(':id')
  @ApiBearerAuth()
  @RequirePermission('unit.registration.review')
  @ApiOperation({ summary: '单位注册详情（含流程状态）', description: '其他区县的单位、虚拟单位与不存在的编号一样返回 404。' })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: UnitRegistrationDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe(WHAT)) id: string): Promise<UnitRegistrationDto> {
    return this.registrations.getForReviewer(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission('unit.registration.review')
  @ApiOperation({
    summary: '审核通过',
    description: '仅「待审核」可审核（否则 409 TRANSITION_NOT_ALLOWED）；他人已先处理时 409 STATUS_CHANGED（含 currentStatus）。通过后单位出现在公开的选择单位列表中。',
  })
  @ApiProblems('NOT_FOUND', 'TRANSITION_NOT_ALLOWED', 'STATUS_CHANGED')
  @ApiOkResponse({ type: UnitRegistrationDto })
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe(WHAT)) id: string,
    @Body() dto: ApprovalDto,
    @Client() client: ClientInfo,
  ): Promise<UnitRegistrationDto> {
    return this.registrations.approve(user, id, dto.opinion, client);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission('unit.registration.review')
  @ApiOperation({ summary: '退回（须填写审核意见，最多 500 字）', description: '仅「待审核」可退回；单位登录后看到审核意见，修改后重新提交。' })
  @ApiProblems('NOT_FOUND', 'TRANSITION_NOT_ALLOWED', 'STATUS_CHANGED')
  @ApiOkResponse({ type: UnitRegistrationDto })
  return(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe(WHAT)) id: string,
    @Body() dto: ReturnUnitRegistrationDto,
    @Client() client: ClientInfo,
  ): Promise<UnitRegistrationDto> {
    return this.registrations.return(user, id, dto.opinion, client);
  }
}
