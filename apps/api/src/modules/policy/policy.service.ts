import { Injectable } from '@nestjs/common';
import { checkSubsidyPolicy, describePolicyChanges, type SubsidyPolicy } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { notFound } from '../../common/errors/app-error.js';
import { DEFAULT_PAGE_SIZE } from '../../common/paging/keyset.js';
import { violatedUniqueIndex } from '../../database/database-errors.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditService } from '../audit/audit.service.js';
import {
  mapPolicyHistoryItem,
  mapPolicyVersion,
  type ChangeParametersDto,
  type ChangeStandardsDto,
  type PolicyHistoryPageDto,
  type PolicyHistoryQueryDto,
  type PolicyVersionDto,
} from './policy.dto.js';
import { policyInvalid, policyUnchanged, policyVersionChanged } from './policy.errors.js';
import { PolicyRepository } from './policy.repository.js';

/**
 * 政策参数: every change is a new whole version (who, when, why, and the one before it), checked by
 * the same rules the applications compute with, so that no version has a month without a standard.
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly versions: PolicyRepository,
    private readonly audit: AuditService,
  ) {}

  /** The version new computations use (a submitted application keeps the one it was computed with). */
  async current(): Promise<{ version: number; policy: SubsidyPolicy }> {
    const row = await this.versions.findCurrent();
    return { version: row.version, policy: row.params };
  }

  async showCurrent(): Promise<PolicyVersionDto> {
    return mapPolicyVersion(await this.versions.findCurrent());
  }

  async showVersion(version: number): Promise<PolicyVersionDto> {
    const row = await this.versions.findVersion(version);
    if (!row) throw notFound('政策参数版本');
    return mapPolicyVersion(row);
  }

  async history(query: PolicyHistoryQueryDto): Promise<PolicyHistoryPageDto> {
    const page = await this.versions.findHistoryPage(query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
    return { items: page.items.map(mapPolicyHistoryItem), nextCursor: page.nextCursor };
  }

  async changeStandards(actor: AuthUser, dto: ChangeStandardsDto, client: ClientInfo): Promise<PolicyVersionDto> {
    const standards = dto.standards.map(({ education, validFrom, validTo, monthlyFen }) => ({ education, validFrom, validTo: validTo ?? null, monthlyFen }));
    return this.change(actor, dto, client, (policy) => ({ ...policy, standards }));
  }

  async changeParameters(actor: AuthUser, dto: ChangeParametersDto, client: ClientInfo): Promise<PolicyVersionDto> {
    const { earliestContributionFrom: months, citySharePercent: shares, contractYears, maxMonths, publicityWorkingDays } = dto;
    return this.change(actor, dto, client, (policy) => ({
      ...policy,
      earliestContributionFrom: { BACHELOR: months.BACHELOR, MASTER: months.MASTER, DOCTOR: months.DOCTOR },
      citySharePercent: { BACHELOR: shares.BACHELOR, MASTER: shares.MASTER, DOCTOR: shares.DOCTOR },
      contractYears,
      maxMonths,
      publicityWorkingDays,
    }));
  }

  /**
   * The next version from the one the administrator edited (`baseVersion`): refused when another
   * was saved meanwhile (also when two race: the version number is the primary key), when the rules
   * could not compute with it, or when it changes nothing.
   */
  private async change(
    actor: AuthUser,
    dto: { baseVersion: number; note: string },
    client: ClientInfo,
    edit: (policy: SubsidyPolicy) => SubsidyPolicy,
  ): Promise<PolicyVersionDto> {
    const version = dto.baseVersion + 1;
    try {
      await this.uow.run(async () => {
        const current = await this.versions.findCurrent();
        // A version that never existed is a bad request, not someone else's change.
        if (dto.baseVersion > current.version) {
          throw policyInvalid([{ field: 'baseVersion', message: `第 ${dto.baseVersion} 版不存在：当前为第 ${current.version} 版，请刷新后再修改` }]);
        }
        if (current.version !== dto.baseVersion) throw policyVersionChanged(dto.baseVersion, current.version);
        const next = edit(current.params);
        const problems = checkSubsidyPolicy(next);
        if (problems.length) throw policyInvalid(problems);
        const changes = describePolicyChanges(current.params, next);
        if (!changes.length) throw policyUnchanged();
        await this.versions.insertVersion(version, next, dto.note, actor.id);
        await this.audit.recordOperation(actor, client, {
          action: 'POLICY_CHANGE',
          targetType: 'POLICY',
          targetId: String(version),
          summary: `政策参数第 ${version} 版：${changes.map((change) => `${change.label} ${change.before} → ${change.after}`).join('；')}`,
        });
      });
    } catch (error) {
      if (violatedUniqueIndex(error) === 'policy_versions_pkey') throw policyVersionChanged(dto.baseVersion, (await this.versions.findCurrent()).version);
      throw error;
    }
    return this.showVersion(version);
  }
}
