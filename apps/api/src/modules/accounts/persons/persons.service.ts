import { Injectable } from '@nestjs/common';
import {
  availableActions,
  checkIdNumber,
  checkPasswordStrength,
  type Education,
  GENDER_LABELS,
  PASSWORD_PROBLEM_TEXT,
  PERSON_REGISTRATION_TRANSITIONS,
  permissionsOf,
  REGISTRATION_ACTION_LABELS,
  type FieldError,
  type RegistrationAction,
  type RegistrationStatus,
  type SessionTokens,
} from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { ScopedAccess } from '../../../common/access/scoped-access.js';
import { AppError, notFound } from '../../../common/errors/app-error.js';
import { reviewQueueFilter } from '../../../common/workflow/review-queue.js';
import { validationFailed } from '../../../common/validation/validation.js';
import { GuardedTransitions, mapTrailEntry } from '../../../common/workflow/guarded-transition.js';
import { StatusTrailRepository } from '../../../common/workflow/status-trail.repository.js';
import { violatedUniqueIndex } from '../../../database/database-errors.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { AuditService } from '../../audit/audit.service.js';
import { AccountRegistrationService } from '../account-registration.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { PersonMaterials } from './person-materials.js';
import { idNumberTaken, registrationNotEditable } from './persons.errors.js';
import {
  mapPersonRegistration,
  mapQueueItem,
  type CreatePersonRegistrationDto,
  type PersonBasicDto,
  type PersonRegistrationDto,
  type PersonRegistrationPageDto,
  type PersonRegistrationQueueDto,
  type UpdatePersonRegistrationDto,
} from './persons.dto.js';
import { PERSON_REGISTRATION_HOLDER, PERSONS_TABLE, PersonsRepository, type PersonBasicColumns, type PersonRow } from './persons.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the owner may still change the registration (PENDING is with the unit). */
const EDITABLE: readonly RegistrationStatus[] = ['DRAFT', 'RETURNED', 'APPROVED'];

/** The part of a registration an application is made from. */
export interface ApplicantFacts {
  personId: string;
  name: string;
  idNumber: string;
  education: Education;
  unitId: string;
  countyId: string;
}

