import { Typography, type TableColumnsType } from 'antd';
import { OPERATION_ACTIONS, ROLE_LABELS, type OperationAction, type OperationLogView } from '@butie/contracts';
import { CardFields, ResponsiveList } from '../../../components/ResponsiveList';
import { DASH, formatDateTime } from '../../../lib/format';

const actionLabel = (action: string) => OPERATION_ACTIONS[action as OperationAction] ?? action;

const columns: TableColumnsType<OperationLogView> = [
  { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
  { title: '操作人', dataIndex: 'actorUsername', width: 120, ellipsis: true, render: (v: string | null) => v ?? DASH },
  { title: '角色', dataIndex: 'actorRole', width: 100, render: (r: OperationLogView['actorRole']) => (r ? ROLE_LABELS[r] : DASH) },
  { title: '操作', dataIndex: 'action', width: 120, render: actionLabel },
  { title: '内容', dataIndex: 'summary', width: 360 },
  { title: 'IP', dataIndex: 'ip', width: 120, ellipsis: true, render: (v: string | null) => v ?? DASH },
];

export function OperationLogList({ items, loading }: { items: OperationLogView[] | undefined; loading: boolean }) {
  return (
    <ResponsiveList<OperationLogView>
      label="操作日志"
      rowKey={(log) => log.id}
      items={items}
      loading={loading}
      columns={columns}
      emptyText="没有符合条件的记录"
      card={(log) => (
        <article aria-label={`${formatDateTime(log.at)} ${actionLabel(log.action)}`}>
          <div className="card-title">
            <Typography.Text strong>{actionLabel(log.action)}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(log.at)}</Typography.Text>
          </div>
          <Typography.Paragraph className="card-summary">{log.summary}</Typography.Paragraph>
          <CardFields
            fields={[
              ['操作人', [log.actorUsername ?? DASH, log.actorRole ? ROLE_LABELS[log.actorRole] : null].filter(Boolean).join(' · ')],
              ['IP', log.ip ?? DASH],
            ]}
          />
        </article>
      )}
    />
  );
}
