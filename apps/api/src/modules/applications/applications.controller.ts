import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicationPage, ApplicationView, EligibilityView, QuoteView } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { ApplicationDraftsService } from './application-drafts.service.js';
import { ApplicationDraftDto, ApplicationDto, ApplicationPageDto, ApplicationsQueryDto, EligibilityDto, MonthRangeDto, QuoteDto } from './applications.dto.js';
import { ApplicationsService } from './applications.service.js';

const RANGE_RULES =
  '月份须为 YYYY-MM，起始不晚于终止，终止不晚于本月（BUSINESS_TIME_ZONE），每月都有补贴标准，合计不超过每人最多补贴月数；' +
  '否则 422，code 为第一条违反的规则，errors 指明字段，violations 列出每条规则及其数据。';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly drafts: ApplicationDraftsService,
  ) {}

  @Get('eligibility')
  @RequirePermission('application.self')
  @ApiOperation({
    summary: '申报资格预检（domain §5.3）',
    description:
      '按本人证件号码查询社保系统：参加企业职工基本养老保险、正常参保、最早缴费年月不早于本人学历的要求。不符合时 eligible=false，violations 说明哪条规则与数据。' +
      '社保系统暂时不可用时 503 GATEWAY_UNAVAILABLE（Retry-After）。',
  })
  @ApiProblems('GATEWAY_UNAVAILABLE', 'NOT_FOUND')
  @ApiOkResponse({ type: EligibilityDto })
  eligibility(@CurrentUser() user: AuthUser): Promise<EligibilityView> {
    return this.applications.eligibility(user);
  }

  @Post('quote')
  @HttpCode(200)
  @RequirePermission('application.self')
  @ApiOperation({
    summary: '补贴金额测算（本人，domain §5.5）',
    description: `逐月：当月标准、是否缴费、应发金额及市县分担；未缴费月份扣发。金额均为整数分，合计等于逐月之和。${RANGE_RULES} 社保系统不可用时 503 GATEWAY_UNAVAILABLE。`,
  })
  @ApiProblems('MONTH_RANGE_INVALID', 'MONTH_RANGE_REVERSED', 'MONTH_RANGE_IN_FUTURE', 'MONTH_WITHOUT_STANDARD', 'MONTHS_OVER_MAXIMUM', 'GATEWAY_UNAVAILABLE')
  @ApiOkResponse({ type: QuoteDto })
  quote(@CurrentUser() user: AuthUser, @Body() range: MonthRangeDto): Promise<QuoteView> {
    return this.applications.quote(user, range);
  }

  @Post()
  @RequirePermission('application.self')
  @ApiOperation({
    summary: '暂存补贴申报（新建）',
    description:
      '随时暂存，字段均可暂缺（提交时再按规则校验）。申领类型不填时：尚无提交过的申报为 NEW（新申领），否则 RENEWAL（续领）。本科填写 workHistoryId（本人工作经历）。' +
      `每人最多 10 份暂存申报（409 CONFLICT）。记入申报历史与操作日志。`,
  })
  @ApiProblems('VALIDATION_FAILED', 'APPLICATION_WORK_HISTORY_INVALID', 'CONFLICT')
  @ApiCreatedResponse({ type: ApplicationDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: ApplicationDraftDto, @Client() client: ClientInfo): Promise<ApplicationView> {
    return this.drafts.create(user, dto, client);
  }

  @Get()
  @RequirePermission('application.self')
  @ApiOperation({ summary: '我的补贴申报（申报信息）', description: '本人的申报（不含已删除），新建在前，游标分页。状态为申请人可读的名称（statusLabel）。' })
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ApplicationsQueryDto): Promise<ApplicationPage> {
    return this.drafts.listMine(user, query);
  }

  @Get(':id')
  @RequirePermission('application.self')
  @ApiOperation({ summary: '补贴申报详情', description: '本人的申报；他人的申报或不存在时 404。actions 为当前可执行的操作。' })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: ApplicationDto })
  show(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('申报')) id: string): Promise<ApplicationView> {
    return this.drafts.getMine(user, id);
  }

  @Patch(':id')
  @RequirePermission('application.self')
  @ApiOperation({
    summary: '修改补贴申报',
    description: '暂存或单位退回的申报可修改；未提供的字段保持不变，null 清空。其他状态 409 APPLICATION_NOT_EDITABLE（currentStatus）。每次修改为申报历史的新版本。',
  })
  @ApiProblems('NOT_FOUND', 'VALIDATION_FAILED', 'APPLICATION_NOT_EDITABLE', 'APPLICATION_WORK_HISTORY_INVALID')
  @ApiOkResponse({ type: ApplicationDto })
  update(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('申报')) id: string, @Body() dto: ApplicationDraftDto, @Client() client: ClientInfo): Promise<ApplicationView> {
    return this.drafts.update(user, id, dto, client);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('application.self')
  @ApiOperation({ summary: '删除暂存的补贴申报', description: '只能删除暂存的申报，删除后仍保留在申报历史中。其他状态 409 APPLICATION_NOT_EDITABLE。' })
  @ApiProblems('NOT_FOUND', 'APPLICATION_NOT_EDITABLE')
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('申报')) id: string, @Client() client: ClientInfo): Promise<void> {
    return this.drafts.remove(user, id, client);
  }
}
