import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { StaffAccountView } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../../lib/form-errors';
import { useAppInfo } from '../../../lib/app-info';
import { useUpdateStaff } from '../api/staff';
import { ContactFields } from './ContactFields';

const FORM_ID = 'edit-staff';

/** 编辑账号: name and contact. The phone is shown masked, so it is only replaced, never prefilled. */
export function EditStaffModal({ account, onClose }: { account: StaffAccountView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ fullName: string; phone?: string; email?: string }>();
  const update = useUpdateStaff();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();
  const secondFactor = useAppInfo().data?.staffSmsSecondFactor ?? false;

  const submit = async (values: { fullName: string; phone?: string; email?: string }) => {
    if (!account) return;
    setRefusal(null);
    try {
      await update.mutateAsync({ id: account.id, fullName: values.fullName, email: values.email || null, ...(values.phone ? { phone: values.phone } : {}) });
      message.success('已保存');
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal
      title={account ? `编辑账号 ${account.username}` : ''}
      open={!!account}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      {account && (
        <Form form={form} layout="vertical" name={FORM_ID} onFinish={(values) => void submit(values)} initialValues={{ fullName: account.fullName, email: account.email ?? '' }}>
          <Form.Item name="fullName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <ContactFields
            // An account without a phone cannot sign in while the second factor is on: ask for one.
            phoneRequired={secondFactor && !account.phoneMasked}
            phoneHint={account.phoneMasked ? `当前：${account.phoneMasked}；不修改请留空` : '当前未登记'}
          />
        </Form>
      )}
    </Modal>
  );
}
