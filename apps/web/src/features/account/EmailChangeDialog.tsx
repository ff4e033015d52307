import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { useChangeEmail } from './api/me';

interface Values {
  email: string;
  currentPassword: string;
}

/** 修改电子邮箱: confirmed with the current password; an empty address removes it. */
export function EmailChangeDialog({ open, currentEmail, onClose }: { open: boolean; currentEmail: string | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangeEmail();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    setRefusal(null);
    onClose();
  };

  const submit = async (values: Values) => {
    setRefusal(null);
    try {
      const email = values.email?.trim() || null;
      await change.mutateAsync({ email, currentPassword: values.currentPassword });
      message.success(email ? '电子邮箱已修改' : '已删除登记的电子邮箱');
      close();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal open={open} title="修改电子邮箱" onCancel={close} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} name="change-email" initialValues={{ email: currentEmail ?? '' }}>
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
        <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]} extra="留空表示不再登记电子邮箱">
          <Input maxLength={128} autoComplete="email" />
        </Form.Item>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码，确认是本人操作' }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            保存
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
