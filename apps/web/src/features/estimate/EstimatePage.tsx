import { Alert, Button, Card, Descriptions, Form, Radio } from 'antd';
import { EDUCATION_LABELS, EDUCATIONS, formatFen, type Education } from '@butie/contracts';
import { MonthField } from '../../components/MonthField';
import { QuoteTable } from '../../components/QuoteTable';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { useEstimate } from './api/estimate';
import './estimate.css';
import { InlineLink } from '../../components/InlineLink';

interface Values {
  education: Education;
  from: string;
  to: string;
}

/**
 * 补贴测算 (no sign-in): education and a month range → the standard of every month and the
 * total, so that a graduate knows what to expect before registering. Nothing personal is asked.
 */
export function EstimatePage() {
  const [form] = Form.useForm<Values>();
  const estimate = useEstimate();
  const quote = estimate.data;

  const onFinish = (values: Values) => {
    estimate.mutate(values, { onError: (error) => showFieldErrors(form, error) });
  };

  return (
    <div className="estimate-stack">
      <Card className="public-card">
        <p className="estimate-intro">
          按当前政策的补贴标准测算，按每月都正常缴纳企业职工基本养老保险计算；实际金额以申报时社保系统的缴费记录为准，未缴费的月份不发放。
        </p>
        {/* A changed question clears the old answer: a result always belongs to the fields shown. */}
        <Form form={form} layout="vertical" name="estimate" initialValues={{ education: 'BACHELOR' }} onFinish={onFinish} onValuesChange={() => estimate.reset()} requiredMark={false}>
          <Form.Item name="education" label="学历">
            <Radio.Group optionType="button" options={EDUCATIONS.map((value) => ({ value, label: EDUCATION_LABELS[value] }))} />
          </Form.Item>
          <div className="estimate-months">
            <Form.Item name="from" label="补贴起始年月" rules={[{ required: true, message: '请选择起始年月' }]}>
              <MonthField aria-label="补贴起始年月" />
            </Form.Item>
            <Form.Item name="to" label="补贴终止年月" rules={[{ required: true, message: '请选择终止年月' }]}>
              <MonthField aria-label="补贴终止年月" />
            </Form.Item>
          </div>
          {estimate.error && !form.getFieldsError().some((field) => field.errors.length) && <Alert type="error" showIcon title={errorText(estimate.error)} className="form-alert" role="alert" />}
          <Button type="primary" htmlType="submit" loading={estimate.isPending}>
            测算
          </Button>
        </Form>
      </Card>
      {quote && (
        <Card className="public-card" title={<h2 className="card-heading">测算结果</h2>} data-testid="estimate-result">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'education', label: '学历', children: EDUCATION_LABELS[quote.education] },
              { key: 'months', label: '补贴月数', children: `${quote.appliedMonths} 个月（${quote.from} 至 ${quote.to}）` },
              { key: 'total', label: '补贴金额', children: <strong>{formatFen(quote.payableFen)}</strong> },
              { key: 'city', label: '其中市级承担', children: formatFen(quote.cityShareFen) },
              { key: 'county', label: '其中县区承担', children: formatFen(quote.countyShareFen) },
            ]}
          />
          <QuoteTable quote={quote} showContribution={false} />
          <p className="estimate-next">
            符合条件的毕业生请先<InlineLink to="/register/person">个人注册</InlineLink>，由所在单位审核通过后在线申报。
          </p>
        </Card>
      )}
    </div>
  );
}
