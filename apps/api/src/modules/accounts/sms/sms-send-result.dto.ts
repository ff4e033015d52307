import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SmsSendResult } from '@butie/contracts';

export class SmsSendResultDto implements SmsSendResult {
  @ApiProperty({ description: '多少秒后可再次发送' }) resendAfter: number;
  @ApiProperty({ description: '验证码有效秒数' }) expiresIn: number;
  @ApiPropertyOptional({ description: '仅沙箱短信通道：凭此读取 GET /api/v1/sandbox/sms-outbox/{ticket}；对任何手机号都给出' }) sandboxTicket?: string;
}
