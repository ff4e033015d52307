import { SafetyOutlined } from '@ant-design/icons';
import { Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../lib/api-client';
import { errorText } from '../../lib/form-errors';
import { SandboxSmsAlert } from '../SandboxSmsAlert';
import { SendCodeButton } from '../SendCodeButton';
import { useSendRegistrationCode } from './api/send-registration-code';

/**
 * 短信验证码 of a new account: 发送验证码 sends a code to the phone typed in `phoneField` (checked
 * first), the person types it here. The API names every clash only once the phone is proven.
 */
export function PhoneCodeField({ name, phoneField }: { name: string[]; phoneField: string[] }) {
  const form = Form.useFormInstance();
  const send = useSendRegistrationCode();
  const [ticket, setTicket] = useState<string | undefined>(undefined);

  const onSend = async () => {
    await form.validateFields([phoneField]);
    const phone = form.getFieldValue(phoneField) as string;
    try {
      const result = await send.mutateAsync(phone);
      setTicket(result.sandboxTicket);
      form.setFields([{ name, errors: [] }]);
      return result.resendAfter;
    } catch (error) {
      form.setFields([{ name, errors: [errorText(error)] }]);
      const wait = error instanceof ApiError ? Number(error.problem.resendAfter ?? error.problem.retryAfter ?? 0) : 0;
      if (wait > 0) return wait;
      throw error;
    }
  };

  return (
    <>
      <Form.Item label="短信验证码" required extra="验证码发送到上面的手机号码，证明该号码为本人所有">
        <Space.Compact block>
          <Form.Item
            name={name}
            noStyle
            rules={[
              { required: true, message: '请输入短信验证码' },
              { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
            ]}
          >
            <Input prefix={<SafetyOutlined aria-hidden />} placeholder="6 位验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" aria-label="短信验证码" />
          </Form.Item>
          <SendCodeButton onSend={onSend} testId="send-registration-code" />
        </Space.Compact>
      </Form.Item>
      <SandboxSmsAlert ticket={ticket} />
    </>
  );
}
