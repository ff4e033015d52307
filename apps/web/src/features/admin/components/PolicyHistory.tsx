import { Alert, Button, Empty, Skeleton, Tag, Typography } from 'antd';
import type { PolicyHistoryItem } from '@butie/contracts';
import { CursorPager } from '../../../components/CursorPager';
import { errorText } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useListQuery } from '../../../lib/use-list-query';
import { usePolicyHistory } from '../api/policy';

function HistoryEntry({ item }: { item: PolicyHistoryItem }) {
  return (
    <li className="policy-history-entry">
      <div className="policy-history-head">
        <Tag color="blue">第 {item.version} 版</Tag>
        <Typography.Text type="secondary">
          {formatDateTime(item.changedAt, 'minutes')} · {item.changedBy?.name ?? '系统初始'}
        </Typography.Text>
      </div>
      <Typography.Paragraph className="policy-history-note">{item.note}</Typography.Paragraph>
      {item.changes.length > 0 && (
        <dl className="policy-changes">
          {item.changes.map((change) => (
            <div key={change.field} className="policy-change">
              <dt>{change.label}</dt>
              <dd>
                <span className="policy-before">原：{change.before}</span>
                <span className="policy-after">新：{change.after}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/** 修改历史: every version, newest first, with who changed what from what to what and why. */
export function PolicyHistory() {
  const list = useListQuery([]);
  const page = usePolicyHistory(list.pager.cursor);
  if (page.isLoading) return <Skeleton active />;
  if (page.error || !page.data) {
    return <Alert type="error" showIcon title={`修改历史未能加载：${errorText(page.error)}`} action={<Button onClick={() => void page.refetch()}>重试</Button>} />;
  }
  return (
    <>
      {page.data.items.length === 0 ? (
        <Empty description="这一页没有记录" />
      ) : (
        <ol className="policy-history" aria-label="修改历史">
          {page.data.items.map((item) => (
            <HistoryEntry key={item.version} item={item} />
          ))}
        </ol>
      )}
      <CursorPager
        pageNumber={list.pager.pageNumber}
        total={undefined}
        totalCapped={undefined}
        hasPrevious={list.pager.hasPrevious}
        nextCursor={page.data.nextCursor}
        onPrevious={list.pager.previous}
        onNext={list.pager.next}
      />
    </>
  );
}
