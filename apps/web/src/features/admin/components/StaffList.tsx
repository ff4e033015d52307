import { LockOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ADMIN_MANAGED_ROLES, ROLE_LABELS, type AccountStatus, type StaffAccountView } from '@butie/contracts';
import { CardFields } from '../../../components/ResponsiveList';
import { StatusTag } from '../../../components/StatusTag';
import { DASH, formatDateTime, formatShortTime } from '../../../lib/format';

export const STATUS_LABEL: Record<AccountStatus, string> = { ACTIVE: '启用', DISABLED: '停用' };

export interface StaffActions {
  edit: (account: StaffAccountView) => void;
  toggle: (account: StaffAccountView) => void;
  resetPassword: (account: StaffAccountView) => void;
  unlock: (account: StaffAccountView) => void;
}

/** Status, the sign-in lock with its end (and 解锁 where the administrator may), 待改密. */
function StaffStatus({ account, actions }: { account: StaffAccountView; actions: StaffActions }) {
  const managed = ADMIN_MANAGED_ROLES.includes(account.role);
  return (
    <Space size={4} wrap>
      <StatusTag status={account.status} label={STATUS_LABEL[account.status]} />
      {account.lockedUntil && (
        <Tag color="error" icon={<LockOutlined aria-hidden />} title={`连续登录失败，锁定至 ${formatDateTime(account.lockedUntil)}`}>
          锁定至 {formatShortTime(account.lockedUntil)}
        </Tag>
      )}
      {account.lockedUntil && managed && (
        <Button type="link" size="small" onClick={() => actions.unlock(account)}>
          解锁
        </Button>
      )}
      {account.mustChangePassword && <Typography.Text type="warning">待改密</Typography.Text>}
    </Space>
  );
}

function StaffButtons({ account, actions, selfId }: { account: StaffAccountView; actions: StaffActions; selfId: string }) {
  if (!ADMIN_MANAGED_ROLES.includes(account.role)) return <Typography.Text type="secondary">随部署设置</Typography.Text>;
  const active = account.status === 'ACTIVE';
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => actions.edit(account)}>
        编辑
      </Button>
      <Button type="link" size="small" danger={active} disabled={account.id === selfId} onClick={() => actions.toggle(account)}>
        {active ? '停用' : '启用'}
      </Button>
      <Button type="link" size="small" onClick={() => actions.resetPassword(account)}>
        重置密码
      </Button>
    </Space>
  );
}

/** 人员账号's columns (a table where they fit, 1366 px with the menu)… */
export function staffColumns(actions: StaffActions, selfId: string): TableColumnsType<StaffAccountView> {
  return [
    { title: '登录名', dataIndex: 'username', width: 140, ellipsis: true },
    { title: '姓名', dataIndex: 'fullName', width: 80, ellipsis: true },
    { title: '角色', dataIndex: 'role', width: 100, render: (role: StaffAccountView['role']) => ROLE_LABELS[role] },
    { title: '所属', key: 'region', width: 80, render: (_, a) => a.region?.name ?? DASH },
    { title: '手机号码', dataIndex: 'phoneMasked', width: 110, render: (v: string | null) => v ?? DASH },
    { title: '状态', key: 'status', width: 170, render: (_, account) => <StaffStatus account={account} actions={actions} /> },
    { title: '上次登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => formatDateTime(v, 'minutes') },
    { title: '操作', key: 'actions', width: 170, render: (_, account) => <StaffButtons account={account} actions={actions} selfId={selfId} /> },
  ];
}

/** …and one account as a card, on a phone. */
export function StaffCard({ account, actions, selfId }: { account: StaffAccountView; actions: StaffActions; selfId: string }) {
  return (
    <article aria-label={`账号 ${account.username}`}>
      <div className="card-title">
        <Typography.Text strong>{account.username}</Typography.Text>
        <span>{account.fullName}</span>
      </div>
      <CardFields
        fields={[
          ['角色', `${ROLE_LABELS[account.role]} · ${account.region?.name ?? DASH}`],
          ['状态', <StaffStatus key="status" account={account} actions={actions} />],
          ['手机号码', account.phoneMasked ?? DASH],
          ['上次登录', formatDateTime(account.lastLoginAt)],
        ]}
      />
      <div className="card-actions">
        <StaffButtons account={account} actions={actions} selfId={selfId} />
      </div>
    </article>
  );
}
