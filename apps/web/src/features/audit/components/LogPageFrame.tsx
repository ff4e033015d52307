import { SearchOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Form } from 'antd';
import type { ReactNode } from 'react';
import type { LogPage } from '@butie/contracts';
import { CursorPager } from '../../../components/CursorPager';
import { DateRangeField } from '../../../components/DateRangeField';
import { PageShell } from '../../../components/PageShell';
import type { LogKind } from '../api/export';
import type { useLogFilter } from '../filters';
import { ExportButton } from './ExportButton';
import { LogFilterProblems } from './LogFilterProblems';

interface Props<T, K extends string> {
  title: string;
  description: string;
  kind: LogKind;
  state: ReturnType<typeof useLogFilter<K>>;
  result: UseQueryResult<LogPage<T>>;
  /** The log's own filter fields; the date range and 查询 follow them. */
  filters: ReactNode;
  list: (items: T[] | undefined, loading: boolean) => ReactNode;
}

/** What both logs' pages are: filters kept in the address, the list, the pager and the export. */
export function LogPageFrame<T, K extends string>({ title, description, kind, state, result, filters, list }: Props<T, K>) {
  const [form] = Form.useForm();
  const { filter, ignored, initialValues, search, pager } = state;
  return (
    <PageShell title={title} description={description} extra={<ExportButton kind={kind} filter={filter} />}>
      <Card className="filter-card">
        {/* Keyed by the address, so that back and forward put the filters back into the form. */}
        <Form form={form} key={JSON.stringify(filter)} layout="inline" name={`${kind}-filter`} onFinish={search} initialValues={initialValues} className="filter-form">
          {filters}
          <Form.Item name="range" label="日期" className="filter-dates">
            <DateRangeField />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
            查询
          </Button>
        </Form>
      </Card>
      <LogFilterProblems form={form} ignored={ignored} error={result.error} />
      <Card className="list-card">
        {list(result.data?.items, result.isFetching)}
        <CursorPager
          pageNumber={pager.pageNumber}
          total={result.data?.total}
          totalCapped={result.data?.totalCapped}
          hasPrevious={pager.hasPrevious}
          nextCursor={result.data?.nextCursor}
          onPrevious={pager.previous}
          onNext={pager.next}
        />
      </Card>
    </PageShell>
  );
}
