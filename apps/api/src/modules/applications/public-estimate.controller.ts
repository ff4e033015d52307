import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QuoteView } from '@butie/contracts';
import { Public } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../common/rate-limit/client-rate-limit.js';
import { EstimateQueryDto, QuoteDto } from './applications.dto.js';
import { ApplicationsService } from './applications.service.js';

/** 补贴测算 without signing in: no personal data is asked for or kept. */
@ApiTags('public')
@Controller('public/estimate')
export class PublicEstimateController {
  constructor(private readonly applications: ApplicationsService) {}

  @Public()
  @LimitPerClient()
  @Get()
  @ApiOperation({
    summary: '补贴测算（无需登录）',
    description:
      '学历与起止年月 → 按当前政策参数逐月的补贴标准及合计（按每月均正常缴费计算；实际以申报时社保缴费记录为准）。可测算以后的月份；合计不超过每人最多补贴月数。不询问、不保存任何个人信息。',
  })
  @ApiProblems('VALIDATION_FAILED', 'MONTH_RANGE_INVALID', 'MONTH_RANGE_REVERSED', 'MONTH_WITHOUT_STANDARD', 'MONTHS_OVER_MAXIMUM')
  @ApiOkResponse({ type: QuoteDto })
  estimate(@Query() query: EstimateQueryDto): Promise<QuoteView> {
    return this.applications.estimate(query);
  }
}