/**
 * 个人注册 → 单位审核 (domain §3.2). The person's own registration (create, read, edit, submit)
 * and the unit's review of it (queue, detail, approve, return). Rules and access here; SQL in
 * PersonsRepository; moves through GuardedTransitions with PERSON_REGISTRATION_TRANSITIONS.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly persons: PersonsRepository,
    private readonly access: ScopedAccess,
    private readonly transitions: GuardedTransitions,
    private readonly trail: StatusTrailRepository,
    private readonly accounts: AccountRegistrationService,
    private readonly sessions: SessionsService,
    private readonly materials: PersonMaterials,
    private readonly audit: AuditService,
  ) {}

  /**
   * The public start: the applicant account and its registration (DRAFT) are written together or
   * not at all; then the account signs in, as after a password sign-in.
   */
  async register(dto: CreatePersonRegistrationDto, client: ClientInfo): Promise<SessionTokens> {
    const { account } = dto;
    const basic = await this.checkBasic(dto.basic, { ownId: null, currentUnitId: null }, passwordProblems(account.password, account.username));
    const email = account.email || null;

    // The phone first: whether a username, phone or ID number is taken is told only to someone who
    // proved they hold the phone (no enumeration through this public form).
    const proven = await this.accounts.provePhone(account.phone, account.phoneCode, 'account.');
    // Every clash at once: the ID number (held by a reported or approved registration) with the account's.
    const idClash = await this.persons.idNumberTakenByOther(basic.idNumber, null);
    await this.accounts.assertAvailable(account, { prefix: 'account.', extra: idClash ? [idNumberTaken()] : [] });

    const userId = await this.uow.run(async () => {
      const id = await this.accounts.create({ ...account, email, role: 'APPLICANT', unitId: null, regionId: null }, proven, 'account.');
      await this.persons.insert(id, basic);
      await this.audit.recordOperation({ id, username: account.username, role: 'APPLICANT' }, client, {
        action: 'SELF_REGISTER',
        targetType: 'PERSON_REGISTRATION',
        targetId: id,
        summary: `个人注册（手机号码经短信验证）`,
      });
      return id;
    });
    return this.sessions.start(userId, client);
  }

  /** 注册状态: the applicant's own registration. */
  async getMine(user: AuthUser): Promise<PersonRegistrationDto> {
    const row = await this.persons.findById(user.id);
    if (!row) throw notFound('人员注册');
    return this.view(user, row);
  }

  /**
   * Who is applying, for the applications module: the approved registration's identity, education
   * and unit. 404 for an account without a registration.
   */
  async applicantFacts(user: AuthUser): Promise<ApplicantFacts> {
    const row = await this.persons.findById(user.id);
    if (!row) throw notFound('人员注册');
    return { personId: row.user_id, name: row.full_name, idNumber: row.id_number, education: row.education, unitId: row.unit_id, countyId: row.county_id };
  }

  /**
   * Edits in DRAFT and RETURNED change the record as it is; once APPROVED, a change of name, ID or
   * unit sends it back to the unit (changeIdentity → PENDING) in the same transaction, other fields
   * change freely; while PENDING it is with the unit and cannot change.
   */
  async updateMine(user: AuthUser, dto: UpdatePersonRegistrationDto, client: ClientInfo): Promise<PersonRegistrationDto> {
    const current = await this.persons.findById(user.id);
    if (!current) throw notFound('人员注册');
    if (!EDITABLE.includes(current.registration_status)) throw registrationNotEditable(current.registration_status);
    const basic = await this.checkBasic(dto.basic, { ownId: user.id, currentUnitId: current.unit_id }, []);
    if (await this.persons.idNumberTakenByOther(basic.idNumber, user.id)) throw idNumberTaken();
    const fullName = dto.account.fullName;

    const status = current.registration_status;
    // Who the person is, where they work, and what they studied (education decides the subsidy's
    // cut-off month and standard, domain §5.3–5.5): a change of these goes back to the unit.
    const identityChanged =
      fullName !== current.full_name ||
      basic.idType !== current.id_type ||
      basic.idNumber !== current.id_number.toUpperCase() ||
      basic.unitId !== current.unit_id ||
      basic.education !== current.education ||
      basic.degree !== current.degree;
    try {
      await this.uow.run(async () => {
        if (status === 'APPROVED' && identityChanged) {
          await this.transitions.apply({
            holder: PERSON_REGISTRATION_HOLDER,
            table: PERSON_REGISTRATION_TRANSITIONS,
            id: user.id,
            from: 'APPROVED',
            action: 'changeIdentity',
            actor: user,
            client,
            set: { submitted_at: new Date(), review_opinion: null, updated_at: new Date() },
          });
          // Now PENDING by our own hand, in this transaction.
          await this.persons.updateBasicIfStatus(user.id, ['PENDING'], basic);
        } else if (!(await this.persons.updateBasicIfStatus(user.id, [status], basic))) {
          // A review (or another tab) moved it between our read and our write.
          const now = await this.persons.findStatus(user.id);
          throw now && EDITABLE.includes(now) ? conflictRetry() : registrationNotEditable(now ?? status);
        }
        if (fullName !== current.full_name) await this.persons.updateFullName(user.id, fullName);
        await this.audit.recordOperation(user, client, {
          action: 'REGISTRATION_UPDATE',
          targetType: 'PERSON_REGISTRATION',
          targetId: user.id,
          summary: `修改本人注册信息${identityChanged && status === 'APPROVED' ? '（姓名、证件、单位或学历学位有变，重新交单位审核）' : ''}`,
        });
      });
    } catch (error) {
      if (violatedUniqueIndex(error) === 'persons_id_number_key') throw idNumberTaken();
      throw error;
    }
    return this.getMineAfterChange(user);
  }

  /** 注册并上报 / 提交申请: DRAFT or RETURNED → PENDING. */
  async submitMine(user: AuthUser, client: ClientInfo): Promise<PersonRegistrationDto> {
    const row = await this.persons.findById(user.id);
    if (!row) throw notFound('人员注册');
    // Reporting is what holds the ID number: another reported or approved registration with it refuses.
    if (await this.persons.idNumberTakenByOther(row.id_number, user.id)) throw idNumberTaken();
    try {
      await this.transitions.apply({
        holder: PERSON_REGISTRATION_HOLDER,
        table: PERSON_REGISTRATION_TRANSITIONS,
        id: user.id,
        from: row.registration_status,
        action: 'submit',
        actor: user,
        client,
        set: { submitted_at: new Date(), updated_at: new Date() },
      });
    } catch (error) {
      // Two drafts with one number reported at once: the second finds it held.
      if (violatedUniqueIndex(error) === 'persons_id_number_key') throw idNumberTaken();
      throw error;
    }
    return this.getMineAfterChange(user);
  }

  /** 人员注册审核: the reviewer's reported registrants (their own unit's, for a unit). */
  /**
   * For modules that show a registrant's records to reviewers (work history): whether the person is
   * in the reviewer's scope and has reported the registration (a draft is the person's own).
   */
  async isReportedAndVisible(user: AuthUser, personId: string): Promise<boolean> {
    // A malformed id names nobody: the same not-found as an unknown one.
    return UUID.test(personId) && this.persons.isSubmittedAndVisible(user, personId);
  }

  /** For 首页 (the dashboard module): the unit's pending registrants, counted in its scope. */
  async pendingReview(user: AuthUser): Promise<{ count: number; oldest: Date | null }> {
    return this.persons.summarizePendingForReviewer(user);
  }

  async listQueue(user: AuthUser, query: PersonRegistrationQueueDto): Promise<PersonRegistrationPageDto> {
    const page = await this.persons.findQueueForReviewer(user, reviewQueueFilter(query));
    return { items: page.items.map(mapQueueItem), nextCursor: page.nextCursor };
  }

  async getForReviewer(user: AuthUser, id: string): Promise<PersonRegistrationDto> {
    if (!(await this.persons.isSubmittedAndVisible(user, id))) throw notFound(PERSONS_TABLE.what);
    const row = await this.persons.findById(id);
    if (!row) throw notFound(PERSONS_TABLE.what);
    return this.view(user, row);
  }

  async approve(user: AuthUser, id: string, opinion: string | undefined, client: ClientInfo): Promise<PersonRegistrationDto> {
    return this.review(user, id, 'approve', opinion?.trim() || null, client);
  }

  async return(user: AuthUser, id: string, opinion: string, client: ClientInfo): Promise<PersonRegistrationDto> {
    return this.review(user, id, 'return', opinion, client);
  }

  private async review(
    user: AuthUser,
    id: string,
    action: Extract<RegistrationAction, 'approve' | 'return'>,
    opinion: string | null,
    client: ClientInfo,
  ): Promise<PersonRegistrationDto> {
    // Scope first: 404 outside it (a draft counts as outside: not reported yet), 403 for a reader who may not decide.
    await this.access.assertCanAct(user, PERSONS_TABLE, id, 'person.registration.review');
    if (!(await this.persons.isSubmittedAndVisible(user, id))) throw notFound(PERSONS_TABLE.what);
    const status = await this.persons.findStatus(id);
    if (!status) throw notFound(PERSONS_TABLE.what);
    await this.transitions.apply({
      holder: PERSON_REGISTRATION_HOLDER,
      table: PERSON_REGISTRATION_TRANSITIONS,
      id,
      from: status,
      action,
      actor: user,
      client,
      opinion,
      set: { review_opinion: opinion?.trim() || null, reviewed_at: new Date(), updated_at: new Date() },
    });
    return this.getForReviewer(user, id);
  }

  private async getMineAfterChange(user: AuthUser): Promise<PersonRegistrationDto> {
    const row = await this.persons.findById(user.id);
    if (!row) throw notFound('人员注册');
    return this.view(user, row);
  }

  private async view(user: AuthUser, row: PersonRow): Promise<PersonRegistrationDto> {
    const owner = row.user_id === user.id;
    // changeIdentity is not a button: an edit of name, ID or unit after approval makes that move.
    const actions = availableActions(PERSON_REGISTRATION_TRANSITIONS, row.registration_status, permissionsOf(user)).filter(
      (action) => action !== 'changeIdentity' && (owner ? action === 'submit' : action !== 'submit'),
    );
    const [trail, materials] = await Promise.all([this.trail.findForSubject('PERSON_REGISTRATION', row.user_id), this.materials.listForPerson(row.user_id)]);
    return mapPersonRegistration(row, {
      editable: owner && EDITABLE.includes(row.registration_status),
      availableActions: actions,
      trail: trail.map((entry) => mapTrailEntry(entry, REGISTRATION_ACTION_LABELS)),
      materials,
    });
  }

  /**
   * The checks a form can be told all at once (400 VALIDATION_FAILED, every field named): the ID
   * number by its type, birth date and gender against it, the unit. `extra` are problems found by
   * the caller (the password); given alone they are left for the accounts module to name.
   */
  private async checkBasic(
    basic: PersonBasicDto,
    context: { ownId: string | null; currentUnitId: string | null },
    extra: FieldError[],
  ): Promise<PersonBasicColumns> {
    const fields: FieldError[] = [];
    const id = checkIdNumber(basic.idType, basic.idNumber);
    if (!id.valid) {
      fields.push({ field: 'basic.idNumber', message: id.message });
    } else if (id.facts) {
      if (id.facts.birthDate !== basic.birthDate) {
        fields.push({ field: 'basic.birthDate', message: `出生日期与证件号码不一致（证件号码中为 ${id.facts.birthDate}）` });
      }
      if (id.facts.gender !== basic.gender) {
        fields.push({ field: 'basic.gender', message: `性别与证件号码不一致（证件号码中为${GENDER_LABELS[id.facts.gender]}）` });
      }
    }
    const today = new Date().toISOString().slice(0, 10);
    if (basic.birthDate > today || basic.birthDate < '1900-01-01') fields.push({ field: 'basic.birthDate', message: '出生日期不在合理范围内' });
    if (basic.unitId !== context.currentUnitId) {
      const unit = await this.persons.findUnitForRegistration(basic.unitId);
      if (!unit || unit.status !== 'APPROVED' || unit.is_virtual) {
        fields.push({ field: 'basic.unitId', message: '请选择审核通过的单位（可按单位名称或统一社会信用代码搜索）' });
      }
    }
    if (fields.length > 0) throw validationFailed([...fields, ...extra]);
    return { ...basic, idNumber: id.valid ? id.idNumber : basic.idNumber };
  }
}

function passwordProblems(password: string, username: string): FieldError[] {
  return checkPasswordStrength(password, username).map((problem) => ({ field: 'account.password', message: PASSWORD_PROBLEM_TEXT[problem] }));
}


function conflictRetry(): AppError {
  return new AppError('STATUS_CHANGED', '注册信息刚刚被修改，请刷新后重试');
}
