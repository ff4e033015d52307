import { Injectable } from '@nestjs/common';
import {
  can,
  checkWorkHistoryDates,
  WORK_HISTORY_CONTRACT_KINDS,
  WORK_HISTORY_MAX_ENTRIES,
  WORK_HISTORY_PROOF_KINDS,
  type FieldError,
  type WorkHistoryList,
  type WorkHistoryView,
} from '@butie/contracts';
import { businessToday } from '../../common/time/business-day.js';
import { ScopedAccess } from '../../common/access/scoped-access.js';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { forbidden, notFound } from '../../common/errors/app-error.js';
import { validationFailed } from '../../common/validation/validation.js';
import { AppConfig } from '../../config/app-config.js';
import { PersonsService } from '../accounts/persons/persons.service.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { CreateWorkHistoryDto, UpdateWorkHistoryDto } from './work-history.dto.js';
import { mapWorkHistory } from './work-history.dto.js';
import { attachmentInvalid, tooManyEntries } from './work-history.errors.js';
import {
  WORK_HISTORIES_TABLE,
  WorkHistoryRepository,
  type StoredWorkHistory,
  type WorkHistoryColumns,
  type WorkHistoryOwner,
} from './work-history.repository.js';

/** An entry as the request (merged into the stored one, for a change) asks for it, before any check. */
interface WorkHistoryDraft {
  unitId: string | null;
  unitName: string | null;
  countyId: string | null;
  startDate: string;
  endDate: string | null;
  contractStart: string;
  contractEnd: string | null;
  contractOpenEnded: boolean;
  contractAttachmentId: string | null;
  proofAttachmentId: string | null;
}

const NOT_OWN_FILE = '所选文件不存在或不是本人上传的文件，请重新上传';

/**
 * 维护工作经历 (domain §5.2): an approved applicant keeps their own entries; their unit's reviewers
 * and their county's staff read them. Every rule is checked before anything is written, and each
 * write runs in one unit of work with the person's row locked (the entry count, the registered unit).
 */
