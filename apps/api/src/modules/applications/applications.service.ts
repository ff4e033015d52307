import { Injectable } from '@nestjs/common';
import {
  checkEligibility,
  checkMonthBudget,
  checkMonthRange,
  monthsOf,
  pensionRecordOf,
  quoteSubsidy,
  type Education,
  type EligibilityView,
  type QuoteView,
  type SubsidyPolicy,
  type YearMonth,
} from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { businessMonth } from '../../common/time/business-day.js';
import { AppConfig } from '../../config/app-config.js';
import { PersonsService } from '../accounts/persons/persons.service.js';
import { SocialSecurityGateway } from '../gateways/social-security/social-security-gateway.js';
import { PolicyService } from '../policy/policy.service.js';
import { ruleRefusal } from './applications.errors.js';
import type { EstimateQueryDto, MonthRangeDto } from './applications.dto.js';

/** The last month the estimate accepts: it looks ahead, unlike an application. */
const ESTIMATE_HORIZON: YearMonth = '2199-12';

/**
 * 补贴申请 (domain §5.3–§5.5): the applicant's pre-check against the social-security record, the
 * month table of a range, and the public estimate. The rules are the contracts' plain functions;
 * here are the data they are given.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly persons: PersonsService,
    private readonly policies: PolicyService,
    private readonly socialSecurity: SocialSecurityGateway,
    private readonly config: AppConfig,
  ) {}

  async eligibility(user: AuthUser): Promise<EligibilityView> {
    const applicant = await this.persons.applicantFacts(user);
    const [{ version, policy }, record] = await Promise.all([this.policies.current(), this.socialSecurity.lookup(applicant.idNumber)]);
    const violations = checkEligibility(policy, applicant.education, pensionRecordOf(record));
    return {
      eligible: violations.length === 0,
      violations,
      education: applicant.education,
      policyVersion: version,
      socialSecurity: record && {
        insured: record.insured,
        status: record.status,
        earliestMonth: record.earliestMonth,
        contributions: record.contributions,
        bankName: record.bankName,
        // The applicant's own account, in full (others see it masked).
        bankAccount: record.bankAccount,
      },
      checkedAt: new Date().toISOString(),
    };
  }

  /**
   * The month table of `range` for the signed-in applicant: months without a contribution are
   * deducted. An applicant the pre-check refuses gets its refusal, not amounts they cannot claim.
   */
  async quote(user: AuthUser, range: MonthRangeDto): Promise<QuoteView> {
    const applicant = await this.persons.applicantFacts(user);
    const { version, policy } = await this.policies.current();
    const months = this.checkedRange(policy, applicant.education, range, businessMonth(this.config.sms.timeZone));
    const record = pensionRecordOf(await this.socialSecurity.lookup(applicant.idNumber));
    const ineligible = checkEligibility(policy, applicant.education, record);
    if (ineligible.length) throw ruleRefusal(ineligible);
    return { ...quoteSubsidy(policy, applicant.education, months, record.contributedMonths), policyVersion: version };
  }

  /** 补贴测算 for anyone: the standard of every month of the range, as if each were contributed. */
  async estimate(query: EstimateQueryDto): Promise<QuoteView> {
    const { version, policy } = await this.policies.current();
    const months = this.checkedRange(policy, query.education, query, ESTIMATE_HORIZON);
    return { ...quoteSubsidy(policy, query.education, months, monthsOf(months.from, months.to)), policyVersion: version };
  }

  private checkedRange(policy: SubsidyPolicy, education: Education, range: { from: string; to: string }, lastMonth: YearMonth): { from: YearMonth; to: YearMonth } {
    const shape = checkMonthRange(policy, education, range, lastMonth);
    if (shape.length) throw ruleRefusal(shape);
    const months = { from: range.from, to: range.to };
    const budget = checkMonthBudget(policy, months, []);
    if (budget.length) throw ruleRefusal(budget);
    return months;
  }
}
