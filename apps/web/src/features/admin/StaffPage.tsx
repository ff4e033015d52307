import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Pagination, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ROLE_LABELS, STAFF_ROLES, type AccountStatus, type Role, type StaffAccountView } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { errorText } from '../../lib/form-errors';
import { useRegions } from './api/regions';
import { useStaffList, type StaffQuery } from './api/staff';
import { CreateStaffModal } from './components/CreateStaffModal';
import { EditStaffModal } from './components/EditStaffModal';
import { StaffList, STATUS_LABEL } from './components/StaffList';
import { TemporaryPasswordModal, type TemporarySecret } from './components/TemporaryPasswordModal';
import { useStaffActions } from './use-staff-actions';

const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const statusOptions = (Object.keys(STATUS_LABEL) as AccountStatus[]).map((status) => ({ value: status, label: STATUS_LABEL[status] }));
const PAGE_SIZES = [20, 50, 100];

/** Filters and page live in the URL so that a filtered list can be reloaded, bookmarked and shared. */
function useStaffQuery(): [StaffQuery, (changes: Partial<StaffQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize'));
  const query: StaffQuery = {
    role: STAFF_ROLES.includes(params.get('role') as Role) ? (params.get('role') as Role) : undefined,
    regionId: params.get('regionId') || undefined,
    status: params.get('status') === 'ACTIVE' || params.get('status') === 'DISABLED' ? (params.get('status') as AccountStatus) : undefined,
    keyword: params.get('keyword') || undefined,
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
  const update = (changes: Partial<StaffQuery>) => {
    const next = { ...query, ...changes };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '') search.set(key, String(value));
    setParams(search);
  };
  return [query, update];
}

/** 人员账号: staff accounts of the city and its counties. */
export function StaffPage() {
  const [query, setQuery] = useStaffQuery();
  const list = useStaffList(query);
  const regions = useRegions();
  const me = useSession()!.user;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffAccountView | null>(null);
  const [secret, setSecret] = useState<TemporarySecret | null>(null);
  const actions = useStaffActions(setSecret);

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
      <Card className="filter-card">
        <Form layout="inline" name="staff-filter" initialValues={query} onFinish={(values: Partial<StaffQuery>) => setQuery({ ...values, page: 1 })} className="filter-form">
          <Form.Item name="keyword" label="关键字">
            <Input placeholder="登录名或姓名" allowClear />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select allowClear options={roleOptions} placeholder="全部" />
          </Form.Item>
          <Form.Item name="regionId" label="所属">
            <Select allowClear options={regionOptions} placeholder="全部" />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={statusOptions} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
            查询
          </Button>
        </Form>
      </Card>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} className="page-alert" />}
      <Card className="list-card">
        <StaffList items={list.data?.items} loading={list.isFetching} selfId={me.id} actions={{ ...actions, edit: setEditing }} />
        <Pagination
          className="list-pagination"
          current={query.page}
          pageSize={query.pageSize}
          total={list.data?.total ?? 0}
          showSizeChanger
          pageSizeOptions={PAGE_SIZES}
          showTotal={(total) => `共 ${total} 个账号`}
          onChange={(page, pageSize) => setQuery({ page: pageSize === query.pageSize ? page : 1, pageSize })}
          hideOnSinglePage={false}
          responsive
        />
      </Card>
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
