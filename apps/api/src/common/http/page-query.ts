import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from './cursor.js';

/** page / pageSize of a numbered list; at most 100 rows a page (architecture: no unbounded lists). */
export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码须为整数' })
  @Min(1, { message: '页码从 1 开始' })
  @Max(10000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数须为整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  pageSize?: number;
}
