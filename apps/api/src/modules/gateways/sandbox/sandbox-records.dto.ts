import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  EDUCATIONS,
  PENSION_STATUSES,
  type ContributionPeriod,
  type Education,
  type PensionStatus,
  type SandboxDegreeRequest,
  type SandboxDegreeView,
  type SandboxPage,
  type SandboxSocialSecurityRequest,
  type SandboxSocialSecurityView,
  type YearMonth,
} from '@butie/contracts';
import { KeysetQuery } from '../../../common/paging/keyset-query.js';
import { CALENDAR_DAY } from '../../../common/validation/calendar-day.js';
import { Trimmed } from '../../../common/validation/validation.js';
import type { SandboxDegree, SandboxSocialSecurity } from './sandbox-records.repository.js';
import { IsYearMonth } from '../../../common/validation/year-month.js';

const MONTH = { example: '2021-07', description: 'YYYY-MM' };

export class IdNumberParams {
  @ApiProperty({ description: '证件号码', example: '530102199603150029' })
  @Matches(/^[0-9A-Za-z]{6,18}$/, { message: '证件号码须为 6–18 位字母或数字' })
  idNumber: string;
}

export class CertificateNumberParams {
  @ApiProperty({ description: '学历证书编号', example: '106731201906000001' })
  @Matches(/^[0-9A-Za-z]{6,32}$/, { message: '证书编号须为 6–32 位字母或数字' })
  certificateNumber: string;
}

export class SandboxListQuery extends KeysetQuery {
  @ApiPropertyOptional({ description: '编号开头（证件号码或证书编号）' })
  @IsOptional()
  @Trimmed()
  @Matches(/^[0-9A-Za-z]{1,32}$/, { message: '请输入编号的开头（字母或数字）' })
  prefix?: string;
}

export class ContributionPeriodDto implements ContributionPeriod {
  @ApiProperty({ ...MONTH, description: '起始年月（含）' })
  @IsYearMonth({ message: '起始年月须为 1950-01 至 2199-12 之间的 YYYY-MM' })
  from: YearMonth;

  @ApiProperty({ ...MONTH, description: '终止年月（含）' })
  @IsYearMonth({ message: '终止年月须为 1950-01 至 2199-12 之间的 YYYY-MM' })
  to: YearMonth;
}

class SandboxFieldsDto {
  @ApiProperty({ description: '为 true 时查询此记录如同接口故障（503）' })
  @IsBoolean({ message: '请选择是否模拟接口不可用' })
  unavailable: boolean;

  @ApiProperty({ description: '这条记录演示的情形', maxLength: 200 })
  @Trimmed()
  @IsString({ message: '请填写说明' })
  @MaxLength(200, { message: '说明最多 200 字' })
  caseNote: string;
}

export class SandboxSocialSecurityDto extends SandboxFieldsDto implements SandboxSocialSecurityRequest {
  @ApiProperty({ example: '张三' })
  @Trimmed()
  @IsString({ message: '请填写姓名' })
  @Length(1, 50, { message: '姓名为 1–50 字' })
  name: string;

  @ApiProperty({ description: '是否参加企业职工基本养老保险' })
  @IsBoolean({ message: '请选择是否参保' })
  insured: boolean;

  @ApiProperty({ enum: PENSION_STATUSES, nullable: true, type: String, description: '参保状态；未参保时为空' })
  @IsOptional()
  @IsIn(PENSION_STATUSES, { message: '参保状态须为 NORMAL、SUSPENDED 或 TERMINATED' })
  status: PensionStatus | null;

  @ApiProperty({ ...MONTH, nullable: true, type: String, description: '最早缴费年月' })
  @IsOptional()
  @IsYearMonth({ message: '最早缴费年月须为 1950-01 至 2199-12 之间的 YYYY-MM' })
  earliestMonth: YearMonth | null;

  @ApiProperty({ type: [ContributionPeriodDto], description: '缴费期间（各段首尾月份均已缴费）' })
  @IsArray({ message: '请填写缴费期间' })
  @ArrayMaxSize(100, { message: '缴费期间最多 100 段' })
  @ValidateNested({ each: true })
  @Type(() => ContributionPeriodDto)
  contributions: ContributionPeriodDto[];

  @ApiProperty({ nullable: true, type: String, example: '云州银行' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: '开户银行须为文字' })
  @Length(1, 50, { message: '开户银行为 1–50 字' })
  bankName: string | null;

  @ApiProperty({ nullable: true, type: String, example: '6214830012345678' })
  @IsOptional()
  @Matches(/^\d{8,32}$/, { message: '银行账号须为 8–32 位数字' })
  bankAccount: string | null;
}

export class SandboxDegreeDto extends SandboxFieldsDto implements SandboxDegreeRequest {
  @ApiProperty({ example: '530102199603150029' })
  @Matches(/^[0-9A-Za-z]{6,18}$/, { message: '证件号码须为 6–18 位字母或数字' })
  idNumber: string;

  @ApiProperty({ example: '张三' })
  @Trimmed()
  @IsString({ message: '请填写姓名' })
  @Length(1, 50, { message: '姓名为 1–50 字' })
  name: string;

  @ApiProperty({ enum: EDUCATIONS })
  @IsIn(EDUCATIONS, { message: '学历须为 BACHELOR、MASTER 或 DOCTOR' })
  education: Education;

  @ApiProperty({ example: '云州大学' })
  @Trimmed()
  @IsString({ message: '请填写毕业院校' })
  @Length(1, 100, { message: '毕业院校为 1–100 字' })
  school: string;

  @ApiProperty({ example: '软件工程' })
  @Trimmed()
  @IsString({ message: '请填写专业' })
  @Length(1, 100, { message: '专业为 1–100 字' })
  major: string;

  @ApiProperty({ example: '2021-06-30', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DAY, { message: '毕业日期格式须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '毕业日期须为存在的日期' })
  graduationDate: string;
}

export class SandboxSocialSecurityViewDto extends SandboxSocialSecurityDto implements SandboxSocialSecurityView {
  @ApiProperty() idNumber: string;
  @ApiProperty() updatedAt: string;
}

export class SandboxDegreeViewDto extends SandboxDegreeDto implements SandboxDegreeView {
  @ApiProperty() certificateNumber: string;
  @ApiProperty() updatedAt: string;
}

export class SandboxSocialSecurityPageDto implements SandboxPage<SandboxSocialSecurityView> {
  @ApiProperty({ type: [SandboxSocialSecurityViewDto] }) items: SandboxSocialSecurityViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SandboxDegreePageDto implements SandboxPage<SandboxDegreeView> {
  @ApiProperty({ type: [SandboxDegreeViewDto] }) items: SandboxDegreeViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export const mapSandboxSocialSecurity = (record: SandboxSocialSecurity): SandboxSocialSecurityView => ({ ...record, updatedAt: record.updatedAt.toISOString() });
export const mapSandboxDegree = (record: SandboxDegree): SandboxDegreeView => ({ ...record, updatedAt: record.updatedAt.toISOString() });
