import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import {
  EDUCATIONS,
  PENSION_STATUSES,
  type ContributionPeriod,
  type Education,
  type EligibilityView,
  type EstimateRequest,
  type MonthRangeRequest,
  type PensionStatus,
  type QuoteLine,
  type QuoteView,
  type RuleViolation,
  type SocialSecurityFacts,
  type YearMonth,
} from '@butie/contracts';

const MONTH = { example: '2024-01', description: 'YYYY-MM' };

// The months are checked by checkMonthRange of @butie/contracts (format, order, not in the future,
// under a standard), which names the rule; here only that they are short strings.
export class MonthRangeDto implements MonthRangeRequest {
  @ApiProperty({ ...MONTH, description: '补贴起始年月 YYYY-MM（含）' })
  @IsString({ message: '请填写补贴起始年月' })
  @MaxLength(7, { message: '补贴起始年月须为 YYYY-MM 格式的月份' })
  from: string;

  @ApiProperty({ ...MONTH, description: '补贴终止年月 YYYY-MM（含）' })
  @IsString({ message: '请填写补贴终止年月' })
  @MaxLength(7, { message: '补贴终止年月须为 YYYY-MM 格式的月份' })
  to: string;
}

export class EstimateQueryDto extends MonthRangeDto implements EstimateRequest {
  @ApiProperty({ enum: EDUCATIONS, description: '学历' })
  @IsIn(EDUCATIONS, { message: '学历须为 BACHELOR（本科）、MASTER（硕士研究生）或 DOCTOR（博士研究生）' })
  education: Education;
}

export class RuleViolationDto implements RuleViolation {
  @ApiProperty({ example: 'ELIGIBILITY_CONTRIBUTION_TOO_EARLY' }) code: RuleViolation['code'];
  @ApiProperty({ example: '§5.3', description: '规则出处（domain.md 章节）' }) rule: string;
  @ApiProperty({ required: false, description: '涉及的请求字段' }) field?: string;
  @ApiProperty({ example: '最早缴费年月 2019-05 早于本科 2019-06 的要求' }) message: string;
  @ApiProperty({ required: false, type: Object, description: '违反规则的数据' }) data?: Record<string, unknown>;
}

class ContributionPeriodView implements ContributionPeriod {
  @ApiProperty(MONTH) from: YearMonth;
  @ApiProperty(MONTH) to: YearMonth;
}

class SocialSecurityFactsDto implements SocialSecurityFacts {
  @ApiProperty() insured: boolean;
  @ApiProperty({ enum: PENSION_STATUSES, nullable: true, type: String }) status: PensionStatus | null;
  @ApiProperty({ ...MONTH, nullable: true, type: String }) earliestMonth: YearMonth | null;
  @ApiProperty({ type: [ContributionPeriodView] }) contributions: ContributionPeriodView[];
  @ApiProperty({ nullable: true, type: String }) bankName: string | null;
  @ApiProperty({ nullable: true, type: String, description: '本人可见完整账号' }) bankAccount: string | null;
}

export class EligibilityDto implements EligibilityView {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [RuleViolationDto] }) violations: RuleViolationDto[];
  @ApiProperty({ enum: EDUCATIONS }) education: Education;
  @ApiProperty({ description: '所用政策参数版本' }) policyVersion: number;
  @ApiProperty({ type: SocialSecurityFactsDto, nullable: true, description: '社保系统答复；无参保记录时为空' }) socialSecurity: SocialSecurityFactsDto | null;
  @ApiProperty() checkedAt: string;
}

class QuoteLineDto implements QuoteLine {
  @ApiProperty(MONTH) month: YearMonth;
  @ApiProperty({ description: '当月补贴标准（分）' }) standardFen: number;
  @ApiProperty({ description: '当月是否缴纳企业养老保险' }) contributed: boolean;
  @ApiProperty({ description: '当月应发（分）：已缴费为标准，未缴费为 0' }) payableFen: number;
  @ApiProperty({ description: '市级承担（分）' }) cityShareFen: number;
  @ApiProperty({ description: '县级承担（分）' }) countyShareFen: number;
}

export class QuoteDto implements QuoteView {
  @ApiProperty({ enum: EDUCATIONS }) education: Education;
  @ApiProperty(MONTH) from: YearMonth;
  @ApiProperty(MONTH) to: YearMonth;
  @ApiProperty({ type: [QuoteLineDto], description: '逐月明细' }) lines: QuoteLineDto[];
  @ApiProperty({ description: '申请补贴月数' }) appliedMonths: number;
  @ApiProperty({ description: '扣发月数（未缴费月份）' }) deductedMonths: number;
  @ApiProperty({ description: '实发月数' }) actualMonths: number;
  @ApiProperty({ description: '申请补贴金额（分）' }) appliedFen: number;
  @ApiProperty({ description: '申请应发金额（分）' }) payableFen: number;
  @ApiProperty({ description: '市级承担合计（分）' }) cityShareFen: number;
  @ApiProperty({ description: '县级承担合计（分）' }) countyShareFen: number;
  @ApiProperty({ type: [String], description: '未缴费月份' }) uncontributedMonths: YearMonth[];
  @ApiProperty({ description: '所用政策参数版本' }) policyVersion: number;
}
