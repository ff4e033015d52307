import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ADMIN_MANAGED_ROLES, COUNTY_ROLES, ROLE_LABELS } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../../lib/form-errors';
import { useAppInfo } from '../../../lib/app-info';
import { useCreateStaff, type NewStaff } from '../api/staff';
import { ContactFields } from './ContactFields';

const FORM_ID = 'create-staff';
const managedRoleOptions = ADMIN_MANAGED_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/**
 * 新建人员账号. The 创建 button submits the form (HTML `form` attribute), so a form that fails its
 * own checks simply shows them: no rejected promise escapes as it did through `onOk`.
 */
export function CreateStaffModal(props: {
  open: boolean;
  countyOptions: { value: string; label: string }[];
  onClose: () => void;
  onCreated: (username: string, password: string) => void;
}) {
  const [form] = Form.useForm<NewStaff>();
  const create = useCreateStaff();
  const [refusal, setRefusal] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const phoneRequired = useAppInfo().data?.staffSmsSecondFactor ?? false;

  const submit = async (values: NewStaff) => {
    setRefusal(null);
    try {
      const result = await create.mutateAsync({ ...values, phone: values.phone || undefined, email: values.email || undefined });
      form.resetFields();
      props.onClose();
      props.onCreated(result.account.username, result.temporaryPassword);
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal
      title="新建人员账号"
      open={props.open}
      onCancel={props.onClose}
      okText="创建"
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name={FORM_ID} onFinish={(values) => void submit(values)}>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="系统管理员、审计员账号随部署设置（三员分立）">
          <Select options={managedRoleOptions} placeholder="请选择" />
        </Form.Item>
        {role && COUNTY_ROLES.includes(role) && (
          <Form.Item name="regionId" label="所属区县" rules={[{ required: true, message: '请选择所属区县' }]}>
            <Select options={props.countyOptions} placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item
          name="username"
          label="登录名"
          rules={[
            { required: true, message: '请输入登录名' },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, message: '3–32 位字母、数字、下划线、点或连字符，以字母或数字开头' },
          ]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="fullName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <ContactFields
          phoneRequired={phoneRequired}
          phoneHint={phoneRequired ? '登录时向此号码发送短信验证码' : '开启短信二次验证时，管理部门账号必须登记手机号码'}
        />
      </Form>
    </Modal>
  );
}
