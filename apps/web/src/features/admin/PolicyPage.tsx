import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Table } from 'antd';
import { useState } from 'react';
import { EDUCATION_LABELS, EDUCATIONS, formatFen, type Education, type PolicyVersionView, type SubsidyStandard } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { errorText } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { useCurrentPolicy } from './api/policy';
import { PolicyHistory } from './components/PolicyHistory';
import { PolicyParametersForm } from './components/PolicyParametersForm';
import { PolicyStandardsForm, sortStandards } from './components/PolicyStandardsForm';
import './policy.css';

type Editing = 'standards' | 'parameters' | null;

function StandardsTable({ standards }: { standards: readonly SubsidyStandard[] }) {
  return (
    <Table<SubsidyStandard>
      size="small"
      pagination={false}
      rowKey={(s) => `${s.education}-${s.validFrom}`}
      dataSource={sortStandards(standards)}
      columns={[
        { title: '学历', key: 'education', render: (_, s) => EDUCATION_LABELS[s.education] },
        { title: '有效期', key: 'period', render: (_, s) => (s.validTo ? `${s.validFrom} 至 ${s.validTo}` : `${s.validFrom} 起长期有效`) },
        { title: '每月标准', key: 'amount', align: 'right', render: (_, s) => formatFen(s.monthlyFen) },
      ]}
    />
  );
}

function ParametersList({ current }: { current: PolicyVersionView }) {
  const p = current.policy;
  return (
    <>
      <Table<Education>
        size="small"
        pagination={false}
        rowKey={(e) => e}
        dataSource={[...EDUCATIONS]}
        className="policy-by-education"
        columns={[
          { title: '学历', key: 'education', render: (_, e) => EDUCATION_LABELS[e] },
          { title: '最早缴费年月不早于', key: 'from', render: (_, e) => p.earliestContributionFrom[e] },
          { title: '市级承担', key: 'city', align: 'right', render: (_, e) => `${p.citySharePercent[e]}%` },
          { title: '县区承担', key: 'county', align: 'right', render: (_, e) => `${100 - p.citySharePercent[e]}%` },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 3 }}
        items={[
          { key: 'contractYears', label: '劳动合同年限', children: `不少于 ${p.contractYears} 年` },
          { key: 'maxMonths', label: '每人最多补贴月数', children: `${p.maxMonths} 个月` },
          { key: 'publicityWorkingDays', label: '公示工作日数', children: `${p.publicityWorkingDays} 个工作日` },
        ]}
      />
    </>
  );
}

/**
 * 政策参数 (ADMIN): the numbers every application is computed with. A change saves a whole new
 * version; applications already submitted keep the version they were computed with.
 */
export function PolicyPage() {
  const current = useCurrentPolicy();
  const [editing, setEditing] = useState<Editing>(null);
  const v = current.data;
  const editButton = (what: Exclude<Editing, null>, label: string) =>
    editing === null && (
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(what)}>
        {label}
      </Button>
    );

  return (
    <PageShell
      title="政策参数"
      description={
        v &&
        `当前为第 ${v.version} 版（${formatDateTime(v.changedAt, 'minutes')} ${v.changedBy ? `由${v.changedBy.name}修改` : '系统初始'}）；修改后保存为新版本，已提交的申报仍按提交时的版本计算`
      }
    >
      {current.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : current.error || !v ? (
        <Result status="error" title="政策参数未能加载" subTitle={errorText(current.error)} extra={<Button onClick={() => void current.refetch()}>重试</Button>} />
      ) : (
        <div className="detail-stack">
          <Card title={<h2 className="card-heading">补贴标准</h2>} extra={editButton('standards', '修改补贴标准')}>
            {editing === 'standards' ? <PolicyStandardsForm current={v} onDone={() => setEditing(null)} /> : <StandardsTable standards={v.policy.standards} />}
          </Card>
          <Card title={<h2 className="card-heading">申报规则与资金分担</h2>} extra={editButton('parameters', '修改参数')}>
            {editing === 'parameters' ? <PolicyParametersForm current={v} onDone={() => setEditing(null)} /> : <ParametersList current={v} />}
          </Card>
          <Card title={<h2 className="card-heading">修改历史</h2>}>
            <PolicyHistory />
          </Card>
        </div>
      )}
    </PageShell>
  );
}
