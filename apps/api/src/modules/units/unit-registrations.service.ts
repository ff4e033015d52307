import { Injectable } from '@nestjs/common';
import {
  availableActions,
  checkPasswordStrength,
  PASSWORD_PROBLEM_TEXT,
  permissionsOf,
  REGISTRATION_ACTION_LABELS,
  UNIT_REGISTRATION_TRANSITIONS,
  type FieldError,
  type Permission,
  type RegistrationAction,
  type Role,
} from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { ScopedAccess } from '../../common/access/scoped-access.js';
import { notFound } from '../../common/errors/app-error.js';
import { reviewQueueFilter } from '../../common/workflow/review-queue.js';
import { validationFailed } from '../../common/validation/validation.js';
import { GuardedTransitions, mapTrailEntry } from '../../common/workflow/guarded-transition.js';
import { StatusTrailRepository } from '../../common/workflow/status-trail.repository.js';
import { violatedUniqueIndex } from '../../database/database-errors.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AccountRegistrationService } from '../accounts/account-registration.service.js';
import { AuditService } from '../audit/audit.service.js';
import {
  mapUnitQueueItem,
  mapUnitRegistration,
  type CreateUnitRegistrationDto,
  type UnitFieldsDto,
  type UnitRegistrationDto,
  type UnitRegistrationPageDto,
  type UnitRegistrationQueueDto,
} from './unit-registrations.dto.js';
import { creditCodeTaken, unitRegistrationNotEditable } from './units.errors.js';
import { UNIT_REGISTRATION_HOLDER, UNIT_REGISTRATIONS_TABLE, UnitsRepository, type RegistrationRow, type UnitColumns } from './units.repository.js';

const WHAT = '单位注册';

/** Who sees a registration, for its buttons: the unit itself, or a reviewer. */
interface Viewer {
  role: Role;
  unitId: string | null;
  permissions: readonly Permission[];
}

/**
 * 单位注册 → 县区人社局审核 (domain §3.1): the unit's own registration (register, read, edit when
 * returned, resubmit) and the county's review (queue, detail, approve, return). Rules and access
 * here; SQL in UnitsRepository; moves through GuardedTransitions with UNIT_REGISTRATION_TRANSITIONS.
 */
