import { Card, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { DashboardQueueKey, DashboardQueueView } from '@butie/contracts';

/** Where each queue is worked, opened on what waits. */
const QUEUE_PAGES: Record<DashboardQueueKey, string> = {
  'unit-registrations': '/county/unit-registrations?status=PENDING',
  'person-registrations': '/unit/registrations?status=PENDING',
};

/** How long the oldest item has waited, in the words people use (今天 / N 天). */
function waited(since: string | null): string {
  if (!since) return '暂无待办';
  const days = dayjs().startOf('day').diff(dayjs(since).startOf('day'), 'day');
  return days <= 0 ? '最早一件今天提交' : `最早一件已等待 ${days} 天`;
}

/** 待办事项: each queue with its count and the oldest item's wait; one click opens the queue. */
export function TodoBoard({ queues }: { queues: DashboardQueueView[] }) {
  return (
    <Card title={<h2 className="card-heading">待办事项</h2>} data-testid="todo-board">
      <Row gutter={[12, 12]}>
        {queues.map((queue) => (
          <Col key={queue.key} xs={24} sm={12} xl={8}>
            <Link to={QUEUE_PAGES[queue.key]} className={`todo-tile${queue.count > 0 ? ' todo-tile-waiting' : ''}`} data-testid={`todo-${queue.key}`}>
              <span className="todo-label">{queue.label}</span>
              <span className="todo-count" aria-label={`${queue.count} 件`}>
                {queue.count}
                <small> 件</small>
              </span>
              <Typography.Text type="secondary" className="todo-wait">
                {waited(queue.oldestSince)}
              </Typography.Text>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
