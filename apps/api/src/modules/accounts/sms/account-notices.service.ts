import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { maskPhone } from '@butie/contracts';
import { AppConfig } from '../../../config/app-config.js';
import { ROOT_LOGGER } from '../../../common/logging/logger.js';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter.js';
import { SmsGateway, type SmsMessage } from '../../gateways/sms/sms-gateway.js';
import type { Credentials } from '../users/users.repository.js';

/**
 * Messages to the phone on record about what happened to an account. They are told to the person
 * who holds the phone, never in an HTTP answer, and a failed notice never fails the request.
 */
@Injectable()
export class AccountNoticesService {
  constructor(
    private readonly gateway: SmsGateway,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The right password of a disabled account is answered like a wrong one (the answer must not
   * confirm a guessed password); the reason goes to the account's phone, at most once an hour.
   */
  accountDisabled(user: Credentials): void {
    if (!user.phone || !this.gateway.mayReach(user.role)) return;
    const phone = user.phone;
    this.inBackground('ACCOUNT_DISABLED_NOTICE', async () => {
      const once = await this.limiter.hit(`notice:disabled:${user.id}`, 1, 3600);
      if (once.allowed) await this.gateway.send({ phone, template: 'ACCOUNT_DISABLED_NOTICE', values: { username: user.username } });
    });
  }

  /** The number an account had is told when the account moves to another one. */
  phoneChanged(user: { username: string; role: Credentials['role'] }, oldPhone: string, newPhone: string): void {
    if (!this.gateway.mayReach(user.role)) return;
    const at = this.now();
    this.inBackground('PHONE_CHANGED_NOTICE', () =>
      this.gateway.send({ phone: oldPhone, template: 'PHONE_CHANGED_NOTICE', values: { username: user.username, at, newPhone: maskPhone(newPhone)! } }),
    );
  }

  /** A password reset by SMS code: the phone is told, so that a reset its holder did not make is noticed. */
  passwordReset(user: Pick<Credentials, 'username' | 'role' | 'phone'>): void {
    if (!user.phone || !this.gateway.mayReach(user.role)) return;
    const phone = user.phone;
    const at = this.now();
    this.inBackground('PASSWORD_RESET_NOTICE', () => this.gateway.send({ phone, template: 'PASSWORD_RESET_NOTICE', values: { username: user.username, at } }));
  }

  private now(): string {
    return new Date().toLocaleString('zh-CN', { timeZone: this.config.sms.timeZone, dateStyle: 'short', timeStyle: 'short' });
  }

  private inBackground(template: SmsMessage['template'], send: () => Promise<unknown>): void {
    // Not awaited: the request's answer and timing must not depend on the SMS provider.
    send().catch((error: unknown) => this.logger.warn({ template, err: { message: (error as Error).message } }, 'account notice not sent'));
  }
}
