import { Timeline, Typography } from 'antd';
import type { TrailEntryView } from '@butie/contracts';
import { formatDateTime } from '../lib/format';
import { StatusTag } from './StatusTag';

/**
 * 流程状态: each step of a record's history — the decision, who (role and name), when, the status it
 * led to, and the opinion when one was given. Oldest first, as the API sends it.
 */
export function Trail({ entries, statusLabels }: { entries: TrailEntryView[]; statusLabels: Record<string, string> }) {
  if (entries.length === 0) return <Typography.Text type="secondary">暂无流程记录</Typography.Text>;
  return (
    <Timeline
      className="trail"
      items={entries.map((entry, index) => ({
        key: index,
        color: entry.toStatus === 'RETURNED' || entry.toStatus === 'REJECTED' ? 'orange' : entry.toStatus === 'APPROVED' ? 'green' : 'blue',
        content: (
          <div className="trail-entry">
            <div>
              <Typography.Text strong>{entry.actionLabel}</Typography.Text>{' '}
              <StatusTag status={entry.toStatus} label={statusLabels[entry.toStatus] ?? entry.toStatus} />
            </div>
            <Typography.Text type="secondary">
              {formatDateTime(entry.at, 'minutes')} · {entry.actor.roleLabel} {entry.actor.name}
            </Typography.Text>
            {entry.opinion && <div className="trail-opinion">审核意见：{entry.opinion}</div>}
          </div>
        ),
      }))}
    />
  );
}
