import { Injectable } from '@nestjs/common';
import {
  APPLICANT_STATUS_LABELS,
  APPLICATION_TRANSITIONS,
  availableActions,
  CLAIM_TYPE_LABELS,
  DELETABLE_APPLICATION_STATUSES,
  EDITABLE_APPLICATION_STATUSES,
  expectedClaimType,
  permissionsOf,
  REVIEW_STATUS_LABELS,
} from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { DEFAULT_PAGE_SIZE } from '../../common/paging/keyset.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { PersonsService } from '../accounts/persons/persons.service.js';
import { AuditService } from '../audit/audit.service.js';
import { WorkHistoryService } from '../work-history/work-history.service.js';
import type { ApplicationDraftDto, ApplicationDto, ApplicationPageDto, ApplicationSummaryDto, ApplicationsQueryDto } from './applications.dto.js';
import { notEditable, workHistoryInvalid } from './applications.errors.js';
import { ApplicationsRepository, type ApplicationRow, type DraftFields } from './applications.repository.js';

/** Open drafts one applicant may keep: enough for any real need, not a store for anything. */
export const MAX_OPEN_DRAFTS = 10;

/**
 * 补贴申请 as the applicant keeps it (domain §5.7): 暂存 a draft at any time, 修改 it (and a returned
 * application), 删除 a draft (kept in 申报历史), list and read their own. Every save is a version.
 */
@Injectable()
export class ApplicationDraftsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationsRepository,
    private readonly persons: PersonsService,
    private readonly workHistories: WorkHistoryService,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, dto: ApplicationDraftDto, client: ClientInfo): Promise<ApplicationDto> {
    const applicant = await this.persons.applicantFacts(user);
    return this.uow.run(async () => {
      await this.applications.lockApplicant(applicant.personId);
      const mine = await this.applications.findOwnPage(applicant.personId, undefined, MAX_OPEN_DRAFTS + 1);
      if (mine.items.filter((row) => row.status === 'DRAFT').length >= MAX_OPEN_DRAFTS) {
        throw new AppError('CONFLICT', `暂存的申报最多 ${MAX_OPEN_DRAFTS} 份，请先提交或删除不需要的暂存申报`);
      }
      const claimType = dto.claimType ?? expectedClaimType(await this.applications.hasCountedApplication(applicant.personId));
      const fields = await this.fieldsOf(user, dto, { claimType });
      const id = await this.applications.insertDraft(applicant.personId, fields);
      const view = await this.saved(user, id, 'CREATE');
      await this.audit.recordOperation(user, client, { action: 'APPLICATION_CREATE', targetType: 'APPLICATION', targetId: id, summary: `暂存补贴申报（${CLAIM_TYPE_LABELS[claimType]}）` });
      return view;
    });
  }

  async listMine(user: AuthUser, query: ApplicationsQueryDto): Promise<ApplicationPageDto> {
    const page = await this.applications.findOwnPage(user.id, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
    return { items: page.items.map((row) => summaryOf(row)), nextCursor: page.nextCursor };
  }

  /** The applicant's own application; anyone else's is 404, whether it exists or not. */
  async getMine(user: AuthUser, id: string): Promise<ApplicationDto> {
    return viewOf(user, await this.ownRow(user, id));
  }

  async update(user: AuthUser, id: string, dto: ApplicationDraftDto, client: ClientInfo): Promise<ApplicationDto> {
    return this.uow.run(async () => {
      const row = await this.ownRow(user, id, true);
      if (!EDITABLE_APPLICATION_STATUSES.includes(row.status)) throw notEditable(row.status, '修改');
      const fields = await this.fieldsOf(user, dto, draftFieldsOf(row));
      await this.applications.updateDraft(id, EDITABLE_APPLICATION_STATUSES, fields);
      const view = await this.saved(user, id, 'UPDATE');
      await this.audit.recordOperation(user, client, { action: 'APPLICATION_UPDATE', targetType: 'APPLICATION', targetId: id, summary: `修改补贴申报（第 ${view.version} 版）` });
      return view;
    });
  }

  async remove(user: AuthUser, id: string, client: ClientInfo): Promise<void> {
    await this.uow.run(async () => {
      const row = await this.ownRow(user, id, true);
      if (!DELETABLE_APPLICATION_STATUSES.includes(row.status)) throw notEditable(row.status, '删除');
      await this.applications.markDeleted(id);
      await this.applications.insertVersion(id, row.version + 1, 'DELETE', snapshotOf(row), user.id);
      await this.audit.recordOperation(user, client, { action: 'APPLICATION_DELETE', targetType: 'APPLICATION', targetId: id, summary: '删除暂存的补贴申报' });
    });
  }

  private async ownRow(user: AuthUser, id: string, forUpdate = false): Promise<ApplicationRow> {
    const row = await this.applications.findById(id, forUpdate);
    if (!row || row.person_id !== user.id) throw notFound('申报');
    return row;
  }

  /** The request over what is kept: a field left out stays, null clears it. */
  private async fieldsOf(user: AuthUser, dto: ApplicationDraftDto, kept: Partial<DraftFields> & Pick<DraftFields, 'claimType'>): Promise<DraftFields> {
    const pick = <K extends keyof DraftFields>(key: K): DraftFields[K] => (dto[key] === undefined ? (kept[key] ?? null) : dto[key]) as DraftFields[K];
    const fields: DraftFields = {
      claimType: dto.claimType ?? kept.claimType,
      from: pick('from'),
      to: pick('to'),
      workHistoryId: pick('workHistoryId'),
      educationCertificateNumber: pick('educationCertificateNumber'),
      degreeCertificateNumber: pick('degreeCertificateNumber'),
      graduationDate: pick('graduationDate'),
      workStartDate: pick('workStartDate'),
    };
    if (fields.workHistoryId && dto.workHistoryId !== undefined) {
      const own = await this.workHistories.list(user, undefined);
      if (!own.items.some((entry) => entry.id === fields.workHistoryId)) throw workHistoryInvalid();
    }
    return fields;
  }

  private async saved(user: AuthUser, id: string, event: 'CREATE' | 'UPDATE'): Promise<ApplicationDto> {
    const row = (await this.applications.findById(id))!;
    await this.applications.insertVersion(id, row.version, event, snapshotOf(row), user.id);
    return viewOf(user, row);
  }
}

