import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import type { RegionLevel, RegionView } from '@butie/contracts';

export class CreateCountyDto {
  @ApiProperty({ example: 'xinqu', description: '区县代码：2–16 位小写字母或数字，以字母开头；用于该区县人员的登录名（如 xinqu_hrss）' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^[a-z][a-z0-9]{1,15}$/, { message: '区县代码须为 2–16 位小写字母或数字，以字母开头' })
  code: string;

  @ApiProperty({ example: '新区' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '请输入区县名称' })
  @Length(2, 32, { message: '区县名称须为 2–32 个字' })
  name: string;
}

class UnitRef {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class RegionDto implements RegionView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['CITY', 'COUNTY'] }) level: RegionLevel;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ type: UnitRef, nullable: true, description: '区县的虚拟单位' }) virtualUnit: UnitRef | null;
}

export interface RegionRow {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parent_id: string | null;
  virtual_unit_id: string | null;
  virtual_unit_name: string | null;
}

export function mapRegion(row: RegionRow): RegionDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    virtualUnit: row.virtual_unit_id ? { id: row.virtual_unit_id, name: row.virtual_unit_name! } : null,
  };
}
