import { Controller, Get, Version, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators.js';

class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['up'] }) database: 'up';
  @ApiProperty({ description: '数据库往返毫秒数' }) databaseLatencyMs: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** For load balancers and compose health checks: 200 when the database answers, 503 when it does not. */
  @Public()
  @Get()
  @Version(VERSION_NEUTRAL)
  @ApiOperation({ summary: '健康检查（含数据库）' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'DATABASE_UNAVAILABLE' })
  async health(): Promise<HealthDto> {
    const started = performance.now();
    await this.db.query('SELECT 1');
    return { status: 'ok', database: 'up', databaseLatencyMs: Math.round((performance.now() - started) * 10) / 10 };
  }
}
