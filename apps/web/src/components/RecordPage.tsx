import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { errorText } from '../lib/form-errors';
import { PageShell } from './PageShell';

interface Props<T> {
  /** The page's title while the record loads or cannot be shown, e.g. 人员注册详情. */
  title: string;
  /** The way back to the list it was opened from. */
  back: { to: string; label: string };
  /** The record's query (a 404 means: not there, or not in this user's scope — the same to them). */
  query: UseQueryResult<T>;
  /** What a 404 says: what was not found, and where it would have had to belong. */
  missing: { title: string; subTitle: string };
  /** The page once the record is there: its own title, description and actions, and its body. */
  children: (record: T) => { title: string; description?: ReactNode; extra?: ReactNode; body: ReactNode };
}

/**
 * A detail page of one record: a skeleton while it loads, the same 「未找到」 for a record that does
 * not exist and one outside the user's scope, an error with 重试 otherwise, then the record.
 */
export function RecordPage<T>({ title, back, query, missing, children }: Props<T>) {
  if (query.isLoading) {
    return (
      <PageShell title={title} back={back}>
        <Card>
          <Skeleton active />
        </Card>
      </PageShell>
    );
  }
  if (!query.data) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <PageShell title={title} back={back}>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? missing.title : `${title}未能加载`}
          subTitle={notFound ? missing.subTitle : errorText(query.error)}
          extra={!notFound && <Button onClick={() => void query.refetch()}>重试</Button>}
        />
      </PageShell>
    );
  }
  const page = children(query.data);
  return (
    <PageShell title={page.title} description={page.description} back={back} extra={page.extra}>
      {page.body}
    </PageShell>
  );
}
