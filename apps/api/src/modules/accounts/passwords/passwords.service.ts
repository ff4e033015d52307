import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkPasswordStrength, PASSWORD_HISTORY_DEPTH, PASSWORD_PROBLEM_TEXT } from '@butie/contracts';
import { AppError } from '../../../common/errors/app-error.js';
import { UnitOfWork } from '../../../database/unit-of-work.js';
import { UsersRepository } from '../users/users.repository.js';
import { PasswordHasher } from './password-hasher.js';

/**
 * The password rules of domain §4 that need the account: strength and the last-3 history. Reads and
 * writes join the caller's unit of work when one is open.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly users: UsersRepository,
  ) {}

  /** Length and character classes; with `username`, also that the password does not contain it. */
  assertStrong(password: string, username: string | undefined, field = 'newPassword', what = '新密码'): void {
    const problem = this.strengthProblem(password, username, field, what);
    if (problem) throw problem;
  }

  /** The domain §4 refusal of `password`, or null; `what` names it (新密码, 密码). */
  strengthProblem(password: string, username: string | undefined, field = 'newPassword', what = '新密码'): AppError | null {
    const problems = checkPasswordStrength(password, username);
    if (problems.length === 0) return null;
    const messages = problems.map((p) => PASSWORD_PROBLEM_TEXT[p]);
    return new AppError('PASSWORD_POLICY', `${what}不符合密码规则：${messages.join('；')}`, {
      fields: messages.map((message) => ({ field, message })),
    });
  }

  async assertNotRecent(userId: string, password: string, field = 'newPassword'): Promise<void> {
    for (const previous of await this.users.recentPasswordHashes(userId, PASSWORD_HISTORY_DEPTH)) {
      if (await this.hasher.verify(previous, password)) {
        throw new AppError('PASSWORD_REUSED', `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同`, {
          fields: [{ field, message: `不能与最近 ${PASSWORD_HISTORY_DEPTH} 次的密码相同` }],
        });
      }
    }
  }

  /** Sets the password and its history together: in the caller's unit of work when one is open, else in its own. */
  async set(userId: string, password: string, mustChange: boolean): Promise<void> {
    const hash = await this.hasher.hash(password);
    await this.uow.run(() => this.users.setPassword(userId, hash, mustChange, PASSWORD_HISTORY_DEPTH));
  }
}

/**
 * Characters an administrator can read out, or a person copy from paper, without doubt: of each
 * look-alike group at most one is kept (0 O D Q → none, 1 l I → none, 2 Z → 2, 5 S → 5, 6 G → 6,
 * 8 B → 8, 9 g q → 9), and a letter whose capital has the same shape (c k o p s u v w x y z) only
 * as a capital (r not at all: beside n it reads as m). No symbols: they are the hardest to say
 * and to type on a phone, and lower, upper and digits already are the three classes the policy
 * asks for.
 */
export const TEMPORARY_PASSWORD_ALPHABETS = ['abdefhjmnt', 'ACEFHJKLMNPRTUVWXY', '23456789'] as const;
const TEMPORARY_PASSWORD_LENGTH = 12;

/** A one-time password an administrator hands over; it meets the policy (checked, with the username). */
export function generateTemporaryPassword(username?: string): string {
  for (;;) {
    const chars = TEMPORARY_PASSWORD_ALPHABETS.map((alphabet) => alphabet[randomInt(alphabet.length)]);
    const all = TEMPORARY_PASSWORD_ALPHABETS.join('');
    while (chars.length < TEMPORARY_PASSWORD_LENGTH) chars.push(all[randomInt(all.length)]);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    // Only a username that happens to appear in it can fail; drawing again is the simplest cure.
    if (checkPasswordStrength(password, username).length === 0) return password;
  }
}
