import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  describePolicyChanges,
  EDUCATIONS,
  POLICY_NOTE_MAX,
  type ChangeParametersRequest,
  type ChangeStandardsRequest,
  type Education,
  type PolicyChange,
  type PolicyHistoryItem,
  type PolicyHistoryPage,
  type PolicyVersionView,
  type SubsidyPolicy,
  type SubsidyStandard,
} from '@butie/contracts';
import { KeysetQuery } from '../../common/paging/keyset-query.js';
import { MultiLine, Trimmed } from '../../common/validation/validation.js';
import type { PolicyHistoryRow, PolicyVersionRow } from './policy.repository.js';

const MONTH = { example: '2024-01', description: 'YYYY-MM' };
/** More periods than anyone keeps; the list is read whole. */
const MAX_STANDARDS = 60;

// ——— the policy itself, in and out ———
// Only the types are checked here; checkSubsidyPolicy of @butie/contracts checks the rules (no gap,
// no overlap, bounds) and names every broken one by its field.

export class SubsidyStandardDto implements SubsidyStandard {
  @ApiProperty({ enum: EDUCATIONS, description: '学历' })
  @IsIn(EDUCATIONS, { message: '学历须为 BACHELOR、MASTER 或 DOCTOR' })
  education: Education;

  @ApiProperty({ ...MONTH, description: '起始年月 YYYY-MM（含）' })
  @IsString({ message: '请填写起始年月' })
  @MaxLength(7, { message: '起始年月格式须为 YYYY-MM' })
  validFrom: string;

  @ApiProperty({ ...MONTH, nullable: true, type: String, description: '终止年月 YYYY-MM（含）；为空表示长期有效' })
  @IsOptional()
  @IsString({ message: '终止年月格式须为 YYYY-MM' })
  @MaxLength(7, { message: '终止年月格式须为 YYYY-MM' })
  validTo: string | null;

  @ApiProperty({ example: 50_000, description: '每月补贴标准（分）' })
  @IsInt({ message: '每月标准须为整数分' })
  monthlyFen: number;
}

export class MonthByEducationDto implements Record<Education, string> {
  @ApiProperty(MONTH) @IsString({ message: '请填写年月' }) @MaxLength(7, { message: '年月格式须为 YYYY-MM' }) BACHELOR: string;
  @ApiProperty(MONTH) @IsString({ message: '请填写年月' }) @MaxLength(7, { message: '年月格式须为 YYYY-MM' }) MASTER: string;
  @ApiProperty(MONTH) @IsString({ message: '请填写年月' }) @MaxLength(7, { message: '年月格式须为 YYYY-MM' }) DOCTOR: string;
}

export class PercentByEducationDto implements Record<Education, number> {
  @ApiProperty({ example: 50 }) @IsInt({ message: '比例须为整数' }) BACHELOR: number;
  @ApiProperty({ example: 100 }) @IsInt({ message: '比例须为整数' }) MASTER: number;
  @ApiProperty({ example: 100 }) @IsInt({ message: '比例须为整数' }) DOCTOR: number;
}

class PolicyParametersFields {
  @ApiProperty({ type: MonthByEducationDto, description: '各学历最早缴费年月不得早于（本科默认 2019-06，硕士研究生、博士研究生默认 2017-01）' })
  @IsDefined({ message: '请填写最早缴费年月要求' })
  @IsObject({ message: '请填写最早缴费年月要求' })
  @ValidateNested()
  @Type(() => MonthByEducationDto)
  earliestContributionFrom: MonthByEducationDto;

  @ApiProperty({ example: 3, description: '与申报单位的劳动合同至少满几年' })
  @IsInt({ message: '劳动合同年限须为整数' })
  contractYears: number;

  @ApiProperty({ example: 36, description: '每人累计最多补贴月数' })
  @IsInt({ message: '最多补贴月数须为整数' })
  maxMonths: number;

  @ApiProperty({ type: PercentByEducationDto, description: '各学历市级承担比例（%），其余由申报单位所在县区承担' })
  @IsDefined({ message: '请填写市级承担比例' })
  @IsObject({ message: '请填写市级承担比例' })
  @ValidateNested()
  @Type(() => PercentByEducationDto)
  citySharePercent: PercentByEducationDto;

