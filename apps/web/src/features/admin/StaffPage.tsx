import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ROLE_LABELS, STAFF_ROLES, type AccountStatus, type StaffAccountView } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { ServerTable } from '../../components/ServerTable';
import { useListQuery } from '../../lib/use-list-query';
import { useRegions } from './api/regions';
import { useStaffList } from './api/staff';
import { CreateStaffModal } from './components/CreateStaffModal';
import { EditStaffModal } from './components/EditStaffModal';
import { StaffCard, staffColumns, STATUS_LABEL } from './components/StaffList';
import { TemporaryPasswordModal, type TemporarySecret } from './components/TemporaryPasswordModal';
import { useStaffActions } from './use-staff-actions';

const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const statusOptions = (Object.keys(STATUS_LABEL) as AccountStatus[]).map((status) => ({ value: status, label: STATUS_LABEL[status] }));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FILTERS = [
  { name: 'keyword', label: '关键字' },
  { name: 'role', label: '角色', accepts: (value: string) => (STAFF_ROLES as readonly string[]).includes(value) },
  { name: 'regionId', label: '所属', accepts: (value: string) => UUID.test(value) },
  { name: 'status', label: '状态', accepts: (value: string) => value in STATUS_LABEL },
] as const;

/** 人员账号: staff accounts of the city and its counties, filtered in the address and keyset-paged. */
export function StaffPage() {
  const query = useListQuery(FILTERS);
  const result = useStaffList(query.filter, query.pager.cursor);
  const regions = useRegions();
  const me = useSession()!.user;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffAccountView | null>(null);
  const [secret, setSecret] = useState<TemporarySecret | null>(null);
  const actions = { ...useStaffActions(setSecret), edit: setEditing };

  const regionOptions = useMemo(() => (regions.data ?? []).map((region) => ({ value: region.id, label: region.name })), [regions.data]);
  const countyOptions = useMemo(
    () => (regions.data ?? []).filter((region) => region.level === 'COUNTY').map((region) => ({ value: region.id, label: region.name })),
    [regions.data],
  );

  return (
    <PageShell
      title="人员账号"
      description="管理部门（市、区县人社局、组织部、财政局）及系统管理员、审计员账号"
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      <ServerTable
        label="人员账号列表"
        query={query}
        result={result}
        rowKey={(account) => account.id}
        columns={staffColumns(actions, me.id)}
        card={(account) => <StaffCard account={account} actions={actions} selfId={me.id} />}
        emptyText="没有符合条件的账号"
        filters={
          <>
            <Form.Item name="keyword" label="关键字">
              <Input placeholder="登录名或姓名" allowClear maxLength={64} />
            </Form.Item>
            <Form.Item name="role" label="角色">
              <Select allowClear options={roleOptions} placeholder="全部" style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item name="regionId" label="所属">
              <Select allowClear options={regionOptions} placeholder="全部" style={{ minWidth: 100 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={statusOptions} style={{ minWidth: 90 }} />
            </Form.Item>
          </>
        }
      />
      <CreateStaffModal
        open={creating}
        countyOptions={countyOptions}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => setSecret({ title: '账号已创建', username, password })}
      />
      <EditStaffModal account={editing} onClose={() => setEditing(null)} />
      <TemporaryPasswordModal secret={secret} onClose={() => setSecret(null)} />
    </PageShell>
  );
}
