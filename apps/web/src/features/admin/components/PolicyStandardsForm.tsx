import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import {
  checkSubsidyPolicy,
  EDUCATION_LABELS,
  EDUCATIONS,
  fenToYuanText,
  parseYuan,
  type Education,
  type PolicyVersionView,
  type SubsidyStandard,
} from '@butie/contracts';
import { MonthField } from '../../../components/MonthField';
import { clearFieldErrors, placeFieldErrors } from '../../../lib/form-errors';
import { useChangeStandards } from '../api/policy';
import { PolicyFormFooter } from './PolicyFormFooter';
import { usePolicySave } from './use-policy-save';

interface StandardRow {
  education: Education;
  validFrom: string | null;
  validTo: string | null;
  monthlyYuan: string;
}

interface Values {
  standards: StandardRow[];
  note: string;
}

const rowOf = (s: SubsidyStandard): StandardRow => ({ education: s.education, validFrom: s.validFrom, validTo: s.validTo, monthlyYuan: fenToYuanText(s.monthlyFen) });

/** 本科, 硕士, 博士, each by its periods: the order the page shows and the form edits them in. */
export const sortStandards = (standards: readonly SubsidyStandard[]) =>
  [...standards].sort((a, b) => EDUCATIONS.indexOf(a.education) - EDUCATIONS.indexOf(b.education) || (a.validFrom < b.validFrom ? -1 : 1));

/** Where the API's field names differ from the form's: the amount is typed in 元, sent in fen. */
const fieldOf = (rows: readonly unknown[]) => Object.fromEntries(rows.map((_, i) => [`standards.${i}.monthlyFen`, `standards.${i}.monthlyYuan`]));

/**
 * 补贴标准 being edited: every period of every education, sent as the new whole list. The same
 * check the API makes (no overlap, no gap, the last period open) runs first and marks the fields.
 */
export function PolicyStandardsForm({ current, onDone }: { current: PolicyVersionView; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangeStandards();
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = usePolicySave(form, onDone, setRefusal);

  const onFinish = (values: Values) => {
    setRefusal(null);
    clearFieldErrors(form);
    const standards = values.standards.map((row) => ({
      education: row.education,
      validFrom: row.validFrom ?? '',
      validTo: row.validTo ?? null,
      monthlyFen: parseYuan(row.monthlyYuan) ?? Number.NaN,
    }));
    const problems = checkSubsidyPolicy({ ...current.policy, standards });
    if (problems.length) {
      if (!placeFieldErrors(form, problems, fieldOf(standards))) setRefusal(problems.map((p) => p.message).join('；'));
      else setRefusal(problems.filter((p) => p.field === 'standards').map((p) => p.message).join('；') || '请按提示修改标红的内容');
      return;
    }
    void save(() => change.mutateAsync({ baseVersion: current.version, note: values.note.trim(), standards }), fieldOf(standards));
  };

  return (
    <Form form={form} layout="vertical" name="policy-standards" initialValues={{ standards: sortStandards(current.policy.standards).map(rowOf), note: '' }} onFinish={onFinish} scrollToFirstError>
      <Form.List name="standards">
        {(rows, { add, remove }) => (
          <div className="policy-rows">
            {rows.map((row, index) => (
              <fieldset key={row.key} className="policy-row" aria-label={`第 ${index + 1} 段标准`}>
                <Form.Item name={[row.name, 'education']} label="学历" rules={[{ required: true, message: '请选择学历' }]}>
                  <Select options={EDUCATIONS.map((value) => ({ value, label: EDUCATION_LABELS[value] }))} aria-label={`第 ${index + 1} 段 学历`} />
                </Form.Item>
                <Form.Item name={[row.name, 'validFrom']} label="起始年月" rules={[{ required: true, message: '请选择起始年月' }]}>
                  <MonthField aria-label={`第 ${index + 1} 段 起始年月`} />
                </Form.Item>
                <Form.Item name={[row.name, 'validTo']} label="终止年月" extra="不填为长期有效">
                  <MonthField placeholder="长期有效" aria-label={`第 ${index + 1} 段 终止年月`} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'monthlyYuan']}
                  label="每月标准（元）"
                  rules={[
                    { required: true, message: '请填写每月标准' },
                    { validator: async (_, value: string | undefined) => (value && parseYuan(value) === null ? Promise.reject(new Error('请填写金额，最多两位小数')) : undefined) },
                  ]}
                >
                  <Input inputMode="decimal" aria-label={`第 ${index + 1} 段 每月标准（元）`} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(row.name)} className="policy-row-remove" aria-label={`删除第 ${index + 1} 段标准`}>
                  删除
                </Button>
              </fieldset>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ education: 'BACHELOR', validFrom: null, validTo: null, monthlyYuan: '' })}>
              添加一段标准
            </Button>
          </div>
        )}
      </Form.List>
      <PolicyFormFooter refusal={refusal} saving={change.isPending} onCancel={onDone} />
    </Form>
  );
}
