import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Table, Tooltip } from 'antd';
import { LOGIN_PORTAL_LABELS, portalOf, ROLE_LABELS, type LoginEventView } from '@butie/contracts';
import { CursorPager } from '../../components/CursorPager';
import { PageShell } from '../../components/PageShell';
import { StatusTag } from '../../components/StatusTag';
import { errorText } from '../../lib/form-errors';
import { DASH, formatDateTime } from '../../lib/format';
import { useLoginEvents, type LoginEventFilter } from './api/logs';
import { useLogFilter } from './filters';

const KIND_LABEL: Record<LoginEventView['kind'], string> = { LOGIN: '登录', LOGOUT: '注销', REFRESH_REUSE: '凭证重复使用', MFA_CHALLENGE: '短信二次验证' };
const METHOD_LABEL: Record<NonNullable<LoginEventView['method']>, string> = { PASSWORD: '密码', SMS: '短信', PASSWORD_SMS: '密码+短信' };
const REASON_LABEL: Record<string, string> = {
  WRONG_PASSWORD: '密码错误',
  UNKNOWN_USERNAME: '用户名不存在',
  ACCOUNT_LOCKED: '账号已锁定',
  ACCOUNT_DISABLED: '账号已停用',
  WRONG_PORTAL: '登录入口不符',
  SMS_CODE_INVALID: '验证码错误',
  SMS_CODE_EXPIRED: '验证码过期',
  SMS_CODE_TOO_MANY_TRIES: '验证码错误次数过多',
  UNKNOWN_PHONE: '手机号未注册',
  MFA_PHONE_MISSING: '未登记手机号',
  REFRESH_TOKEN_REUSED: '刷新令牌被重复使用',
  STAFF_PASSWORD_REQUIRED: '管理部门须密码+短信登录',
};

/** 登录日志: every sign-in attempt and sign-out, newest first; read-only by design. */
export function LoginEventsPage() {
  const { filter, pager, search, initialValues } = useLogFilter<LoginEventFilter & Record<string, string | undefined>>(['username', 'success']);
  const events = useLoginEvents(filter, pager.cursor);

  return (
    <PageShell title="登录日志" description="记录每次登录尝试与注销：时间、账号、IP、浏览器和结果。日志只可查阅，任何人不能修改或删除。">
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          name="login-event-filter"
          onFinish={search}
          style={{ rowGap: 12 }}
          initialValues={initialValues}
        >
          <Form.Item name="username" label="账号">
            <Input placeholder="登录名或手机号" allowClear style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="success" label="结果">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 100 }}
              options={[
                { value: 'true', label: '成功' },
                { value: 'false', label: '失败' },
              ]}
            />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form>
      </Card>
      {events.error && <Alert type="error" showIcon title={errorText(events.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<LoginEventView>
          rowKey="id"
          size="middle"
          loading={events.isFetching}
          dataSource={events.data?.items}
          pagination={false}
          scroll={{ x: 1200 }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
            { title: '账号', dataIndex: 'username', width: 140, render: (v: string | null) => v ?? DASH },
            { title: '姓名', dataIndex: 'fullName', width: 90, render: (v: string | null) => v ?? DASH },
            {
              title: '结果',
              key: 'result',
              width: 170,
              render: (_, e) =>
                e.success ? <StatusTag status="APPROVED" label="成功" /> : <StatusTag status="REJECTED" label={`失败：${REASON_LABEL[e.reason ?? ''] ?? e.reason ?? ''}`} />,
            },
            { title: '类型', dataIndex: 'kind', width: 110, render: (kind: LoginEventView['kind']) => KIND_LABEL[kind] },
            { title: '方式', dataIndex: 'method', width: 90, render: (m: LoginEventView['method']) => (m ? METHOD_LABEL[m] : DASH) },
            {
              title: '角色',
              dataIndex: 'role',
              width: 110,
              render: (role: LoginEventView['role']) => (role ? <Tooltip title={LOGIN_PORTAL_LABELS[portalOf(role)]}>{ROLE_LABELS[role]}</Tooltip> : DASH),
            },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? DASH },
            {
              title: '浏览器',
              dataIndex: 'userAgent',
              width: 220,
              ellipsis: { showTitle: false },
              render: (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : DASH),
            },
          ]}
        />
        <CursorPager pageNumber={pager.pageNumber} hasPrevious={pager.hasPrevious} nextCursor={events.data?.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
      </Card>
    </PageShell>
  );
}
