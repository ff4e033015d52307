import { Form, Input, Select } from 'antd';
import { OPERATION_ACTIONS } from '@butie/contracts';
import { useOperationLogs } from './api/logs';
import { LogPageFrame } from './components/LogPageFrame';
import { OperationLogList } from './components/OperationLogList';
import { useLogFilter } from './filters';

const actionOptions = Object.entries(OPERATION_ACTIONS).map(([value, label]) => ({ value, label }));

/** 操作日志: who changed what, newest first; read-only by design. */
export function OperationLogsPage() {
  const state = useLogFilter([
    { name: 'actor', label: '操作人' },
    { name: 'action', label: '操作', accepts: (value) => value in OPERATION_ACTIONS },
  ]);
  return (
    <LogPageFrame
      title="操作日志"
      description="记录账号、区县等数据的每次变更：时间、操作人、操作内容和来源 IP。日志只可查阅，任何人不能修改或删除。"
      kind="operation-logs"
      state={state}
      result={useOperationLogs(state.filter, state.pager.cursor)}
      filters={
        <>
          <Form.Item name="actor" label="操作人">
            <Input placeholder="登录名" allowClear />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select allowClear placeholder="全部" options={actionOptions} />
          </Form.Item>
        </>
      }
      list={(items, loading) => <OperationLogList items={items} loading={loading} />}
    />
  );
}