@Injectable()
export class UnitRegistrationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly units: UnitsRepository,
    private readonly access: ScopedAccess,
    private readonly transitions: GuardedTransitions,
    private readonly trail: StatusTrailRepository,
    private readonly accounts: AccountRegistrationService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The public registration: the unit (PENDING), its UNIT login account and the first trail row
   * are written together or not at all. Every problem of the form that needs no write is named at
   * once; the unique indexes settle registrations racing for one code, username or phone.
   */
  async register(dto: CreateUnitRegistrationDto, client: ClientInfo): Promise<UnitRegistrationDto> {
    const { account } = dto;
    const unit = await this.checkUnit(dto.unit, 'unit.', passwordProblems(account.password, account.username));
    // The account's phone first: clashes are told only to someone who proved they hold it.
    const proven = await this.accounts.provePhone(account.phone, account.phoneCode, 'account.');
    const codeClash = await this.units.creditCodeTakenByOther(unit.creditCode, null);
    await this.accounts.assertAvailable(account, { prefix: 'account.', extra: codeClash ? [creditCodeTaken(unit.creditCode, 'unit.creditCode')] : [] });

    let unitId: string;
    try {
      unitId = await this.uow.run(async () => {
        const id = await this.units.insertRegistration(unit);
        const userId = await this.accounts.create(
          {
            username: account.username,
            password: account.password,
            fullName: unit.contactPerson,
            phone: account.phone,
            email: account.email || null,
            role: 'UNIT',
            unitId: id,
            regionId: unit.countyId,
          },
          proven,
          'account.',
        );
        await this.trail.append({
          subject: 'UNIT_REGISTRATION',
          subjectId: id,
          action: 'submit',
          fromStatus: null,
          toStatus: 'PENDING',
          actor: { id: userId, role: 'UNIT', fullName: unit.contactPerson },
          opinion: null,
        });
        await this.audit.recordOperation({ id: userId, username: account.username, role: 'UNIT' }, client, {
          action: 'SELF_REGISTER',
          targetType: 'UNIT_REGISTRATION',
          targetId: id,
          summary: `单位注册（${unit.name}，手机号码经短信验证）`,
        });
        return id;
      });
    } catch (error) {
      if (violatedUniqueIndex(error) === 'units_credit_code_key') throw creditCodeTaken(unit.creditCode, 'unit.creditCode');
      throw error;
    }
    return this.view({ role: 'UNIT', unitId, permissions: permissionsOf({ role: 'UNIT' }) }, await this.mustFind(unitId));
  }

  /** The signed-in unit's own registration: status, opinion, trail. */
  async getMine(user: AuthUser): Promise<UnitRegistrationDto> {
    return this.view(viewerOf(user), await this.mustFind(this.ownUnitId(user)));
  }

  /** A returned unit fixes its fields; in any other status 409 UNIT_REGISTRATION_NOT_EDITABLE. */
  async updateMine(user: AuthUser, dto: UnitFieldsDto, client: ClientInfo): Promise<UnitRegistrationDto> {
    const id = this.ownUnitId(user);
    const current = await this.mustFind(id);
    if (current.status !== 'RETURNED') throw unitRegistrationNotEditable(current.status);
    const unit = await this.checkUnit(dto, '', []);
    if (await this.units.creditCodeTakenByOther(unit.creditCode, id)) throw creditCodeTaken(unit.creditCode, 'creditCode');
    try {
      await this.uow.run(async () => {
        if (!(await this.units.updateReturned(id, unit))) {
          // Resubmitted (another tab) between our read and our write.
          throw unitRegistrationNotEditable((await this.units.findRegistrationStatus(id)) ?? current.status);
        }
        if (unit.countyId !== current.county_id) await this.units.moveUnitAccountsToCounty(id, unit.countyId);
        await this.audit.recordOperation(user, client, { action: 'REGISTRATION_UPDATE', targetType: 'UNIT_REGISTRATION', targetId: id, summary: `修改单位注册信息（${unit.name}）` });
      });
    } catch (error) {
      if (violatedUniqueIndex(error) === 'units_credit_code_key') throw creditCodeTaken(unit.creditCode, 'creditCode');
      throw error;
    }
    return this.view(viewerOf(user), await this.mustFind(id));
  }

  /** 重新提交: RETURNED → PENDING, back into its county's queue as a new submission. */
  async resubmitMine(user: AuthUser, client: ClientInfo): Promise<UnitRegistrationDto> {
    const id = this.ownUnitId(user);
    const current = await this.mustFind(id);
    await this.transitions.apply({
      holder: UNIT_REGISTRATION_HOLDER,
      table: UNIT_REGISTRATION_TRANSITIONS,
      id,
      from: current.status,
      action: 'resubmit',
      actor: user,
      client,
      set: { submitted_at: new Date(), updated_at: new Date() },
    });
    return this.view(viewerOf(user), await this.mustFind(id));
  }

  /** For 首页 (the dashboard module): the county's pending registrations, counted in its scope. */
  async pendingReview(user: AuthUser): Promise<{ count: number; oldest: Date | null }> {
    return this.units.summarizePendingForReviewer(user);
  }

  async listQueue(user: AuthUser, query: UnitRegistrationQueueDto): Promise<UnitRegistrationPageDto> {
    const page = await this.units.findReviewQueue(user, reviewQueueFilter(query));
    return { items: page.items.map(mapUnitQueueItem), nextCursor: page.nextCursor };
  }

  /** One registration of the reviewer's county; another county's (or none) is 404. */
  async getForReviewer(user: AuthUser, id: string): Promise<UnitRegistrationDto> {
    if (!(await this.units.isRegistrationVisible(user, id))) throw notFound(WHAT);
    return this.view(viewerOf(user), await this.mustFind(id));
  }

  async approve(user: AuthUser, id: string, opinion: string | undefined, client: ClientInfo): Promise<UnitRegistrationDto> {
    return this.review(user, id, 'approve', opinion?.trim() || null, client);
  }

  async return(user: AuthUser, id: string, opinion: string, client: ClientInfo): Promise<UnitRegistrationDto> {
    return this.review(user, id, 'return', opinion, client);
  }

  private async review(
    user: AuthUser,
    id: string,
    action: Extract<RegistrationAction, 'approve' | 'return'>,
    opinion: string | null,
    client: ClientInfo,
  ): Promise<UnitRegistrationDto> {
    // Scope first: 404 outside it (virtual units are no registrations), 403 for a reader who may not decide.
    await this.access.assertCanAct(user, UNIT_REGISTRATIONS_TABLE, id, 'unit.registration.review');
    if (!(await this.units.isRegistrationVisible(user, id))) throw notFound(WHAT);
    const current = await this.mustFind(id);
    await this.transitions.apply({
      holder: UNIT_REGISTRATION_HOLDER,
      table: UNIT_REGISTRATION_TRANSITIONS,
      id,
      from: current.status,
      action,
      actor: user,
      client,
      opinion,
      set: { review_opinion: opinion?.trim() || null, reviewed_at: new Date(), updated_at: new Date() },
    });
    return this.view(viewerOf(user), await this.mustFind(id));
  }

  /** The unit a UNIT account manages; an account without one has no registration to show. */
  private ownUnitId(user: AuthUser): string {
    if (!user.unitId) throw notFound(WHAT);
    return user.unitId;
  }

  private async mustFind(id: string): Promise<RegistrationRow> {
    const row = await this.units.findRegistrationById(id);
    if (!row) throw notFound(WHAT);
    return row;
  }

  private async view(viewer: Viewer, row: RegistrationRow): Promise<UnitRegistrationDto> {
    const owner = viewer.role === 'UNIT' && viewer.unitId === row.id;
    // The unit resubmits its own; reviewers approve and return — never the other way round.
    const actions = availableActions(UNIT_REGISTRATION_TRANSITIONS, row.status, viewer.permissions).filter((action) =>
      owner ? action === 'resubmit' : action !== 'resubmit',
    );
    const trail = await this.trail.findForSubject('UNIT_REGISTRATION', row.id);
    return mapUnitRegistration(row, {
      editable: owner && row.status === 'RETURNED',
      availableActions: actions,
      trail: trail.map((entry) => mapTrailEntry(entry, REGISTRATION_ACTION_LABELS)),
    });
  }

  /**
   * The checks a form can be told all at once (400 VALIDATION_FAILED, every field named): the
   * county. `extra` are problems found by the caller (the password); given alone they are left for
   * the accounts module to name.
   */
  private async checkUnit(unit: UnitFieldsDto, prefix: string, extra: FieldError[]): Promise<UnitColumns> {
    const fields: FieldError[] = [];
    if (!(await this.units.findCounty(unit.countyId))) fields.push({ field: `${prefix}countyId`, message: '请选择所在区县（所选区县不存在）' });
    if (fields.length > 0) throw validationFailed([...fields, ...extra]);
    return { ...unit };
  }
}

function viewerOf(user: AuthUser): Viewer {
  return { role: user.role, unitId: user.unitId, permissions: permissionsOf(user) };
}

function passwordProblems(password: string, username: string): FieldError[] {
  return checkPasswordStrength(password, username).map((problem) => ({ field: 'account.password', message: PASSWORD_PROBLEM_TEXT[problem] }));
}

