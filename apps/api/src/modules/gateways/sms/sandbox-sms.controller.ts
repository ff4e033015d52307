import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { SandboxSmsView } from '@butie/contracts';
import { Public } from '../../../common/auth/decorators.js';
import { notFound } from '../../../common/errors/app-error.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../../common/rate-limit/client-rate-limit.js';
import { SandboxSmsGateway } from './sandbox-sms.gateway.js';

export class OutboxTicketParams {
  @ApiProperty({ description: '发送验证码时返回的 sandboxTicket' })
  @Matches(/^[A-Za-z0-9_-]{24}$/, { message: '沙箱短信凭据格式不正确' })
  ticket: string;
}

class SandboxSmsViewDto implements SandboxSmsView {
  @ApiProperty({ example: '138****0001' }) phoneMasked: string;
  @ApiProperty() content: string;
  @ApiProperty() sentAt: string;
}

/**
 * Exists only while the sandbox SMS provider is on (it is not registered otherwise): lets the demo
 * pages and the tests read what "arrived", by the ticket that the send returned.
 */
@ApiTags('sandbox')
@Controller('sandbox/sms-outbox')
export class SandboxSmsController {
  constructor(private readonly sandbox: SandboxSmsGateway) {}

  @Public()
  @LimitPerClient()
  @Get(':ticket')
  @ApiOperation({
    summary: '沙箱短信（仅沙箱短信通道开启时存在）',
    description: '按发送验证码时返回的 sandboxTicket 读取该条短信；凭据不存在时返回 404。不能按手机号查询。',
  })
  @ApiOkResponse({ type: SandboxSmsViewDto })
  @ApiProblems('NOT_FOUND')
  async read(@Param() params: OutboxTicketParams): Promise<SandboxSmsViewDto> {
    const message = await this.sandbox.read(params.ticket);
    if (!message) throw notFound('沙箱短信');
    return { phoneMasked: message.phoneMasked, content: message.content, sentAt: message.sentAt.toISOString() };
  }
}