  @ApiProperty({ example: 5, description: '公示期（工作日）' })
  @IsInt({ message: '公示工作日数须为整数' })
  publicityWorkingDays: number;
}

export class SubsidyPolicyDto extends PolicyParametersFields implements SubsidyPolicy {
  @ApiProperty({ type: [SubsidyStandardDto], description: '各学历的补贴标准及其有效期' })
  standards: readonly SubsidyStandardDto[];
}

// ——— changes ———

class PolicyChangeFields {
  @ApiProperty({ example: 3, description: '修改所依据的版本号（GET /api/v1/policy 的 version）；期间他人已修改则 409' })
  @IsInt({ message: '请刷新后再修改' })
  @Min(1, { message: '请刷新后再修改' })
  baseVersion: number;

  @ApiProperty({ example: '依据 2026 年第 3 号文件调整本科补贴标准', maxLength: POLICY_NOTE_MAX, description: '修改说明（必填，记入变更记录）' })
  @Trimmed()
  @IsString({ message: '请填写修改说明' })
  @MultiLine()
  @Length(1, POLICY_NOTE_MAX, { message: `请填写修改说明（最多 ${POLICY_NOTE_MAX} 字）` })
  note: string;
}

export class ChangeStandardsDto extends PolicyChangeFields implements ChangeStandardsRequest {
  @ApiProperty({ type: [SubsidyStandardDto], description: '全部学历的补贴标准（整体替换）' })
  @IsArray({ message: '请填写补贴标准' })
  @ArrayMaxSize(MAX_STANDARDS, { message: `补贴标准最多 ${MAX_STANDARDS} 段` })
  @ValidateNested({ each: true })
  @Type(() => SubsidyStandardDto)
  standards: SubsidyStandardDto[];
}

export class ChangeParametersDto extends IntersectionType(PolicyChangeFields, PolicyParametersFields) implements ChangeParametersRequest {}

export class PolicyHistoryQueryDto extends KeysetQuery {}

// ——— responses ———

class PolicyActorDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class PolicyVersionDto implements PolicyVersionView {
  @ApiProperty({ example: 1, description: '版本号；每次修改加 1，已提交的申报记录所用版本' }) version: number;
  @ApiProperty({ type: SubsidyPolicyDto }) policy: SubsidyPolicyDto;
  @ApiProperty({ description: '修改说明' }) note: string;
  @ApiProperty({ type: PolicyActorDto, nullable: true, description: '修改人；系统初始的默认值为空' }) changedBy: PolicyActorDto | null;
  @ApiProperty({ description: '修改时间' }) changedAt: string;
}

export class PolicyChangeDto implements PolicyChange {
  @ApiProperty({ example: 'standards.BACHELOR' }) field: string;
  @ApiProperty({ example: '本科补贴标准' }) label: string;
  @ApiProperty() before: string;
  @ApiProperty() after: string;
}

export class PolicyHistoryItemDto extends PolicyVersionDto implements PolicyHistoryItem {
  @ApiProperty({ type: [PolicyChangeDto], description: '与上一版相比的改动（第 1 版为空）' }) changes: PolicyChangeDto[];
}

export class PolicyHistoryPageDto implements PolicyHistoryPage {
  @ApiProperty({ type: [PolicyHistoryItemDto] }) items: PolicyHistoryItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export function mapPolicyVersion(row: PolicyVersionRow): PolicyVersionDto {
  return {
    version: row.version,
    policy: row.params,
    note: row.note,
    changedBy: row.changed_by ? { id: row.changed_by, name: row.changed_by_name ?? '' } : null,
    changedAt: row.changed_at.toISOString(),
  };
}

export function mapPolicyHistoryItem(row: PolicyHistoryRow): PolicyHistoryItemDto {
  return { ...mapPolicyVersion(row), changes: row.previous_params ? describePolicyChanges(row.previous_params, row.params) : [] };
}
