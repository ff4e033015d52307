import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';

/** Keyset paging: a stack of cursors, so 上一页 returns exactly where the user was. */
export function useCursorStack() {
  const [stack, setStack] = useState<string[]>([]);
  const cursor = stack[stack.length - 1];
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { cursor, pageNumber: stack.length + 1, next, previous, reset, hasPrevious: stack.length > 0 };
}

export function CursorPager(props: { pageNumber: number; hasPrevious: boolean; nextCursor: string | null | undefined; onPrevious: () => void; onNext: (cursor: string) => void }) {
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
      <span>第 {props.pageNumber} 页</span>
      <Button onClick={props.onPrevious} disabled={!props.hasPrevious}>
        上一页
      </Button>
      <Button onClick={() => props.nextCursor && props.onNext(props.nextCursor)} disabled={!props.nextCursor}>
        下一页
      </Button>
    </Space>
  );
}
