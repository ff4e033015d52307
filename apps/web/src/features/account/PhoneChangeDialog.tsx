import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../lib/api-client';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { PHONE_RULE } from '../../lib/form-rules';
import { SandboxSmsAlert } from '../../components/SandboxSmsAlert';
import { SendCodeButton } from '../../components/SendCodeButton';
import { useChangePhone, useSendPhoneChangeCode } from './api/me';

interface Values {
  currentPassword: string;
  phone: string;
  code: string;
}

/**
 * 更换手机号码: the current password and a code sent to the new number. The old number is told by
 * SMS afterwards, and the account's other sign-ins end.
 */
export function PhoneChangeDialog({ open, currentPhone, onClose }: { open: boolean; currentPhone: string | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const sendCode = useSendPhoneChangeCode();
  const change = useChangePhone();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [ticket, setTicket] = useState<string | undefined>();
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    setRefusal(null);
    setSentTo(null);
    setTicket(undefined);
    onClose();
  };

  const send = async (): Promise<number> => {
    setRefusal(null);
    let values: Pick<Values, 'currentPassword' | 'phone'>;
    try {
      values = await form.validateFields(['currentPassword', 'phone']);
    } catch {
      return 0; // the form shows what is missing
    }
    try {
      const result = await sendCode.mutateAsync({ phone: values.phone.trim(), currentPassword: values.currentPassword });
      setSentTo(values.phone.trim());
      setTicket(result.sandboxTicket);
      return result.resendAfter;
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
      // Too soon after the last code: the button counts down the wait the server named.
      const wait = error instanceof ApiError ? Number(error.problem.resendAfter ?? 0) : 0;
      if (wait > 0) return wait;
      throw error;
    }
  };

  const submit = async (values: Values) => {
    setRefusal(null);
    if (values.phone.trim() !== sentTo) {
      form.setFields([{ name: 'code', errors: ['请先向新号码发送验证码'] }]);
      return;
    }
    try {
      await change.mutateAsync({ phone: values.phone.trim(), code: values.code.trim() });
      message.success(currentPhone ? '手机号码已更换，原号码将收到变更通知短信' : '手机号码已登记');
      close();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal open={open} title={currentPhone ? '更换手机号码' : '登记手机号码'} onCancel={close} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} name="change-phone">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="手机号码用于短信登录和接收验证码。为确认是本人操作，请输入当前密码，并填写新号码收到的验证码。"
        />
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码，确认是本人操作' }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="phone" label="新手机号码" rules={[{ required: true, message: '请输入新手机号码' }, PHONE_RULE]}>
          <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
        </Form.Item>
        <Form.Item label="短信验证码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}>
              <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" aria-label="短信验证码" />
            </Form.Item>
            <SendCodeButton onSend={send} testId="send-phone-change-code" />
          </Space.Compact>
        </Form.Item>
        <SandboxSmsAlert ticket={ticket} />
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            确认更换
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
