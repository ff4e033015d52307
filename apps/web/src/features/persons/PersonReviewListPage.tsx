import { Button, Form, Input, Select, Typography, type TableColumnsType } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { REGISTRATION_STATUS_LABELS, type PersonRegistrationListItem, type RegistrationStatus } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { CardFields } from '../../components/ResponsiveList';
import { ServerTable } from '../../components/ServerTable';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { useListQuery } from '../../lib/use-list-query';
import { usePersonRegistrations } from './api/list-person-registrations';

// Drafts are the person's own until 注册并上报: the unit's queue starts at PENDING.
const STATUSES: RegistrationStatus[] = ['PENDING', 'RETURNED', 'APPROVED'];
const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: REGISTRATION_STATUS_LABELS[status] }));

const FILTERS = [
  { name: 'status', label: '审核状态', accepts: (value: string) => (STATUSES as string[]).includes(value) },
  { name: 'keyword', label: '姓名' },
] as const;

/** 人员注册审核: the graduates who registered under this unit, filtered and keyset-paged by the API. */
export function PersonReviewListPage() {
  const query = useListQuery(FILTERS, { dateRange: true });
  const result = usePersonRegistrations(query.filter, query.pager.cursor);
  const location = useLocation();
  const navigate = useNavigate();
  // The detail page's 返回列表 comes back to this very page of this very search.
  const detail = (id: string) => ({ pathname: `/unit/registrations/${id}`, state: { list: location.pathname + location.search } });
  const action = (item: PersonRegistrationListItem) => (item.status === 'PENDING' ? '审核' : '查看');

  const columns: TableColumnsType<PersonRegistrationListItem> = [
    {
      title: '姓名',
      dataIndex: 'fullName',
      width: 110,
      ellipsis: true,
      render: (name: string, item) => (
        <Link to={detail(item.id).pathname} state={detail(item.id).state}>
          {name}
        </Link>
      ),
    },
    { title: '证件号码', dataIndex: 'idNumberMasked', width: 190, render: (value: string, item) => <span title={item.idTypeLabel}>{value}</span> },
    { title: '学历', dataIndex: 'educationLabel', width: 100 },
    { title: '毕业院校', dataIndex: 'school', width: 160, ellipsis: true },
    { title: '手机号码', dataIndex: 'phoneMasked', width: 120 },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v, 'minutes') },
    { title: '审核状态', dataIndex: 'status', width: 100, render: (status: RegistrationStatus) => <StatusTag status={status} label={REGISTRATION_STATUS_LABELS[status]} /> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, item) => (
        <Link to={detail(item.id).pathname} state={detail(item.id).state} aria-label={`${action(item)} ${item.fullName}`}>
          {action(item)}
        </Link>
      ),
    },
  ];

  return (
    <PageShell title="人员注册审核" description="在本单位名下注册的毕业生：核对注册信息和证明材料后审核通过，或填写意见退回">
      <ServerTable
        label="人员注册列表"
        query={query}
        result={result}
        rowKey={(item) => item.id}
        columns={columns}
        emptyText="暂无人员注册申请"
        dateLabel="提交日期"
        filters={
          <>
            <Form.Item name="status" label="审核状态">
              <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item name="keyword" label="姓名">
              <Input placeholder="姓名" allowClear maxLength={64} />
            </Form.Item>
          </>
        }
        card={(item) => (
          <article aria-label={`人员 ${item.fullName}`}>
            <div className="card-title">
              <Link to={detail(item.id).pathname} state={detail(item.id).state} className="card-title-link">
                <Typography.Text strong>{item.fullName}</Typography.Text>
              </Link>
              <StatusTag status={item.status} label={REGISTRATION_STATUS_LABELS[item.status]} />
            </div>
            <CardFields
              fields={[
                ['证件号码', item.idNumberMasked],
                ['学历', `${item.educationLabel} · ${item.school}`],
                ['提交时间', formatDateTime(item.submittedAt, 'minutes')],
              ]}
            />
            <div className="card-actions">
              <Button size="small" type={item.status === 'PENDING' ? 'primary' : 'default'} onClick={() => void navigate(detail(item.id).pathname, { state: detail(item.id).state })}>
                {action(item)}
              </Button>
            </div>
          </article>
        )}
      />
    </PageShell>
  );
}
