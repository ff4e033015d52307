import { Button, Card, Empty, Result, Skeleton } from 'antd';
import { errorText } from '../../lib/form-errors';
import { usePersonWorkHistories } from './api/person-work-histories';
import { WorkHistoryCard } from './WorkHistoryCard';

interface Props {
  personId: string;
  /** The unit the person is registered under, to mark the entry at it. */
  registeredUnitId: string;
}

/**
 * A person's work history as their reviewers read it (domain §5.2: their unit and their county's
 * staff): every entry with its contract term and files, nothing to change.
 */
export function PersonWorkHistory({ personId, registeredUnitId }: Props) {
  const list = usePersonWorkHistories(personId);
  const items = list.data?.items;
  return (
    <Card title={<h2 className="card-heading">工作经历{items ? `（${items.length}）` : ''}</h2>} data-testid="person-work-history">
      {list.isLoading ? (
        <Skeleton active />
      ) : list.error || !items ? (
        <Result status="error" title="工作经历未能加载" subTitle={errorText(list.error)} extra={<Button onClick={() => void list.refetch()}>重试</Button>} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本人尚未登记工作经历" />
      ) : (
        <div className="detail-stack">
          {items.map((entry) => (
            <WorkHistoryCard key={entry.id} entry={entry} registeredUnitId={registeredUnitId} />
          ))}
        </div>
      )}
    </Card>
  );
}
