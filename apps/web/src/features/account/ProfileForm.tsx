import { Alert, App, Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { maskPhone, ROLE_LABELS, type UserView } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { DASH, formatDateTime } from '../../lib/format';
import { useUpdateProfile } from './api/me';
import { EmailChangeDialog } from './EmailChangeDialog';
import { PhoneChangeDialog } from './PhoneChangeDialog';

/**
 * 账号管理 · 基本信息: the name is edited here; the phone and email, which could hand the account
 * to somebody else, each through a dialog that asks for the password (and a code, for a phone).
 */
export function ProfileForm({ user }: { user: UserView }) {
  const [form] = Form.useForm<{ fullName: string }>();
  const update = useUpdateProfile();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'phone' | 'email' | null>(null);
  const { message } = App.useApp();

  const submit = async (values: { fullName: string }) => {
    setRefusal(null);
    try {
      await update.mutateAsync({ fullName: values.fullName.trim() });
      message.success('已保存');
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[
          { key: 'username', label: '用户名', children: user.username },
          { key: 'role', label: '角色', children: ROLE_LABELS[user.role] },
          { key: 'org', label: '所属', children: user.unit?.name ?? user.region?.name ?? DASH },
          {
            key: 'previous',
            label: '上次登录',
            children: user.previousLogin ? `${formatDateTime(user.previousLogin.at)}（${user.previousLogin.ip ?? DASH}）` : '首次登录',
          },
          {
            key: 'phone',
            label: '手机号码',
            children: (
              <Space wrap size={4}>
                <span data-testid="my-phone">{maskPhone(user.phone) ?? '未登记'}</span>
                <Button type="link" size="small" onClick={() => setDialog('phone')}>
                  {user.phone ? '更换' : '登记'}
                </Button>
              </Space>
            ),
          },
          {
            key: 'email',
            label: '电子邮箱',
            children: (
              <Space wrap size={4}>
                <span data-testid="my-email">{user.email ?? '未登记'}</span>
                <Button type="link" size="small" onClick={() => setDialog('email')}>
                  修改
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ maxWidth: 440 }} name="profile" initialValues={{ fullName: user.fullName }}>
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
        <Form.Item name="fullName" label="用户姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 64, message: '姓名不能超过 64 个字' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
      </Form>
      <PhoneChangeDialog open={dialog === 'phone'} currentPhone={user.phone} onClose={() => setDialog(null)} />
      <EmailChangeDialog open={dialog === 'email'} currentEmail={user.email} onClose={() => setDialog(null)} />
    </>
  );
}
