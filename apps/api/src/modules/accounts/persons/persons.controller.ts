import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionTokens } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { Client, CurrentUser, Public, RequirePermission } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../../common/rate-limit/client-rate-limit.js';
import { uuidPipe } from '../../../common/validation/uuid.pipe.js';
import { ApprovalDto } from '../../../common/workflow/review.dto.js';
import { SessionTokensDto } from '../../../common/auth/session-tokens.dto.js';
import {
  CreatePersonRegistrationDto,
  PersonRegistrationDto,
  PersonRegistrationPageDto,
  PersonRegistrationQueueDto,
  ReturnPersonRegistrationDto,
  UpdatePersonRegistrationDto,
} from './persons.dto.js';
import { PersonsService } from './persons.service.js';

const WHAT = '人员注册';

@ApiTags('person-registrations')
@Controller('persons/registrations')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Public()
  @LimitPerClient()
  @Post()
  @ApiOperation({
    summary: '个人注册（无需登录）',
    description:
      '须先同意用户须知（agreedToNotice: true）。创建个人账号与注册信息（状态「未上报」），并直接返回登录令牌（与登录相同），' +
      '以便上传证明材料后「注册并上报」。居民身份证与两种居住证校验 GB 11643 校验位，出生日期、性别须与号码一致；其他证件按各自格式。' +
      '表单问题一次全部列出（errors[].field 如 account.username、basic.idNumber）。登录名、手机号码、证件号码各只能注册一次。',
  })
  @ApiProblems('PASSWORD_POLICY', 'USERNAME_TAKEN', 'PHONE_TAKEN', 'ID_NUMBER_TAKEN')
  @ApiCreatedResponse({ type: SessionTokensDto })
  register(@Body() dto: CreatePersonRegistrationDto, @Client() client: ClientInfo): Promise<SessionTokens> {
    return this.persons.register(dto, client);
  }

  @Get('mine')
  @ApiBearerAuth()
  @RequirePermission('person.registration.self')
  @ApiOperation({ summary: '注册状态：本人的注册信息、审核意见与流程状态', description: '审核通过前后均可查看。' })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: PersonRegistrationDto })
  getMine(@CurrentUser() user: AuthUser): Promise<PersonRegistrationDto> {
    return this.persons.getMine(user);
  }

  @Put('mine')
  @ApiBearerAuth()
  @RequirePermission('person.registration.self')
  @ApiOperation({
    summary: '修改本人的注册信息（姓名、基本信息、所在单位）',
    description:
      '「未上报」「退回」时可改；「审核通过」后修改姓名、证件类型、证件号码、所在单位、学历或学位，注册回到「待审核」重新由单位审核，其他字段直接生效；' +
      '「待审核」时 409 REGISTRATION_NOT_EDITABLE。手机号码、电子邮箱与密码在账号管理中修改。',
  })
  @ApiProblems('NOT_FOUND', 'REGISTRATION_NOT_EDITABLE', 'ID_NUMBER_TAKEN', 'STATUS_CHANGED')
  @ApiOkResponse({ type: PersonRegistrationDto })
  updateMine(@CurrentUser() user: AuthUser, @Body() dto: UpdatePersonRegistrationDto, @Client() client: ClientInfo): Promise<PersonRegistrationDto> {
    return this.persons.updateMine(user, dto, client);
  }

  @Post('mine/submit')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission('person.registration.self')
  @ApiOperation({ summary: '注册并上报 / 提交申请', description: '「未上报」或「退回」→「待审核」。' })
  @ApiProblems('NOT_FOUND', 'TRANSITION_NOT_ALLOWED', 'STATUS_CHANGED')
  @ApiOkResponse({ type: PersonRegistrationDto })
  submitMine(@CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<PersonRegistrationDto> {
    return this.persons.submitMine(user, client);
  }

  @Get()
  @ApiBearerAuth()
  @RequirePermission('person.read')
  @ApiOperation({
    summary: '人员注册审核列表',
    description: '本单位已上报的注册人员（县区人员可查看本县区），按提交时间倒序，游标分页；证件号码与手机号码脱敏。',
  })
  @ApiOkResponse({ type: PersonRegistrationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: PersonRegistrationQueueDto): Promise<PersonRegistrationPageDto> {
    return this.persons.listQueue(user, query);
  }

  @Get(':id')
  @ApiBearerAuth()
  @RequirePermission('person.read')
  @ApiOperation({ summary: '人员注册详情（含证明材料与流程状态）', description: '其他单位的注册人员、未上报的注册：404。' })
  @ApiOkResponse({ type: PersonRegistrationDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe(WHAT)) id: string): Promise<PersonRegistrationDto> {
    return this.persons.getForReviewer(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission('person.registration.review')
  @ApiOperation({ summary: '审核通过', description: '仅「待审核」可审核；他人已先处理时 409 STATUS_CHANGED（含 currentStatus）。' })
  @ApiProblems('TRANSITION_NOT_ALLOWED', 'STATUS_CHANGED')
  @ApiOkResponse({ type: PersonRegistrationDto })
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe(WHAT)) id: string,
    @Body() dto: ApprovalDto,
    @Client() client: ClientInfo,
  ): Promise<PersonRegistrationDto> {
    return this.persons.approve(user, id, dto.opinion, client);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission('person.registration.review')
  @ApiOperation({ summary: '退回（须填写审核意见）', description: '仅「待审核」可退回；本人看到审核意见，修改后重新提交。' })
  @ApiProblems('TRANSITION_NOT_ALLOWED', 'STATUS_CHANGED')
  @ApiOkResponse({ type: PersonRegistrationDto })
  return(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe(WHAT)) id: string,
    @Body() dto: ReturnPersonRegistrationDto,
    @Client() client: ClientInfo,
  ): Promise<PersonRegistrationDto> {
    return this.persons.return(user, id, dto.opinion, client);
  }
}
