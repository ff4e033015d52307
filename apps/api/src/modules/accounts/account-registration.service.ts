import { Injectable } from '@nestjs/common';
import type { FieldError, Role, SmsSendResult } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { phoneTaken, takenError, usernameTaken } from './accounts.errors.js';
import { limitPerAccount } from './auth/account-rate-limit.js';
import { PasswordsService } from './passwords/passwords.service.js';
import { SmsCodesService, type ProvenSmsCode } from './sms/sms-codes.service.js';
import { UsersRepository } from './users/users.repository.js';

export interface SelfRegisteredAccount {
  username: string;
  password: string;
  fullName: string;
  phone: string;
  email: string | null;
  role: Extract<Role, 'APPLICANT' | 'UNIT'>;
  /** The unit a UNIT account manages. */
  unitId?: string | null;
  regionId?: string | null;
}

/** A phone the registrant proved to hold with the code sent to it; spent when the account is written. */
export type ProvenPhone = ProvenSmsCode & { phone: string };

/**
 * The login account of a self-registration (a unit's, or a person's): the phone proven with an SMS
 * code, the password rules of domain §4, and a username and phone no other account holds. Runs
 * inside the caller's unit of work, so that the account and the registration it belongs to are
 * written together or not at all.
 */
@Injectable()
export class AccountRegistrationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly smsCodes: SmsCodesService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * The code that proves the phone of a new account. Sent to every well-formed number with the same
   * answer: whether the number already has an account is told only to whoever then proves it.
   */
  async sendPhoneCode(phone: string): Promise<SmsSendResult> {
    await limitPerAccount(this.limiter, this.config, `registration:${phone}`);
    return this.smsCodes.issue(phone, 'REGISTRATION', null);
  }

  /**
   * Checks the registrant's code (a wrong one counts against its tries) without spending it, so that
   * a refusal of the rest of the form does not cost a new code. Outside any unit of work.
   */
  async provePhone(phone: string, code: string, prefix = ''): Promise<ProvenPhone> {
    await limitPerAccount(this.limiter, this.config, `registration:${phone}`);
    try {
      return { ...(await this.smsCodes.prove(phone, 'REGISTRATION', code)), phone };
    } catch (error) {
      // The form's field is phoneCode; the SMS module names it `code`.
      throw renamed(error, () => `${prefix}phoneCode`);
    }
  }

  /**
   * Every problem of the account at once, without writing: taken username and phone (409, named
   * without saying whose), and the password rules. `extra` are the caller's own field problems
   * (another key that is taken), reported with them.
   */
  async assertAvailable(
    account: Pick<SelfRegisteredAccount, 'username' | 'password' | 'phone'>,
    { ownId = null, prefix = '', extra = [] }: { ownId?: string | null; prefix?: string; extra?: AppError[] } = {},
  ): Promise<void> {
    const taken: AppError[] = [];
    const byName = await this.users.findCredentialsByUsername(account.username);
    if (byName && byName.id !== ownId) taken.push(usernameTaken(account.username));
    if (await this.users.phoneTakenByOther(account.phone, ownId)) taken.push(phoneTaken(account.phone));
    const weak = this.passwords.strengthProblem(account.password, account.username, 'password', '密码');
    const all = [...[...taken, ...(weak ? [weak] : [])].map((problem) => renamed(problem, (field) => `${prefix}${field}`)), ...extra];
    if (all.length === 0) return;
    // The most telling code first (a clash), every field of every problem on the form.
    const [first] = all;
    const fields: FieldError[] = all.flatMap((problem) => problem.options.fields ?? []);
    throw new AppError(first.code, all.map((problem) => problem.detail).join('；'), { ...first.options, fields });
  }

  /** Writes the account, spending the proven code in the same transaction (a code makes one account). */
  async create(account: SelfRegisteredAccount, proven: ProvenPhone, prefix = ''): Promise<string> {
    if (proven.phone !== account.phone) throw new AppError('SMS_CODE_INVALID', '验证码不是发给该手机号码的', { fields: [{ field: `${prefix}phoneCode`, message: '验证码错误' }] });
    await this.assertAvailable(account, { prefix });
    try {
      return await this.uow.run(async () => {
        if (!(await this.smsCodes.consume(proven))) {
          throw new AppError('SMS_CODE_EXPIRED', '验证码已使用，请重新获取验证码', { fields: [{ field: `${prefix}phoneCode`, message: '验证码已使用' }] });
        }
        const id = await this.users.insert({
          username: account.username,
          fullName: account.fullName,
          phone: account.phone,
          email: account.email,
          role: account.role,
          regionId: account.regionId ?? null,
          unitId: account.unitId ?? null,
          mustChangePassword: false,
        });
        await this.passwords.set(id, account.password, false);
        return id;
      });
    } catch (error) {
      // Two registrations racing for one username or phone: the loser gets the same 409 as a late one.
      const taken = takenError(error, account);
      throw taken ? renamed(taken, (field) => `${prefix}${field}`) : error;
    }
  }
}

/** The same refusal with its fields named as the caller's form names them (`account.username`). */
function renamed<E>(error: E, name: (field: string) => string): E {
  if (!(error instanceof AppError)) return error;
  const fields = (error.options.fields ?? []).map((f) => ({ ...f, field: name(f.field) }));
  return new AppError(error.code, error.detail, { ...error.options, fields }) as E;
}
