import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { REGISTRATION_STATUSES, type RegistrationStatus, type UnitView } from '@butie/contracts';

export class UnitListQuery {
  @ApiPropertyOptional({ description: '区县（市级用户可选；县区用户只能看到本区县）' })
  @IsOptional()
  @IsUUID('all', { message: '区县无效' })
  countyId?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: '状态无效' })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ description: '单位名称（包含）' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(64)
  keyword?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码须为整数' })
  @Min(1, { message: '页码从 1 开始' })
  @Max(10000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数须为整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(100, { message: '每页最多 100 条' })
  pageSize?: number;
}

class CountyRef {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class UnitDto implements UnitView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '是否为区县虚拟单位' }) isVirtual: boolean;
  @ApiProperty({ type: CountyRef }) county: CountyRef;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
}

export class UnitPage {
  @ApiProperty({ type: [UnitDto] }) items: UnitDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export interface UnitRow {
  id: string;
  name: string;
  is_virtual: boolean;
  county_id: string;
  county_name: string;
  status: RegistrationStatus;
}

export function mapUnit(row: UnitRow): UnitDto {
  return { id: row.id, name: row.name, isVirtual: row.is_virtual, county: { id: row.county_id, name: row.county_name }, status: row.status };
}
