import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { DashboardDto } from './dashboard.dto.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @RequirePermission('dashboard.view')
  @ApiOperation({ summary: '首页待办：各待办队列的件数与等待最久的一件', description: '只含当前账号有权处理的队列，件数按数据范围统计。' })
  @ApiOkResponse({ type: DashboardDto })
  get(@CurrentUser() user: AuthUser): Promise<DashboardDto> {
    return this.dashboard.forUser(user);
  }
}
