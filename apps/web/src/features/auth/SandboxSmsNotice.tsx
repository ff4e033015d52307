import { useSandboxSms } from '../../lib/sandbox-sms';
import { LoginAlert } from './LoginAlert';

/**
 * In the demo (sandbox SMS) the message that "arrived" is shown here instead of on a phone.
 * The ticket comes with the answer to sending a code, and only while the sandbox is on.
 */
export function SandboxSmsNotice({ ticket }: { ticket: string | undefined }) {
  const message = useSandboxSms(ticket).data;
  if (!message) return null;
  return (
    <LoginAlert
      type="info"
      data-testid="sandbox-sms"
      title={`沙箱短信（演示环境，短信不真正发出）· 发往 ${message.phoneMasked}`}
      description={message.content}
    />
  );
}
