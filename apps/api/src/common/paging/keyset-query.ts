import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './keyset.js';

/** `cursor` and `limit` of every keyset-paged list; at most 100 rows a page (no unbounded lists). */
export class KeysetQuery {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor；不传为第一页。客户端不应解析其内容' })
  @IsOptional()
  @IsString()
  @MaxLength(1024, { message: '分页位置无效' })
  cursor?: string;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: MAX_PAGE_SIZE, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数须为整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  limit?: number;
}
