import { Space, Tooltip, Typography, type TableColumnsType } from 'antd';
import { describeUserAgent, LOGIN_EVENT_KIND_LABELS, LOGIN_METHOD_LABELS, loginFailureLabel, ROLE_LABELS, type LoginEventView } from '@butie/contracts';
import { CardFields, ResponsiveList } from '../../../components/ResponsiveList';
import { StatusTag } from '../../../components/StatusTag';
import { DASH, formatDateTime } from '../../../lib/format';

function Result({ event }: { event: LoginEventView }) {
  return event.success ? (
    <StatusTag status="APPROVED" label="成功" />
  ) : (
    <Space size={4} wrap>
      <StatusTag status="REJECTED" label="失败" />
      <Typography.Text type="secondary">{loginFailureLabel(event.reason)}</Typography.Text>
    </Space>
  );
}

const kindOf = (event: LoginEventView) => [LOGIN_EVENT_KIND_LABELS[event.kind], event.method ? LOGIN_METHOD_LABELS[event.method] : null].filter(Boolean).join(' · ');

/** Browser and system in words, the header as sent on hover. */
function Browser({ userAgent }: { userAgent: string | null }) {
  const summary = describeUserAgent(userAgent);
  if (!summary) return <>{DASH}</>;
  return (
    <Tooltip title={userAgent}>
      <span className="user-agent">{summary.label}</span>
    </Tooltip>
  );
}

const columns: TableColumnsType<LoginEventView> = [
  { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '账号', dataIndex: 'username', width: 130, ellipsis: true, render: (v: string | null) => v ?? DASH },
  { title: '姓名', dataIndex: 'fullName', width: 80, ellipsis: true, render: (v: string | null) => v ?? DASH },
  { title: '角色', dataIndex: 'role', width: 100, render: (role: LoginEventView['role']) => (role ? ROLE_LABELS[role] : DASH) },
  { title: '结果', key: 'result', width: 140, render: (_, event) => <Result event={event} /> },
  { title: '类型', key: 'kind', width: 120, render: (_, event) => kindOf(event) },
  { title: 'IP', dataIndex: 'ip', width: 120, ellipsis: true, render: (v: string | null) => v ?? DASH },
  { title: '浏览器', dataIndex: 'userAgent', width: 150, render: (v: string | null) => <Browser userAgent={v} /> },
];

export function LoginEventList({ items, loading }: { items: LoginEventView[] | undefined; loading: boolean }) {
  return (
    <ResponsiveList<LoginEventView>
      label="登录日志"
      rowKey={(event) => event.id}
      items={items}
      loading={loading}
      columns={columns}
      emptyText="没有符合条件的记录"
      card={(event) => (
        <article aria-label={`${formatDateTime(event.at)} ${event.username ?? ''}`}>
          <div className="card-title">
            <Typography.Text strong>{formatDateTime(event.at)}</Typography.Text>
            <Result event={event} />
          </div>
          <CardFields
            fields={[
              ['账号', [event.username ?? DASH, event.fullName].filter(Boolean).join(' · ')],
              ['角色', event.role ? ROLE_LABELS[event.role] : DASH],
              ['类型', kindOf(event)],
              ['IP', event.ip ?? DASH],
              ['浏览器', <Browser key="browser" userAgent={event.userAgent} />],
            ]}
          />
        </article>
      )}
    />
  );
}
