import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  REGISTRATION_STATUSES,
  type CountyOption,
  type RegistrationStatus,
  type UnitListQuery,
  type UnitPickerItem,
  type UnitPickerQuery,
  type UnitView,
} from '@butie/contracts';
import { KeysetQuery } from '../../common/paging/keyset-query.js';
import type { PickerRow, UnitRow } from './units.repository.js';
import { OptionalKeyword } from '../../common/validation/validation.js';

// ——— requests ———

export class UnitListQueryDto extends KeysetQuery implements UnitListQuery {
  @ApiPropertyOptional({ description: '区县（市级用户可选；县区用户只能看到本区县）' })
  @IsOptional()
  @IsUUID('all', { message: '区县无效' })
  countyId?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: '状态无效' })
  status?: RegistrationStatus;

  @OptionalKeyword('单位名称（包含）')
  keyword?: string;
}

export class UnitPickerQueryDto extends KeysetQuery implements UnitPickerQuery {
  @OptionalKeyword('单位名称（包含）或统一社会信用代码（开头）')
  keyword?: string;

  @ApiPropertyOptional({ description: '区县' })
  @IsOptional()
  @IsUUID('all', { message: '区县无效' })
  countyId?: string;
}

// ——— responses ———

export class CountyRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class CountyOptionDto extends CountyRefDto implements CountyOption {}

export class UnitDto implements UnitView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '是否为区县虚拟单位' }) isVirtual: boolean;
  @ApiProperty({ type: CountyRefDto }) county: CountyRefDto;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items: UnitDto[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的 cursor；最后一页为 null' }) nextCursor: string | null;
}

export class UnitPickerItemDto implements UnitPickerItem {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '91530100MA6K7XYW1U' }) creditCode: string;
  @ApiProperty({ type: CountyRefDto }) county: CountyRefDto;
}

export class UnitPickerPageDto {
  @ApiProperty({ type: [UnitPickerItemDto] }) items: UnitPickerItemDto[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的 cursor；最后一页为 null' }) nextCursor: string | null;
}

// ——— mapping ———

export function mapUnit(row: UnitRow): UnitDto {
  return { id: row.id, name: row.name, isVirtual: row.is_virtual, county: { id: row.county_id, name: row.county_name }, status: row.status };
}

/** Only what a registrant needs to choose a unit: no phone, no address, no account. */
export function mapPickerItem(row: PickerRow): UnitPickerItemDto {
  return { id: row.id, name: row.name, creditCode: row.credit_code, county: { id: row.county_id, name: row.county_name } };
}
