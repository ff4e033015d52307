import { SafetyOutlined } from '@ant-design/icons';
import Input from 'antd/es/input/Input';
import type { ComponentProps, ReactNode } from 'react';
import { LoginField } from './LoginField';
import { matches, required } from './login-form';
import { SendCodeButton } from '../../components/SendCodeButton';

export const CODE_RULES = [required('请输入验证码'), matches(/^\d{6}$/, '验证码为 6 位数字')];

interface Props {
  /** From the form's `field('code')` and `input('code')`. */
  field: { id: string; error?: string };
  input: ComponentProps<typeof Input>;
  /** Sends a code; resolves with the seconds to wait before the next send. */
  onSend: () => Promise<number>;
  sendTestId: string;
  /** When a code was sent just before the field appeared. */
  initialSeconds?: number;
  /** Where the code went, said once it was sent. */
  sentNote?: ReactNode;
}

/** 验证码 with its 发送验证码 button, for SMS sign-in and the staff second factor alike. */
export function CodeField({ field, input, onSend, sendTestId, initialSeconds, sentNote }: Props) {
  return (
    <LoginField {...field} label="验证码" // The live region is there before the note, so that screen readers announce the note when it comes.
      extra={<span role="status">{sentNote}</span>}>
      <div className="login-code-row">
        <Input {...input} size="large" prefix={<SafetyOutlined aria-hidden />} placeholder="6 位验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
        <SendCodeButton size="large" onSend={onSend} testId={sendTestId} initialSeconds={initialSeconds} />
      </div>
    </LoginField>
  );
}
