import type { TestApp } from './test-app.js';

export interface OutboxMessage {
  ticket: string;
  phone: string;
  template: string;
  content: string;
}

/**
 * What the sandbox provider "delivered" to a phone, newest first, read as the phone's holder would
 * see it (straight from the sandbox's store: the public outbox is read by ticket only).
 */
export async function outboxOf(t: TestApp, phone: string): Promise<OutboxMessage[]> {
  return t.db.query<OutboxMessage[]>(`SELECT ticket, phone, template, content FROM sms_sandbox_outbox WHERE phone = $1 ORDER BY id DESC`, [phone]);
}

/** The code in the newest message to a phone, as the person would read it off the screen. */
export async function latestCode(t: TestApp, phone: string): Promise<string> {
  const [newest] = await outboxOf(t, phone);
  const code = newest?.content.match(/验证码为 (\d+)/)?.[1];
  if (!code) throw new Error(`no code in the outbox of ${phone}: ${JSON.stringify(newest)}`);
  return code;
}
