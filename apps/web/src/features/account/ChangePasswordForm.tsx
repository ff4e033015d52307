import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { checkPasswordStrength, PASSWORD_PROBLEM_TEXT, PASSWORD_RULE_TEXT } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { useChangePassword } from './api/me';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the rule is checked as the user types; history (last 3) is checked by the server. */
export function ChangePasswordForm({ username, onChanged, oldLabel = '原密码' }: { username: string; onChanged?: () => void; oldLabel?: string }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    setRefusal(null);
    try {
      await change.mutateAsync({ oldPassword: values.oldPassword, newPassword: values.newPassword });
      form.resetFields();
      message.success('密码已修改，本账号在其他设备上的登录已失效');
      onChanged?.();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ maxWidth: 440 }} name="change-password">
      <Alert type="info" showIcon title={PASSWORD_RULE_TEXT + '，且不能与最近 3 次使用过的密码相同。'} style={{ marginBottom: 16 }} />
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form.Item name="oldPassword" label={oldLabel} rules={[{ required: true, message: `请输入${oldLabel}` }]}>
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: async (_, value: string) => {
              const problems = value ? checkPasswordStrength(value, username) : [];
              if (problems.length > 0) throw new Error(problems.map((p) => PASSWORD_PROBLEM_TEXT[p]).join('；'));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}