@Injectable()
export class WorkHistoryService {
  constructor(
    private readonly histories: WorkHistoryRepository,
    private readonly access: ScopedAccess,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    private readonly persons: PersonsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The caller's own entries, or (`personId`) those of a person in the caller's data scope. The
   * route admits every signed-in account: its two readers hold different permissions (profile.self,
   * person.read), which are checked here.
   */
  async list(user: AuthUser, personId: string | undefined): Promise<WorkHistoryList> {
    const own = personId === undefined || personId === user.id;
    if (own && !can(user, 'profile.self')) throw forbidden('注册审核通过后才能维护工作经历');
    if (!own && !can(user, 'person.read') && !can(user, 'profile.self')) throw forbidden('当前账号无权查看人员的工作经历');
    const subject = personId ?? user.id;
    if (!own && !(await this.persons.isReportedAndVisible(user, subject))) throw notFound('人员');
    const rows = await this.histories.findForPerson(subject);
    return { items: rows.map(mapWorkHistory) };
  }

  /** For 首页 (the dashboard module): how many entries the applicant keeps. */
  async countOwn(user: AuthUser): Promise<number> {
    return this.histories.countForPerson(user.id);
  }

  async create(user: AuthUser, dto: CreateWorkHistoryDto, client: ClientInfo): Promise<WorkHistoryView> {
    return this.uow.run(async () => {
      const owner = await this.lockOwner(user);
      if (owner.entries >= WORK_HISTORY_MAX_ENTRIES) throw tooManyEntries();
      const draft: WorkHistoryDraft = {
        unitId: dto.unitId ?? null,
        unitName: dto.unitName ?? null,
        countyId: dto.countyId ?? null,
        startDate: dto.startDate,
        endDate: dto.endDate ?? null,
        contractStart: dto.contractStart,
        contractEnd: dto.contractEnd ?? null,
        contractOpenEnded: dto.contractOpenEnded,
        contractAttachmentId: dto.contractAttachmentId ?? null,
        proofAttachmentId: dto.proofAttachmentId ?? null,
      };
      const id = await this.histories.insert(user.id, await this.checked(user, owner, draft, null));
      const view = await this.view(id);
      await this.audit.recordOperation(user, client, { action: 'WORK_HISTORY_CREATE', targetType: 'WORK_HISTORY', targetId: id, summary: `新增工作经历：${describeEntry(view)}` });
      return view;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateWorkHistoryDto, client: ClientInfo): Promise<WorkHistoryView> {
    return this.uow.run(async () => {
      await this.access.assertCanAct(user, WORK_HISTORIES_TABLE, id, 'profile.self');
      const owner = await this.lockOwner(user);
      const stored = await this.histories.lockById(id);
      if (!stored) throw notFound(WORK_HISTORIES_TABLE.what);
      await this.histories.update(id, await this.checked(user, owner, mergeChange(stored, dto), stored));
      const view = await this.view(id);
      await this.audit.recordOperation(user, client, { action: 'WORK_HISTORY_UPDATE', targetType: 'WORK_HISTORY', targetId: id, summary: `修改工作经历：${describeEntry(view)}` });
      return view;
    });
  }

  async remove(user: AuthUser, id: string, client: ClientInfo): Promise<void> {
    await this.uow.run(async () => {
      await this.access.assertCanAct(user, WORK_HISTORIES_TABLE, id, 'profile.self');
      const gone = await this.view(id);
      await this.histories.delete(id);
      await this.audit.recordOperation(user, client, { action: 'WORK_HISTORY_DELETE', targetType: 'WORK_HISTORY', targetId: id, summary: `删除工作经历：${describeEntry(gone)}` });
    });
  }

  /**
   * Whether an entry names the file (for the attachments module: a file in use must not be
   * deleted; the foreign keys would refuse it anyway).
   */
  isAttachmentInUse(attachmentId: string): Promise<boolean> {
    return this.histories.isAttachmentInUse(attachmentId);
  }

  private async lockOwner(user: AuthUser): Promise<WorkHistoryOwner> {
    const owner = await this.histories.lockOwner(user.id);
    // profile.self is an approved applicant's, who always has a person row; anything else is not theirs.
    if (!owner) throw forbidden('注册审核通过后才能维护工作经历');
    return owner;
  }

  private async view(id: string): Promise<WorkHistoryView> {
    const row = await this.histories.findById(id);
    if (!row) throw notFound(WORK_HISTORIES_TABLE.what);
    return mapWorkHistory(row);
  }

  /**
   * Every rule of an entry, in two answers: the form's fields (dates, unit, county) all at once as
   * 400 VALIDATION_FAILED, then the files as 400 WORK_HISTORY_ATTACHMENT_INVALID. Returns what to store.
   */
  private async checked(user: AuthUser, owner: WorkHistoryOwner, draft: WorkHistoryDraft, stored: StoredWorkHistory | null): Promise<WorkHistoryColumns> {
    const fields: FieldError[] = checkWorkHistoryDates(draft, this.today());
    // One current job: the county of a bachelor's subsidy follows it (domain §5.2, §5.4); the owner's
    // row is locked, so two entries written at once are counted one after the other.
    if (draft.endDate === null) {
      const current = await this.histories.findOtherCurrentJob(user.id, stored?.id ?? null);
      if (current) fields.push({ field: 'endDate', message: `已有在职的工作经历（${current}），只能有一份目前在职的工作；请先填写那份工作的离职日期` });
    }
    const unit = await this.resolveUnit(draft, stored, fields);
    if (fields.length > 0 || !unit) throw validationFailed(fields);

    const files = await this.checkFiles(user, owner, draft);
    if (files.length > 0) throw attachmentInvalid(files);

    return {
      ...unit,
      startDate: draft.startDate,
      endDate: draft.endDate,
      contractStart: draft.contractStart,
      contractEnd: draft.contractOpenEnded ? null : draft.contractEnd,
      contractOpenEnded: draft.contractOpenEnded,
      contractAttachmentId: draft.contractAttachmentId,
      proofAttachmentId: draft.proofAttachmentId,
    };
  }

  /** The unit from the picker (its county is the unit's) or typed with a county; problems go to `fields`. */
  private async resolveUnit(
    draft: WorkHistoryDraft,
    stored: StoredWorkHistory | null,
    fields: FieldError[],
  ): Promise<Pick<WorkHistoryColumns, 'unitId' | 'unitName' | 'countyId'> | null> {
    if (draft.unitId !== null) {
      if (draft.unitName !== null || draft.countyId !== null) {
        fields.push({ field: 'unitId', message: '从单位列表选择单位时，不再填写单位名称和所在县区' });
        return null;
      }
      const unit = await this.histories.findUnit(draft.unitId);
      // An entry keeps the unit it already names, even if that unit is no longer offered.
      const unchanged = stored?.unit_id === draft.unitId;
      if (!unit || (!unchanged && (unit.status !== 'APPROVED' || unit.is_virtual))) {
        fields.push({ field: 'unitId', message: '请从单位列表中选择审核通过的单位；列表中没有时，请填写单位名称并选择所在县区' });
        return null;
      }
      return { unitId: unit.id, unitName: unit.name, countyId: unit.county_id };
    }
    if (draft.unitName === null && draft.countyId === null) {
      fields.push({ field: 'unitId', message: '请从单位列表中选择单位，或填写单位名称并选择所在县区' });
      return null;
    }
    if (draft.unitName === null) fields.push({ field: 'unitName', message: '请填写单位名称' });
    if (draft.countyId === null) {
      fields.push({ field: 'countyId', message: '请选择单位所在县区' });
    } else if (!(await this.histories.isCounty(draft.countyId))) {
      fields.push({ field: 'countyId', message: '所选县区不存在，请重新选择' });
    }
    if (draft.unitName === null || draft.countyId === null || fields.some((f) => f.field === 'countyId')) return null;
    return { unitId: null, unitName: draft.unitName, countyId: draft.countyId };
  }

  /**
   * Both files must be the applicant's own and of their kind; one file may serve as contract and
   * proof only for the current job at the unit the applicant is registered under (domain §5.2).
   */
  private async checkFiles(user: AuthUser, owner: WorkHistoryOwner, draft: WorkHistoryDraft): Promise<FieldError[]> {
    const { contractAttachmentId: contractId, proofAttachmentId: proofId } = draft;
    const own = await this.histories.findAttachmentsOfOwner(user.id, [contractId, proofId].filter((id): id is string => id !== null));
    const problems: FieldError[] = [];
    if (contractId !== null) {
      const file = own.get(contractId);
      if (!file) problems.push({ field: 'contractAttachmentId', message: `劳动合同：${NOT_OWN_FILE}` });
      else if (!WORK_HISTORY_CONTRACT_KINDS.includes(file.kind)) problems.push({ field: 'contractAttachmentId', message: '劳动合同须选择「劳动合同」类材料' });
    }
    if (proofId !== null) {
      const file = own.get(proofId);
      if (!file) {
        problems.push({ field: 'proofAttachmentId', message: `证明材料：${NOT_OWN_FILE}` });
      } else if (proofId === contractId) {
        const currentAtRegisteredUnit = draft.endDate === null && draft.unitId !== null && draft.unitId === owner.unit_id;
        if (!currentAtRegisteredUnit) {
          problems.push({ field: 'proofAttachmentId', message: '只有目前在职且为注册所在单位的工作经历，劳动合同和证明材料才可使用同一文件' });
        }
      } else if (!WORK_HISTORY_PROOF_KINDS.includes(file.kind)) {
        problems.push({ field: 'proofAttachmentId', message: '证明材料须选择「证明材料」或「其他」类材料' });
      }
    }
    return problems;
  }

  private today(): string {
    return businessToday(this.config.sms.timeZone);
  }
}

/**
 * A change merged into the stored entry. The unit: `unitId` switches to a picked unit; `unitName`
 * or `countyId` (with `unitId` null or left out) make it typed, keeping the typed part not given.
 * The contract: `contractOpenEnded: true` clears the end; an end given alone makes it fixed-term.
 */
function mergeChange(stored: StoredWorkHistory, change: UpdateWorkHistoryDto): WorkHistoryDraft {
  const storedTyped = stored.unit_id === null;
  const unitTouched = change.unitId !== undefined || change.unitName !== undefined || change.countyId !== undefined;
  let unit: Pick<WorkHistoryDraft, 'unitId' | 'unitName' | 'countyId'>;
  if (!unitTouched) {
    unit = storedTyped
      ? { unitId: null, unitName: stored.unit_name, countyId: stored.county_id }
      : { unitId: stored.unit_id, unitName: null, countyId: null };
  } else if (change.unitId) {
    unit = { unitId: change.unitId, unitName: change.unitName ?? null, countyId: change.countyId ?? null };
  } else {
    unit = {
      unitId: null,
      unitName: change.unitName !== undefined ? change.unitName : storedTyped ? stored.unit_name : null,
      countyId: change.countyId !== undefined ? change.countyId : storedTyped ? stored.county_id : null,
    };
  }
  const contractOpenEnded = change.contractOpenEnded ?? (change.contractEnd ? false : stored.contract_open_ended);
  const contractEnd = change.contractEnd !== undefined ? change.contractEnd : change.contractOpenEnded === true ? null : stored.contract_end;
  return {
    ...unit,
    startDate: change.startDate ?? stored.start_date,
    endDate: change.endDate !== undefined ? change.endDate : stored.end_date,
    contractStart: change.contractStart ?? stored.contract_start,
    contractEnd,
    contractOpenEnded,
    contractAttachmentId: change.contractAttachmentId !== undefined ? change.contractAttachmentId : stored.contract_attachment_id,
    proofAttachmentId: change.proofAttachmentId !== undefined ? change.proofAttachmentId : stored.proof_attachment_id,
  };
}

/** An entry in one line of the operation log: the unit and the period. */
function describeEntry(entry: WorkHistoryView): string {
  return `${entry.unitName}（${entry.county.name}），${entry.startDate} 至 ${entry.endDate ?? '今'}`;
}