function draftFieldsOf(row: ApplicationRow): DraftFields {
  return {
    claimType: row.claim_type,
    from: row.from_month,
    to: row.to_month,
    workHistoryId: row.work_history_id,
    educationCertificateNumber: row.education_certificate_number,
    degreeCertificateNumber: row.degree_certificate_number,
    graduationDate: row.graduation_date,
    workStartDate: row.work_start_date,
  };
}

/** The state kept in 申报历史: what the applicant filled in and where it stood. */
function snapshotOf(row: ApplicationRow): object {
  return { status: row.status, ...draftFieldsOf(row) };
}

function summaryOf(row: ApplicationRow, labels: Record<string, string> = APPLICANT_STATUS_LABELS): ApplicationSummaryDto {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    statusLabel: labels[row.status],
    disbursementStatus: row.disbursement_status,
    claimType: row.claim_type,
    from: row.from_month,
    to: row.to_month,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
  };
}

export function viewOf(user: AuthUser, row: ApplicationRow): ApplicationDto {
  const own = row.person_id === user.id;
  return {
    ...summaryOf(row, own ? APPLICANT_STATUS_LABELS : REVIEW_STATUS_LABELS),
    workHistoryId: row.work_history_id,
    educationCertificateNumber: row.education_certificate_number,
    degreeCertificateNumber: row.degree_certificate_number,
    graduationDate: row.graduation_date,
    workStartDate: row.work_start_date,
    applicant: { name: row.person_name, education: row.education },
    reviewUnit: row.review_unit_id ? { id: row.review_unit_id, name: row.review_unit_name! } : null,
    routingReason: row.routing_reason,
    policyVersion: row.policy_version,
    quote: row.quote,
    version: row.version,
    actions: availableActions(APPLICATION_TRANSITIONS, row.status, permissionsOf(user)),
    editable: own && EDITABLE_APPLICATION_STATUSES.includes(row.status),
    deletable: own && DELETABLE_APPLICATION_STATUSES.includes(row.status),
  };
}
