import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Space } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { Page } from '@butie/contracts';
import { ApiError } from '../lib/api-client';
import { errorText, showFieldErrors } from '../lib/form-errors';
import type { ListQuery } from '../lib/use-list-query';
import { CursorPager } from './CursorPager';
import { DateRangeField } from './DateRangeField';
import { ResponsiveList, type ResponsiveListProps } from './ResponsiveList';

interface Props<T, K extends string> extends Pick<ResponsiveListProps<T>, 'label' | 'rowKey' | 'columns' | 'card'> {
  /** From useListQuery: filters and position in the address. */
  query: ListQuery<K>;
  /** The list's query hook's result for `query.filter` and `query.pager.cursor` (with `total` where the API counts). */
  result: UseQueryResult<Page<T> & { total?: number; totalCapped?: boolean }>;
  /** Form.Items named after the filter keys; the date range (when `dateLabel` is given) and 查询 follow. */
  filters?: ReactNode;
  /** Label of the `from`/`to` date filter, e.g. 提交日期; leave out for a list without one. */
  dateLabel?: string;
  /** What an empty list means, e.g. 暂无待审核的单位注册. */
  emptyText: string;
}

/**
 * A server-paged list as every business page shows one (ProTable's habits without ProTable): filters
 * kept in the address, a keyset pager (上一页 / 下一页 over the API's `{items, nextCursor}`), a table
 * where it fits and cards on a phone, an empty state that says why, and the API's refusal with 重试.
 */
export function ServerTable<T, K extends string>({ query, result, filters, dateLabel, emptyText, ...list }: Props<T, K>) {
  const [form] = Form.useForm();
  const { filter, filtered, ignored, initialValues, search, reset, pager } = query;
  const error = result.error;

  useEffect(() => {
    // A refused filter (e.g. a date range that ends before it starts) is marked on its field.
    // Date filters may be named from/to or <what>From/<what>To by the API.
    if (!(error instanceof ApiError)) return;
    const end = error.fields.find((f) => /(^t|T)o$/.test(f.field));
    const start = error.fields.find((f) => /(^f|F)rom$/.test(f.field));
    showFieldErrors(form, error, end ? { [end.field]: 'range' } : start ? { [start.field]: 'range' } : {});
  }, [form, error]);

  return (
    <>
      {(filters || dateLabel) && (
        <Card className="filter-card">
          {/* Keyed by the address, so that back and forward put the filters back into the form. */}
          <Form form={form} key={JSON.stringify(filter)} layout="inline" onFinish={search} initialValues={initialValues} className="filter-form">
            {filters}
            {dateLabel && (
              <Form.Item name="range" label={dateLabel} className="filter-dates">
                <DateRangeField />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                查询
              </Button>
              <Button onClick={reset}>重置</Button>
            </Space>
          </Form>
        </Card>
      )}
      {ignored.length > 0 && <Alert type="warning" showIcon className="page-alert" title={`地址中的${ignored.join('、')}无效，已忽略`} data-testid="ignored-filters" />}
      {!!error && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          title={errorText(error)}
          data-testid="list-error"
          action={
            <Space>
              {pager.hasPrevious && (
                <Button size="small" onClick={pager.first}>
                  回到第一页
                </Button>
              )}
              <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={() => void result.refetch()}>
                重试
              </Button>
            </Space>
          }
        />
      )}
      <Card className="list-card">
        <ResponsiveList<T>
          {...list}
          items={error ? [] : result.data?.items}
          loading={result.isFetching}
          emptyText={error ? '列表未能加载' : filtered ? `${emptyText}，可调整筛选条件后再查询` : emptyText}
        />
        <CursorPager
          pageNumber={pager.pageNumber}
          total={error ? undefined : result.data?.total}
          totalCapped={result.data?.totalCapped}
          hasPrevious={pager.hasPrevious}
          nextCursor={result.data?.nextCursor}
          onPrevious={pager.previous}
          onNext={pager.next}
        />
      </Card>
    </>
  );
}

