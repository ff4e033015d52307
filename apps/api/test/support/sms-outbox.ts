import type { TestApp } from './test-app.js';

interface OutboxMessage {
  id: string;
  phone: string;
  template: string;
  content: string;
  sentAt: string;
}

/** What the sandbox provider "delivered" to a phone, newest first. */
export async function outboxOf(t: TestApp, phone: string): Promise<OutboxMessage[]> {
  const response = await t.http().get('/api/v1/sandbox/sms-outbox').query({ phone, limit: 20 });
  if (response.status !== 200) throw new Error(`outbox of ${phone}: ${response.status} ${response.text}`);
  return response.body as OutboxMessage[];
}

/** The code in the newest message to a phone, as the person would read it off the screen. */
export async function latestCode(t: TestApp, phone: string): Promise<string> {
  const [newest] = await outboxOf(t, phone);
  const code = newest?.content.match(/验证码为 (\d+)/)?.[1];
  if (!code) throw new Error(`no code in the outbox of ${phone}: ${JSON.stringify(newest)}`);
  return code;
}
