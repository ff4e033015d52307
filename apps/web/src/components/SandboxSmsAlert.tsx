import { Alert } from 'antd';
import { useSandboxSms } from '../lib/sandbox-sms';

/**
 * The demo's stand-in for a phone (SMS sandbox): the message a send delivered, read by its ticket.
 * The login page has its own, lighter one (features/auth/SandboxSmsNotice).
 */
export function SandboxSmsAlert({ ticket }: { ticket: string | undefined }) {
  const message = useSandboxSms(ticket).data;
  if (!message) return null;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="sandbox-sms"
      title={`沙箱短信（演示环境，短信不真正发出）· 发往 ${message.phoneMasked}`}
      description={message.content}
    />
  );
}
