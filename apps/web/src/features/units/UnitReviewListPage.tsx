import { Button, Form, Input, Select, Typography, type TableColumnsType } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { CardFields } from '../../components/ResponsiveList';
import { ServerTable } from '../../components/ServerTable';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { useListQuery } from '../../lib/use-list-query';
import { useUnitRegistrations } from './api/list-unit-registrations';
import type { UnitRegistrationListItem } from './api/types';

// Units register straight into review: no DRAFT here.
const STATUSES: RegistrationStatus[] = ['PENDING', 'RETURNED', 'APPROVED'];
const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: REGISTRATION_STATUS_LABELS[status] }));

const FILTERS = [
  { name: 'status', label: '审核状态', accepts: (value: string) => (STATUSES as string[]).includes(value) },
  { name: 'keyword', label: '关键字' },
] as const;

/** 单位注册审核: the units of the reviewer's county, filtered and keyset-paged by the API. */
export function UnitReviewListPage() {
  const query = useListQuery(FILTERS, { dateRange: true });
  const result = useUnitRegistrations(query.filter, query.pager.cursor);
  const location = useLocation();
  const navigate = useNavigate();
  // The detail page's 返回列表 comes back to this very page of this very search.
  const detail = (id: string) => ({ pathname: `/county/unit-registrations/${id}`, state: { list: location.pathname + location.search } });

  const columns: TableColumnsType<UnitRegistrationListItem> = [
    {
      title: '单位名称',
      dataIndex: 'name',
      width: 240,
      ellipsis: true,
      render: (name: string, item) => <Link to={detail(item.id).pathname} state={detail(item.id).state}>{name}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
    { title: '联系人', dataIndex: 'contactPerson', width: 100, ellipsis: true },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v, 'minutes') },
    { title: '审核状态', dataIndex: 'status', width: 100, render: (status: RegistrationStatus) => <StatusTag status={status} label={REGISTRATION_STATUS_LABELS[status]} /> },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, item) => (
        <Link to={detail(item.id).pathname} state={detail(item.id).state}>
          {item.status === 'PENDING' ? '审核' : '查看'}
        </Link>
      ),
    },
  ];

  return (
    <PageShell title="单位注册审核" description="本区县用人单位的注册申请：核对单位信息后审核通过，或填写意见退回">
      <ServerTable
        label="单位注册列表"
        query={query}
        result={result}
        rowKey={(item) => item.id}
        columns={columns}
        emptyText="暂无单位注册申请"
        dateLabel="提交日期"
        filters={
          <>
            <Form.Item name="status" label="审核状态">
              <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item name="keyword" label="关键字">
              <Input placeholder="单位名称或信用代码" allowClear maxLength={64} />
            </Form.Item>
          </>
        }
        card={(item) => (
          <article aria-label={`单位 ${item.name}`}>
            <div className="card-title">
              <Link to={detail(item.id).pathname} state={detail(item.id).state} className="card-title-link">
                <Typography.Text strong>{item.name}</Typography.Text>
              </Link>
              <StatusTag status={item.status} label={REGISTRATION_STATUS_LABELS[item.status]} />
            </div>
            <CardFields
              fields={[
                ['信用代码', item.creditCode],
                ['联系人', item.contactPerson],
                ['提交时间', formatDateTime(item.submittedAt, 'minutes')],
              ]}
            />
            <div className="card-actions">
              <Button size="small" type={item.status === 'PENDING' ? 'primary' : 'default'} onClick={() => void navigate(detail(item.id).pathname, { state: detail(item.id).state })}>
                {item.status === 'PENDING' ? '审核' : '查看'}
              </Button>
            </div>
          </article>
        )}
      />
    </PageShell>
  );
}
