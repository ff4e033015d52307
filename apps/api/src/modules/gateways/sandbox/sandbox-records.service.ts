import { Injectable } from '@nestjs/common';
import { type FieldError, type SandboxDegreeView, type SandboxPage, type SandboxSocialSecurityView } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { AppError, notFound } from '../../../common/errors/app-error.js';
import { DEFAULT_PAGE_SIZE } from '../../../common/paging/keyset.js';
import { validationFailed } from '../../../common/validation/validation.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { AuditService } from '../../audit/audit.service.js';
import { mapSandboxDegree, mapSandboxSocialSecurity, type SandboxDegreeDto, type SandboxListQuery, type SandboxSocialSecurityDto } from './sandbox-records.dto.js';
import { SandboxRecordsRepository } from './sandbox-records.repository.js';

/** A social-security record that could come from the bureau: the fields agree with each other. */
export function checkSandboxSocialSecurity(record: SandboxSocialSecurityDto): FieldError[] {
  const errors: FieldError[] = [];
  if (!record.insured) {
    if (record.status) errors.push({ field: 'status', message: '未参保的记录没有参保状态' });
    if (record.contributions.length) errors.push({ field: 'contributions', message: '未参保的记录没有缴费期间' });
    if (record.earliestMonth) errors.push({ field: 'earliestMonth', message: '未参保的记录没有最早缴费年月' });
    return errors;
  }
  if (!record.status) errors.push({ field: 'status', message: '请选择参保状态' });
  if (!record.earliestMonth) errors.push({ field: 'earliestMonth', message: '请填写最早缴费年月' });
  record.contributions.forEach((period, i) => {
    if (period.to < period.from) errors.push({ field: `contributions.${i}.to`, message: `终止年月 ${period.to} 早于起始年月 ${period.from}` });
    else if (record.earliestMonth && period.from < record.earliestMonth) {
      errors.push({ field: `contributions.${i}.from`, message: `缴费期间 ${period.from} 早于最早缴费年月 ${record.earliestMonth}` });
    }
  });
  if (errors.length) return errors;
  // As the bureau keeps them: periods that do not overlap (a month is contributed once).
  const ordered = record.contributions.map((period, index) => ({ ...period, index })).sort((a, b) => (a.from < b.from ? -1 : 1));
  ordered.slice(1).forEach((period, k) => {
    const before = ordered[k];
    if (period.from <= before.to) {
      errors.push({ field: `contributions.${period.index}.from`, message: `缴费期间 ${period.from} 至 ${period.to} 与 ${before.from} 至 ${before.to} 重叠` });
    }
  });
  return errors;
}

function alreadyExists(field: string, message: string): AppError {
  return new AppError('PRECONDITION_FAILED', message, { fields: [{ field, message }] });
}

/** 沙箱数据 (ADMIN, only while a sandbox gateway is on): read and edit what the sandboxes answer. */
@Injectable()
export class SandboxRecordsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: SandboxRecordsRepository,
    private readonly audit: AuditService,
  ) {}

  async listSocialSecurity(query: SandboxListQuery): Promise<SandboxPage<SandboxSocialSecurityView>> {
    const page = await this.records.findSocialSecurityPage(query.prefix?.toUpperCase(), query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
    return { items: page.items.map(mapSandboxSocialSecurity), nextCursor: page.nextCursor };
  }

  async showSocialSecurity(idNumber: string): Promise<SandboxSocialSecurityView> {
    const record = await this.records.findSocialSecurity(idNumber.toUpperCase());
    if (!record) throw notFound('沙箱社保记录');
    return mapSandboxSocialSecurity(record);
  }

  async putSocialSecurity(actor: AuthUser, idNumber: string, dto: SandboxSocialSecurityDto, client: ClientInfo, createOnly = false): Promise<SandboxSocialSecurityView> {
    const problems = checkSandboxSocialSecurity(dto);
    if (problems.length) throw validationFailed(problems);
    const key = idNumber.toUpperCase();
    await this.uow.run(async () => {
      if (createOnly && (await this.records.findSocialSecurity(key))) throw alreadyExists('idNumber', `证件号码 ${key} 已有沙箱社保记录，请在列表中编辑它`);
      await this.records.upsertSocialSecurity({ ...dto, idNumber: key, status: dto.insured ? dto.status : null, bankName: dto.bankName ?? null, bankAccount: dto.bankAccount ?? null });
      await this.log(actor, client, 'SOCIAL_SECURITY', key, `保存沙箱社保记录 ${key}（${dto.name}）`);
    });
    return this.showSocialSecurity(key);
  }

  async deleteSocialSecurity(actor: AuthUser, idNumber: string, client: ClientInfo): Promise<void> {
    const key = idNumber.toUpperCase();
    await this.uow.run(async () => {
      if (!(await this.records.deleteSocialSecurity(key))) throw notFound('沙箱社保记录');
      await this.log(actor, client, 'SOCIAL_SECURITY', key, `删除沙箱社保记录 ${key}`);
    });
  }

  async listDegrees(query: SandboxListQuery): Promise<SandboxPage<SandboxDegreeView>> {
    const page = await this.records.findDegreePage(query.prefix?.toUpperCase(), query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
    return { items: page.items.map(mapSandboxDegree), nextCursor: page.nextCursor };
  }

  async showDegree(certificateNumber: string): Promise<SandboxDegreeView> {
    const record = await this.records.findDegree(certificateNumber.toUpperCase());
    if (!record) throw notFound('沙箱学历记录');
    return mapSandboxDegree(record);
  }

  async putDegree(actor: AuthUser, certificateNumber: string, dto: SandboxDegreeDto, client: ClientInfo, createOnly = false): Promise<SandboxDegreeView> {
    const key = certificateNumber.toUpperCase();
    await this.uow.run(async () => {
      if (createOnly && (await this.records.findDegree(key))) throw alreadyExists('certificateNumber', `证书编号 ${key} 已有沙箱学历记录，请在列表中编辑它`);
      await this.records.upsertDegree({ ...dto, certificateNumber: key, idNumber: dto.idNumber.toUpperCase() });
      await this.log(actor, client, 'DEGREE', key, `保存沙箱学历记录 ${key}（${dto.name}）`);
    });
    return this.showDegree(key);
  }

  async deleteDegree(actor: AuthUser, certificateNumber: string, client: ClientInfo): Promise<void> {
    const key = certificateNumber.toUpperCase();
    await this.uow.run(async () => {
      if (!(await this.records.deleteDegree(key))) throw notFound('沙箱学历记录');
      await this.log(actor, client, 'DEGREE', key, `删除沙箱学历记录 ${key}`);
    });
  }

  private log(actor: AuthUser, client: ClientInfo, kind: 'SOCIAL_SECURITY' | 'DEGREE', id: string, summary: string): Promise<void> {
    return this.audit.recordOperation(actor, client, { action: 'SANDBOX_CHANGE', targetType: `SANDBOX_${kind}`, targetId: id, summary });
  }
}
