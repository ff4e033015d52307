import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LOG_EXPORT_MAX_ROWS } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { LoginEventFilter, LoginEventPage, LoginEventQuery, OperationLogFilter, OperationLogPage, OperationLogQuery } from './audit.dto.js';
import { AuditService, type LogExportFile } from './audit.service.js';
import { XLSX_MEDIA_TYPE } from './xlsx-export.js';

const EXPORT_DESCRIPTION =
  `与列表相同的筛选条件；新的在前，最多 ${LOG_EXPORT_MAX_ROWS} 条（超过时文件末行和「导出说明」表注明已截断）。` +
  '时间为业务时区（默认 Asia/Shanghai）的本地时间。';
const XLSX_RESPONSE = { description: 'Excel 文件（.xlsx）', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } };

/** 审计员: pages through and exports the logs. There is deliberately no endpoint that edits or deletes them. */
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

  @Get('login-events/export')
  @RequirePermission('log.read')
  @ApiOperation({ summary: '导出登录日志（Excel）', description: `${EXPORT_DESCRIPTION}导出本身记入操作日志。` })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse(XLSX_RESPONSE)
  async exportLoginEvents(@Query() filter: LoginEventFilter, @CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<StreamableFile> {
    return asFile(await this.audit.exportLoginEvents(filter, user, client));
  }

  @Get('operation-logs')
  @RequirePermission('log.read')
  @ApiOperation({ summary: '操作日志（新的在前，游标分页）' })
  @ApiOkResponse({ type: OperationLogPage })
  operations(@Query() query: OperationLogQuery): Promise<OperationLogPage> {
    return this.audit.listOperations(query);
  }

  @Get('operation-logs/export')
  @RequirePermission('log.read')
  @ApiOperation({ summary: '导出操作日志（Excel）', description: `${EXPORT_DESCRIPTION}导出本身记入操作日志。` })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse(XLSX_RESPONSE)
  async exportOperations(@Query() filter: OperationLogFilter, @CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<StreamableFile> {
    return asFile(await this.audit.exportOperations(filter, user, client));
  }
}

function asFile(file: LogExportFile): StreamableFile {
  return new StreamableFile(file.stream, { type: XLSX_MEDIA_TYPE, disposition: file.disposition });
}
