import { Alert } from 'antd';
import { useSandboxOutbox } from './api/sandbox-outbox';

/** In the demo (sandbox SMS) the code that "arrived" is shown here instead of on a phone. */
export function SandboxSmsNotice({ phone, enabled }: { phone: string | null; enabled: boolean }) {
  const outbox = useSandboxOutbox(phone, enabled);
  const latest = outbox.data?.[0];
  if (!enabled || !latest) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="sandbox-sms"
      title="沙箱短信（演示环境，短信不真正发出）"
      description={latest.content}
    />
  );
}
