import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  CLAIM_TYPES,
  DISBURSEMENT_STATUSES,
  EDUCATIONS,
  PENSION_STATUSES,
  type ApplicationAction,
  type ApplicationDraftRequest,
  type ApplicationPage,
  type ApplicationStatus,
  type ApplicationSummary,
  type ApplicationView,
  type ClaimType,
  type ContributionPeriod,
  type DisbursementStatus,
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
import { KeysetQuery } from '../../common/paging/keyset-query.js';
import { CALENDAR_DAY } from '../../common/validation/calendar-day.js';
import { IsYearMonth } from '../../common/validation/year-month.js';

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

// ——— the application (§5.7) ———

const CERTIFICATE = /^[0-9A-Za-z]{6,32}$/;

/** Shapes only (a draft may be incomplete); the rules run at submit and name what is missing. */
export class ApplicationDraftDto implements ApplicationDraftRequest {
  @ApiPropertyOptional({ enum: CLAIM_TYPES, description: '申领类型：NEW 新申领（尚无提交过的申报）/ RENEWAL 续领；不填时按是否已有申报确定' })
  @IsOptional()
  @IsIn(CLAIM_TYPES, { message: '申领类型须为 NEW（新申领）或 RENEWAL（续领）' })
  claimType?: ClaimType;

  @ApiPropertyOptional({ ...MONTH, nullable: true, type: String, description: '补贴起始年月' })
  @IsOptional()
  @IsYearMonth({ message: '补贴起始年月须为 YYYY-MM 格式的月份' })
  from?: string | null;

  @ApiPropertyOptional({ ...MONTH, nullable: true, type: String, description: '补贴终止年月' })
  @IsOptional()
  @IsYearMonth({ message: '补贴终止年月须为 YYYY-MM 格式的月份' })
  to?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: '本科：申报单位所在的工作经历（GET /api/v1/work-histories 的 id）' })
  @IsOptional()
  @IsUUID('all', { message: '请从您的工作经历中选择申报单位' })
  workHistoryId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: '学历证书编号' })
  @IsOptional()
  @Matches(CERTIFICATE, { message: '学历证书编号须为 6–32 位字母或数字' })
  educationCertificateNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: '学位证书编号' })
  @IsOptional()
  @Matches(CERTIFICATE, { message: '学位证书编号须为 6–32 位字母或数字' })
  degreeCertificateNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2021-06-30', description: '毕业时间 YYYY-MM-DD' })
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: '毕业时间格式须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '毕业时间须为存在的日期' })
  graduationDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2021-07-05', description: '参加工作时间 YYYY-MM-DD' })
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: '参加工作时间格式须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '参加工作时间须为存在的日期' })
  workStartDate?: string | null;
}

export class ApplicationsQueryDto extends KeysetQuery {}

export class ApplicationSummaryDto implements ApplicationSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-dongcheng-000123', description: '申报编号（提交后）' }) number: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ example: '暂存' }) statusLabel: string;
  @ApiProperty({ enum: DISBURSEMENT_STATUSES }) disbursementStatus: DisbursementStatus;
  @ApiProperty({ enum: CLAIM_TYPES }) claimType: ClaimType;
  @ApiProperty({ ...MONTH, nullable: true, type: String }) from: string | null;
  @ApiProperty({ ...MONTH, nullable: true, type: String }) to: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
}

class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class ApplicantRefDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: EDUCATIONS }) education: Education;
}

export class ApplicationDto extends ApplicationSummaryDto implements ApplicationView {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) workHistoryId: string | null;
  @ApiProperty({ nullable: true, type: String }) educationCertificateNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) degreeCertificateNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) graduationDate: string | null;
  @ApiProperty({ nullable: true, type: String }) workStartDate: string | null;
  @ApiProperty({ type: ApplicantRefDto }) applicant: ApplicantRefDto;
  @ApiProperty({ type: UnitRefDto, nullable: true, description: '审核单位（提交时确定）' }) reviewUnit: UnitRefDto | null;
  @ApiProperty({ nullable: true, type: String, description: '为何由该单位审核（domain §5.4）' }) routingReason: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '计算所用政策参数版本（提交时固定）' }) policyVersion: number | null;
  @ApiProperty({ type: QuoteDto, nullable: true, description: '提交时的逐月明细与金额' }) quote: QuoteDto | null;
  @ApiProperty({ description: '版本号（每次保存加 1）' }) version: number;
  @ApiProperty({ enum: APPLICATION_ACTIONS, isArray: true, description: '当前可执行的操作' }) actions: ApplicationAction[];
  @ApiProperty({ description: '是否可修改' }) editable: boolean;
  @ApiProperty({ description: '是否可删除' }) deletable: boolean;
}

export class ApplicationPageDto implements ApplicationPage {
  @ApiProperty({ type: [ApplicationSummaryDto] }) items: ApplicationSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
