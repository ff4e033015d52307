import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Public } from '../../../common/auth/decorators.js';
import { SandboxSmsGateway } from './sandbox-sms.gateway.js';

export class OutboxQuery {
  @ApiProperty({ example: '13800000001' })
  @Matches(/^1\d{10}$/, { message: '手机号码须为 11 位数字' })
  phone: string;

  @ApiProperty({ required: false, default: 5, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 须为整数' })
  @Min(1, { message: 'limit 不能小于 1' })
  @Max(20, { message: 'limit 不能大于 20' })
  limit?: number;
}

export class OutboxMessageView {
  @ApiProperty() id: string;
  @ApiProperty() phone: string;
  @ApiProperty() template: string;
  @ApiProperty() content: string;
  @ApiProperty() sentAt: string;
}

/**
 * Exists only while the sandbox SMS provider is on (it is not registered otherwise): lets the demo
 * login page and the tests read the codes that a real phone would receive.
 */
@ApiTags('sandbox')
@Controller('sandbox/sms-outbox')
export class SandboxSmsController {
  constructor(private readonly sandbox: SandboxSmsGateway) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '沙箱短信发件箱（仅沙箱短信通道开启时存在）' })
  @ApiOkResponse({ type: [OutboxMessageView] })
  async list(@Query() query: OutboxQuery): Promise<OutboxMessageView[]> {
    const messages = await this.sandbox.outbox(query.phone, query.limit ?? 5);
    return messages.map((m) => ({ id: m.id, phone: m.phone, template: m.template, content: m.content, sentAt: m.createdAt.toISOString() }));
  }
}
