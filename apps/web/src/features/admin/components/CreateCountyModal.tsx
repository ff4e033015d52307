import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorText, showFieldErrors } from '../../../lib/form-errors';
import { useCreateCounty } from '../api/regions';

const FORM_ID = 'create-county';

/** 新建区县 (with its virtual unit). 新建 submits the form, so failed checks show without a rejected promise. */
export function CreateCountyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ code: string; name: string }>();
  const create = useCreateCounty();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async (values: { code: string; name: string }) => {
    setRefusal(null);
    try {
      const county = await create.mutateAsync(values);
      message.success(`已新建 ${county.name} 及其虚拟单位`);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal title="新建区县" open={open} onCancel={onClose} okText="新建" okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={create.isPending} destroyOnHidden>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name={FORM_ID} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="code"
          label="区县代码"
          extra="2–16 位小写字母或数字，以字母开头，如 dongcheng"
          rules={[{ required: true, message: '请输入区县代码' }, { pattern: /^[a-z][a-z0-9]{1,15}$/, message: '须为 2–16 位小写字母或数字，以字母开头' }]}
        >
          <Input maxLength={16} placeholder="如 xinqu" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="区县名称" rules={[{ required: true, whitespace: true, message: '请输入区县名称' }, { min: 2, max: 32, message: '2–32 个字' }]}>
          <Input maxLength={32} placeholder="如 新区" autoComplete="off" />
        </Form.Item>
        <Alert type="info" showIcon title="新建区县时将同时创建该区县的虚拟单位（已审核通过）。" />
      </Form>
    </Modal>
  );
}
