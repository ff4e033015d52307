import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EligibilityView, QuoteView } from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { EligibilityDto, MonthRangeDto, QuoteDto } from './applications.dto.js';
import { ApplicationsService } from './applications.service.js';

const RANGE_RULES =
  '月份须为 YYYY-MM，起始不晚于终止，终止不晚于本月（BUSINESS_TIME_ZONE），每月都有补贴标准，合计不超过每人最多补贴月数；' +
  '否则 422，code 为第一条违反的规则，errors 指明字段，violations 列出每条规则及其数据。';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

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
}
