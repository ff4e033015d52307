import { Button, Space, Typography } from 'antd';

/** 上一页 / 下一页 of a keyset-paged list, with the page number and how many rows match. */
export function CursorPager(props: {
  pageNumber: number;
  total: number | undefined;
  totalCapped: boolean | undefined;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  const total = props.total === undefined ? null : props.totalCapped ? `超过 ${props.total.toLocaleString('zh-CN')} 条` : `共 ${props.total.toLocaleString('zh-CN')} 条`;
  return (
    <nav className="cursor-pager" aria-label="分页">
      <Typography.Text type="secondary" data-testid="log-total">
        {total}
      </Typography.Text>
      <Space>
        <span aria-live="polite">第 {props.pageNumber} 页</span>
        <Button onClick={props.onPrevious} disabled={!props.hasPrevious}>
          上一页
        </Button>
        <Button onClick={() => props.nextCursor && props.onNext(props.nextCursor)} disabled={!props.nextCursor}>
          下一页
        </Button>
      </Space>
    </nav>
  );
}
