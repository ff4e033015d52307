import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Table } from 'antd';
import { OPERATION_ACTIONS, ROLE_LABELS, type OperationAction, type OperationLogView } from '@butie/contracts';
import { CursorPager } from '../../components/CursorPager';
import { PageShell } from '../../components/PageShell';
import { errorText } from '../../lib/form-errors';
import { DASH, formatDateTime } from '../../lib/format';
import { useOperationLogs, type OperationFilter } from './api/logs';
import { useLogFilter } from './filters';

const actionOptions = Object.entries(OPERATION_ACTIONS).map(([value, label]) => ({ value, label }));

/** 操作日志: who changed what, newest first; read-only by design. */
export function OperationLogsPage() {
  const { filter, pager, search, initialValues } = useLogFilter<OperationFilter & Record<string, string | undefined>>(['actor', 'action']);
  const logs = useOperationLogs(filter, pager.cursor);

  return (
    <PageShell title="操作日志" description="记录账号、区县等数据的每次变更：时间、操作人、操作内容和来源 IP。日志只可查阅，任何人不能修改或删除。">
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          name="operation-filter"
          onFinish={search}
          style={{ rowGap: 12 }}
          initialValues={initialValues}
        >
          <Form.Item name="actor" label="操作人">
            <Input placeholder="登录名" allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select allowClear placeholder="全部" options={actionOptions} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form>
      </Card>
      {logs.error && <Alert type="error" showIcon title={errorText(logs.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<OperationLogView>
          rowKey="id"
          size="middle"
          loading={logs.isFetching}
          dataSource={logs.data?.items}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
            { title: '操作人', dataIndex: 'actorUsername', width: 140, render: (v: string | null) => v ?? DASH },
            { title: '角色', dataIndex: 'actorRole', width: 110, render: (r: OperationLogView['actorRole']) => (r ? ROLE_LABELS[r] : DASH) },
            { title: '操作', dataIndex: 'action', width: 130, render: (a: string) => OPERATION_ACTIONS[a as OperationAction] ?? a },
            { title: '内容', dataIndex: 'summary' },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? DASH },
          ]}
        />
        <CursorPager pageNumber={pager.pageNumber} hasPrevious={pager.hasPrevious} nextCursor={logs.data?.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
      </Card>
    </PageShell>
  );
}
