import { Form, Input, Select } from 'antd';
import { useLoginEvents } from './api/logs';
import { LogPageFrame } from './components/LogPageFrame';
import { LoginEventList } from './components/LoginEventList';
import { useLogFilter } from './filters';

const RESULT_OPTIONS = [
  { value: 'true', label: '成功' },
  { value: 'false', label: '失败' },
];

/** 登录日志: every sign-in attempt and sign-out, newest first; read-only by design. */
export function LoginEventsPage() {
  const state = useLogFilter([
    { name: 'username', label: '账号' },
    { name: 'success', label: '结果', accepts: (value) => value === 'true' || value === 'false' },
  ]);
  return (
    <LogPageFrame
      title="登录日志"
      description="记录每次登录尝试与注销：时间、账号、IP、浏览器和结果。日志只可查阅，任何人不能修改或删除。"
      kind="login-events"
      state={state}
      result={useLoginEvents(state.filter, state.pager.cursor)}
      filters={
        <>
          <Form.Item name="username" label="账号">
            <Input placeholder="登录名或手机号" allowClear />
          </Form.Item>
          <Form.Item name="success" label="结果">
            <Select allowClear placeholder="全部" options={RESULT_OPTIONS} />
          </Form.Item>
        </>
      }
      list={(items, loading) => <LoginEventList items={items} loading={loading} />}
    />
  );
}
