import { Alert, App, Button, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type UserView } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { PHONE_RULE } from '../../lib/form-rules';
import { DASH, formatDateTime } from '../../lib/format';
import { useUpdateProfile, type ProfileInput } from './api/me';

/** 账号管理 · 基本信息: name, phone and email; username and role are shown, not edited. */
export function ProfileForm({ user }: { user: UserView }) {
  const [form] = Form.useForm<ProfileInput>();
  const update = useUpdateProfile();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async (values: ProfileInput) => {
    setRefusal(null);
    try {
      await update.mutateAsync({ fullName: values.fullName.trim(), phone: values.phone?.trim() || null, email: values.email?.trim() || null });
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
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 440 }}
        name="profile"
        initialValues={{ fullName: user.fullName, phone: user.phone ?? '', email: user.email ?? '' }}
      >
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
        <Form.Item name="fullName" label="用户姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 64, message: '姓名不能超过 64 个字' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" rules={[PHONE_RULE]} extra="用于短信登录和接收验证码">
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
          <Input maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
      </Form>
    </>
  );
}
