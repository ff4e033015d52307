import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText, showFieldErrors } from '../../../lib/form-errors';
import { useSaveSandboxRecord, type SandboxKind, type SandboxKinds } from '../api/sandbox';
import { SandboxFields } from './SandboxFields';

interface Props<K extends SandboxKind, V> {
  kind: K;
  title: string;
  open: boolean;
  /** 新增: an existing record under the same number is refused, never overwritten. */
  createOnly: boolean;
  initialValues: Partial<V>;
  /** The form's values as the PUT's key and body. */
  toRequest: (values: V) => { key: string; record: SandboxKinds[K]['request'] };
  onClose: () => void;
  /** The record's own fields; 模拟接口不可用 and 说明 follow. */
  children: (form: FormInstance<V>) => ReactNode;
}

/** 新增 / 编辑 of one sandbox record: the dialog, the save, and the API's refusals at their fields. */
export function SandboxRecordModal<K extends SandboxKind, V extends object>({ kind, title, open, createOnly, initialValues, toRequest, onClose, children }: Props<K, V>) {
  const [form] = Form.useForm<V>();
  const save = useSaveSandboxRecord(kind);
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const formId = `sandbox-${kind}`;

  const submit = async (values: V) => {
    setRefusal(null);
    try {
      await save.mutateAsync({ ...toRequest(values), createOnly });
      message.success('已保存');
      onClose();
    } catch (error) {
      setRefusal(showFieldErrors(form, error) ? '请按提示修改标红的内容' : errorText(error));
    }
  };

  return (
    <Modal title={title} open={open} onCancel={onClose} okText="保存" okButtonProps={{ htmlType: 'submit', form: formId }} confirmLoading={save.isPending} destroyOnHidden width={640}>
      {open && (
        <Form<V> form={form} layout="vertical" name={formId} initialValues={initialValues} onFinish={(values) => void submit(values)} scrollToFirstError>
          {children(form)}
          <SandboxFields />
          {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
        </Form>
      )}
    </Modal>
  );
}
