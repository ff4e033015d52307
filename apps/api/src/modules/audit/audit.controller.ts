import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/decorators.js';
import { LoginEventPage, LoginEventQuery, OperationLogPage, OperationLogQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

/** 审计员: pages through the logs. There is deliberately no endpoint that edits or deletes them. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('login-events')
  @RequirePermission('log.read')
  @ApiOperation({ summary: '登录日志（新的在前，游标分页）' })
  @ApiOkResponse({ type: LoginEventPage })
  loginEvents(@Query() query: LoginEventQuery): Promise<LoginEventPage> {
    return this.audit.listLoginEvents(query);
  }

  @Get('operation-logs')
  @RequirePermission('log.read')
  @ApiOperation({ summary: '操作日志（新的在前，游标分页）' })
  @ApiOkResponse({ type: OperationLogPage })
  operations(@Query() query: OperationLogQuery): Promise<OperationLogPage> {
    return this.audit.listOperations(query);
  }
}
