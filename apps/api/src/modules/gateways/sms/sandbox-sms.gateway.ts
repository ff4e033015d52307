import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isStaffRole, maskPhone, type Role } from '@butie/contracts';
import { AppConfig } from '../../../config/app-config.js';
import { renderSms, SmsGateway, type SmsMessage, type SmsReceipt, type SmsTemplate } from './sms-gateway.js';

export interface SandboxMessage {
  phoneMasked: string;
  content: string;
  sentAt: Date;
}

/**
 * The demo's provider: nothing leaves the machine; each message lands in an outbox readable by the
 * unguessable ticket its send returned, never by phone (a by-phone outbox let anyone read anyone's
 * codes). Outside demo mode it never carries a message for a staff account.
 */
@Injectable()
export class SandboxSmsGateway extends SmsGateway {
  readonly deliversToEveryPhone = true;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
  }

  mayReach(role: Role): boolean {
    return this.config.demo.enabled || !isStaffRole(role);
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const ticket = randomBytes(18).toString('base64url');
    await this.db.query(`INSERT INTO sms_sandbox_outbox (ticket, phone, template, content) VALUES ($1, $2, $3, $4)`, [
      ticket,
      message.phone,
      message.template,
      renderSms(message),
    ]);
    return { sandboxTicket: ticket };
  }

  async latestReceipt(phone: string, template: SmsTemplate): Promise<SmsReceipt> {
    const [row] = await this.db.query<{ ticket: string }[]>(`SELECT ticket FROM sms_sandbox_outbox WHERE phone = $1 AND template = $2 ORDER BY id DESC LIMIT 1`, [
      phone,
      template,
    ]);
    return row ? { sandboxTicket: row.ticket } : {};
  }

  async read(ticket: string): Promise<SandboxMessage | null> {
    const [row] = await this.db.query<{
      phone: string;
      content: string;
      created_at: Date;
    }[]>(`SELECT phone, content, created_at FROM sms_sandbox_outbox WHERE ticket = $1`, [ticket]);
    return row ? { phoneMasked: maskPhone(row.phone)!, content: row.content, sentAt: row.created_at } : null;
  }
}
