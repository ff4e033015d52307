import { Empty, Spin, Table, type TableColumnsType } from 'antd';
import { useLayoutEffect, useRef, useState, type Key, type ReactNode, type RefObject } from 'react';

export interface ResponsiveListProps<T> {
  /** What the list is, for screen readers (the table region and the card list are named by it). */
  label: string;
  rowKey: (item: T) => Key;
  items: T[] | undefined;
  loading: boolean;
  /** The table's columns; their widths add up to the narrowest width the table is shown at. */
  columns: TableColumnsType<T>;
  /** One item as a card, for widths where the table's columns would not fit. */
  card: (item: T) => ReactNode;
  emptyText?: string;
}

/**
 * A list that stays usable at any width: a table where its columns fit, cards where they would
 * not (a phone, a narrow window, the drawer layout of a tablet), never a table scrolled sideways
 * behind fixed columns. The choice follows the list's own width, not the window's.
 */
export function ResponsiveList<T>({ label, rowKey, items, loading, columns, card, emptyText = '暂无数据' }: ResponsiveListProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const width = useOwnWidth(box);
  const tableWidth = columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 120), 0);
  const asCards = width !== null && width < tableWidth;

  return (
    <div ref={box}>
      {width === null ? null : asCards ? (
        <Spin spinning={loading}>
          {items && items.length > 0 ? (
            <ul className="card-list" aria-label={label}>
              {items.map((item) => (
                <li key={rowKey(item)} className="card-list-item">
                  {card(item)}
                </li>
              ))}
            </ul>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
          )}
        </Spin>
      ) : (
        // Focusable and named, so that a keyboard can scroll it should it ever be wider than its box.
        <div className="table-region" role="region" aria-label={label} tabIndex={0}>
          <Table<T>
            rowKey={rowKey}
            size="middle"
            tableLayout="fixed"
            loading={loading}
            dataSource={items}
            columns={columns}
            pagination={false}
            // The default empty text is in the faint disabled grey (1.8:1).
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
          />
        </div>
      )}
    </div>
  );
}

function useOwnWidth(ref: RefObject<HTMLDivElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The label–value lines of a card. */
export function CardFields({ fields }: { fields: [string, ReactNode][] }) {
  return (
    <dl className="card-fields">
      {fields.map(([label, value]) => (
        <div key={label} className="card-field">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
