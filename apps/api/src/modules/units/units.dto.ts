import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../common/http/page-query.js';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REGISTRATION_STATUSES, type RegistrationStatus, type UnitView } from '@butie/contracts';

export class UnitListQuery extends PageQuery {
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
