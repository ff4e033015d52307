import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { renderSms, SmsGateway, type SmsMessage } from './sms-gateway.js';
import { SmsOutboxMessage } from './sms-outbox-message.entity.js';

/** The default provider: nothing leaves the machine; messages land in a readable outbox. */
@Injectable()
export class SandboxSmsGateway extends SmsGateway {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    await this.db.getRepository(SmsOutboxMessage).insert({
      phone: message.phone,
      template: message.template,
      content: renderSms(message),
      createdAt: new Date(),
    });
  }

  /** Newest first, at most `limit` messages of one phone. */
  async outbox(phone: string, limit: number): Promise<SmsOutboxMessage[]> {
    return this.db.getRepository(SmsOutboxMessage).find({ where: { phone }, order: { id: 'DESC' }, take: limit });
  }
}
