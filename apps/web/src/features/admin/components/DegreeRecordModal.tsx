import { Form, Input, Select } from 'antd';
import { EDUCATION_LABELS, EDUCATIONS, type SandboxDegreeRequest, type SandboxDegreeView } from '@butie/contracts';
import { DayField, notInFuture } from '../../../components/DayField';
import { SandboxRecordModal } from './SandboxRecordModal';

type Values = SandboxDegreeRequest & { certificateNumber: string };

const EMPTY: Partial<Values> = { education: 'BACHELOR', unavailable: false, caseNote: '' };

/** 新增 or 编辑 one sandbox certificate record; `record` null: closed, 'new': an empty one. */
export function DegreeRecordModal({ record, onClose }: { record: SandboxDegreeView | 'new' | null; onClose: () => void }) {
  const editing = record !== null && record !== 'new';
  return (
    <SandboxRecordModal<'degrees', Values>
      kind="degrees"
      title={editing ? `编辑学历记录 ${record.certificateNumber}` : '新增学历记录'}
      open={record !== null}
      createOnly={!editing}
      initialValues={editing ? record : EMPTY}
      onClose={onClose}
      toRequest={({ certificateNumber, ...values }) => ({
        key: certificateNumber.trim(),
        record: { ...values, idNumber: values.idNumber.trim().toUpperCase(), caseNote: values.caseNote?.trim() ?? '' },
      })}
    >
      {() => (
        <div className="sandbox-form-grid">
          <Form.Item name="certificateNumber" label="学历证书编号" rules={[{ required: true, pattern: /^[0-9A-Za-z]{6,32}$/, message: '请输入 6–32 位字母或数字' }]}>
            <Input disabled={editing} maxLength={32} autoComplete="off" />
          </Form.Item>
          <Form.Item name="idNumber" label="证件号码" rules={[{ required: true, pattern: /^[0-9A-Za-z]{6,18}$/, message: '请输入 6–18 位字母或数字' }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="education" label="学历" rules={[{ required: true, message: '请选择学历' }]}>
            <Select options={EDUCATIONS.map((value) => ({ value, label: EDUCATION_LABELS[value] }))} />
          </Form.Item>
          <Form.Item name="school" label="毕业院校" rules={[{ required: true, whitespace: true, message: '请输入毕业院校' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="major" label="专业" rules={[{ required: true, whitespace: true, message: '请输入专业' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="graduationDate" label="毕业日期" rules={[{ required: true, message: '请选择毕业日期' }]}>
            <DayField disabledDate={notInFuture} />
          </Form.Item>
        </div>
      )}
    </SandboxRecordModal>
  );
}
