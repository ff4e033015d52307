import { Form, InputNumber } from 'antd';
import { useState } from 'react';
import { checkSubsidyPolicy, EDUCATION_LABELS, EDUCATIONS, POLICY_LIMITS, type ChangeParametersRequest, type PolicyVersionView } from '@butie/contracts';
import { MonthField } from '../../../components/MonthField';
import { clearFieldErrors, placeFieldErrors } from '../../../lib/form-errors';
import { useChangeParameters } from '../api/policy';
import { PolicyFormFooter } from './PolicyFormFooter';
import { usePolicySave } from './use-policy-save';

type Values = Omit<ChangeParametersRequest, 'baseVersion'>;

// No min/max on the inputs: InputNumber would clamp a typo silently; the shared check names the range.
const count = (name: 'contractYears' | 'maxMonths' | 'publicityWorkingDays', label: string, unit: string) => {
  const [min, max] = POLICY_LIMITS[name];
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]} extra={`${min} 至 ${max} ${unit}`}>
      <InputNumber suffix={unit} style={{ width: '100%' }} />
    </Form.Item>
  );
};

/** Everything of the policy but the standards: cut-offs, contract years, months, shares, notice days. */
export function PolicyParametersForm({ current, onDone }: { current: PolicyVersionView; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangeParameters();
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = usePolicySave(form, onDone, setRefusal);
  const { standards, ...parameters } = current.policy;

  const onFinish = (values: Values) => {
    setRefusal(null);
    clearFieldErrors(form);
    const problems = checkSubsidyPolicy({ ...values, standards });
    if (problems.length) {
      if (!placeFieldErrors(form, problems)) setRefusal(problems.map((p) => p.message).join('；'));
      return;
    }
    void save(() => change.mutateAsync({ ...values, note: values.note.trim(), baseVersion: current.version }));
  };

  return (
    <Form form={form} layout="vertical" name="policy-parameters" initialValues={{ ...parameters, note: '' }} onFinish={onFinish} scrollToFirstError>
      <div className="policy-grid">
        {EDUCATIONS.map((education) => (
          <Form.Item
            key={`from-${education}`}
            name={['earliestContributionFrom', education]}
            label={`${EDUCATION_LABELS[education]}最早缴费年月不早于`}
            rules={[{ required: true, message: '请选择年月' }]}
          >
            <MonthField allowClear={false} />
          </Form.Item>
        ))}
        {EDUCATIONS.map((education) => (
          <Form.Item
            key={`share-${education}`}
            name={['citySharePercent', education]}
            label={`${EDUCATION_LABELS[education]}市级承担比例`}
            rules={[{ required: true, message: '请填写比例' }]}
            extra="其余由县区承担"
          >
            <InputNumber suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        ))}
        {count('contractYears', '劳动合同年限', '年')}
        {count('maxMonths', '每人最多补贴月数', '个月')}
        {count('publicityWorkingDays', '公示工作日数', '个工作日')}
      </div>
      <PolicyFormFooter refusal={refusal} saving={change.isPending} onCancel={onDone} />
    </Form>
  );
}
