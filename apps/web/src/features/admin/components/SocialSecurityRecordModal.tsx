import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Switch, Typography, type FormInstance } from 'antd';
import { PENSION_STATUS_LABELS, PENSION_STATUSES, type SandboxSocialSecurityRequest, type SandboxSocialSecurityView } from '@butie/contracts';
import { MonthField } from '../../../components/MonthField';
import { SandboxRecordModal } from './SandboxRecordModal';

type Values = SandboxSocialSecurityRequest & { idNumber: string };

const EMPTY: Values = {
  idNumber: '',
  name: '',
  insured: true,
  status: 'NORMAL',
  earliestMonth: null,
  contributions: [],
  bankName: null,
  bankAccount: null,
  unavailable: false,
  caseNote: '',
};

const empty = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** What is sent: a record that is not insured has no status, months or earliest month. */
const toRequest = ({ idNumber, ...values }: Values) => ({
  key: idNumber.trim().toUpperCase(),
  record: {
    ...values,
    status: values.insured ? values.status : null,
    earliestMonth: values.insured ? values.earliestMonth : null,
    contributions: values.insured ? (values.contributions ?? []) : [],
    bankName: empty(values.bankName),
    bankAccount: empty(values.bankAccount),
    caseNote: values.caseNote?.trim() ?? '',
  },
});

/** 新增 or 编辑 one sandbox social-security record; `record` null: closed, 'new': an empty one. */
export function SocialSecurityRecordModal({ record, onClose }: { record: SandboxSocialSecurityView | 'new' | null; onClose: () => void }) {
  const editing = record !== null && record !== 'new';
  return (
    <SandboxRecordModal<'social-security', Values>
      kind="social-security"
      title={editing ? `编辑社保记录 ${record.idNumber}` : '新增社保记录'}
      open={record !== null}
      createOnly={!editing}
      initialValues={editing ? record : EMPTY}
      onClose={onClose}
      toRequest={toRequest}
    >
      {(form) => <RecordFields form={form} editing={editing} />}
    </SandboxRecordModal>
  );
}

function RecordFields({ form, editing }: { form: FormInstance<Values>; editing: boolean }) {
  const insured = Form.useWatch('insured', form);
  return (
    <>
      <div className="sandbox-form-grid">
        <Form.Item name="idNumber" label="证件号码" rules={[{ required: true, pattern: /^[0-9A-Za-z]{6,18}$/, message: '请输入 6–18 位字母或数字' }]}>
          <Input disabled={editing} maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="insured" label="参加企业职工基本养老保险" valuePropName="checked">
          <Switch checkedChildren="已参保" unCheckedChildren="未参保" />
        </Form.Item>
        {insured && (
          <>
            <Form.Item name="status" label="参保状态" rules={[{ required: true, message: '请选择参保状态' }]}>
              <Select options={PENSION_STATUSES.map((value) => ({ value, label: PENSION_STATUS_LABELS[value] }))} />
            </Form.Item>
            <Form.Item name="earliestMonth" label="最早缴费年月" rules={[{ required: true, message: '请选择最早缴费年月' }]}>
              <MonthField />
            </Form.Item>
          </>
        )}
      </div>
      {insured && (
        <Form.List name="contributions">
          {(rows, { add, remove }) => (
            <fieldset className="sandbox-periods">
              <legend>缴费期间</legend>
              <Typography.Paragraph type="secondary">首尾月份均已缴费；期间之外的月份为未缴费</Typography.Paragraph>
              {rows.map((row, index) => (
                <div key={row.key} className="sandbox-period">
                  <Form.Item name={[row.name, 'from']} label={`第 ${index + 1} 段 起`} rules={[{ required: true, message: '请选择起始年月' }]}>
                    <MonthField allowClear={false} aria-label={`第 ${index + 1} 段 起始年月`} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'to']} label="至" rules={[{ required: true, message: '请选择终止年月' }]}>
                    <MonthField allowClear={false} aria-label={`第 ${index + 1} 段 终止年月`} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(row.name)} aria-label={`删除第 ${index + 1} 段`} className="sandbox-period-remove" />
                </div>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ from: null, to: null })}>
                添加缴费期间
              </Button>
            </fieldset>
          )}
        </Form.List>
      )}
      <div className="sandbox-form-grid">
        <Form.Item name="bankName" label="社保卡开户银行">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="bankAccount" label="社保卡银行账号" rules={[{ pattern: /^\d{8,32}$/, message: '银行账号须为 8–32 位数字' }]}>
          <Input inputMode="numeric" maxLength={32} autoComplete="off" />
        </Form.Item>
      </div>
    </>
  );
}
