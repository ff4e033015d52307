import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ADMIN_MANAGED_ROLES, COUNTY_ROLES, ROLE_LABELS, STAFF_ROLES, type AccountStatus, type Role, type StaffAccountView } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { StatusTag } from '../../components/StatusTag';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { PHONE_RULE } from '../../lib/form-rules';
import { DASH, formatDateTime } from '../../lib/format';
import { useRegions } from './api/regions';
import { useCreateStaff, useResetStaffPassword, useStaffList, useUpdateStaff, type NewStaff, type StaffQuery } from './api/staff';

const STATUS_LABEL: Record<AccountStatus, string> = { ACTIVE: '启用', DISABLED: '停用' };
const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const managedRoleOptions = ADMIN_MANAGED_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Filters live in the URL so that a filtered list can be reloaded, bookmarked and shared. */
function useStaffQuery(): [StaffQuery, (changes: Partial<StaffQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query: StaffQuery = {
    role: (params.get('role') as Role) || undefined,
    regionId: params.get('regionId') || undefined,
    status: (params.get('status') as AccountStatus) || undefined,
    keyword: params.get('keyword') || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
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
  const [secret, setSecret] = useState<{ title: string; username: string; password: string } | null>(null);
  const update = useUpdateStaff();
  const reset = useResetStaffPassword();
  const { modal, message } = App.useApp();

  const regionOptions = useMemo(
    () => (regions.data ?? []).map((region) => ({ value: region.id, label: region.name })),
    [regions.data],
  );

  const toggle = (account: StaffAccountView) => {
    const disabling = account.status === 'ACTIVE';
    modal.confirm({
      title: disabling ? `停用账号 ${account.username}？` : `启用账号 ${account.username}？`,
      content: disabling ? `停用后「${account.fullName}」将立即退出登录，且不能再登录，直到重新启用。` : `启用后「${account.fullName}」可以重新登录。`,
      okText: disabling ? '停用' : '启用',
      okButtonProps: { danger: disabling },
      onOk: async () => {
        try {
          await update.mutateAsync({ id: account.id, status: disabling ? 'DISABLED' : 'ACTIVE' });
          message.success(disabling ? '已停用' : '已启用');
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  };

  const resetPassword = (account: StaffAccountView) => {
    modal.confirm({
      title: `重置 ${account.username} 的密码？`,
      content: '将生成一次性密码；该账号现有的登录立即失效，登录后须修改密码。',
      okText: '重置密码',
      onOk: async () => {
        try {
          const result = await reset.mutateAsync(account.id);
          setSecret({ title: '密码已重置', username: account.username, password: result.temporaryPassword });
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  };

  return (
    <PageShell
      title="人员账号"
      description="管理部门（市、区县人社局、组织部、财政局）及系统管理员、审计员账号"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          name="staff-filter"
          initialValues={query}
          onFinish={(values: Partial<StaffQuery>) => setQuery({ ...values, page: 1 })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="keyword" label="关键字">
            <Input placeholder="登录名或姓名" allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select allowClear options={roleOptions} placeholder="全部" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="regionId" label="所属">
            <Select allowClear options={regionOptions} placeholder="全部" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={[
                { value: 'ACTIVE', label: '启用' },
                { value: 'DISABLED', label: '停用' },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form>
      </Card>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<StaffAccountView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1150 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: (page, pageSize) => setQuery({ page, pageSize }),
          }}
          columns={[
            { title: '登录名', dataIndex: 'username', width: 170, fixed: 'left' },
            { title: '姓名', dataIndex: 'fullName', width: 100 },
            { title: '角色', dataIndex: 'role', width: 120, render: (role: Role) => ROLE_LABELS[role] },
            { title: '所属', key: 'region', width: 100, render: (_, a) => a.region?.name ?? DASH },
            { title: '手机号码', dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? DASH },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (status: AccountStatus, a) => (
                <Space size={4}>
                  <StatusTag status={status} label={STATUS_LABEL[status]} />
                  {a.mustChangePassword && <Typography.Text type="warning">待改密</Typography.Text>}
                </Space>
              ),
            },
            { title: '上次登录', dataIndex: 'lastLoginAt', width: 180, render: formatDateTime },
            {
              title: '操作',
              key: 'actions',
              width: 200,
              fixed: 'right',
              render: (_, account) =>
                !ADMIN_MANAGED_ROLES.includes(account.role) ? (
                  <Typography.Text type="secondary">随部署设置</Typography.Text>
                ) : (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(account)}>
                    编辑
                  </Button>
                  <Button type="link" size="small" danger={account.status === 'ACTIVE'} disabled={account.id === me.id} onClick={() => toggle(account)}>
                    {account.status === 'ACTIVE' ? '停用' : '启用'}
                  </Button>
                  <Button type="link" size="small" onClick={() => resetPassword(account)}>
                    重置密码
                  </Button>
                </Space>
                ),
            },
          ]}
        />
      </Card>
      <CreateStaffModal
        open={creating}
        regionOptions={regionOptions.filter((o) => regions.data?.find((r) => r.id === o.value)?.level === 'COUNTY')}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => setSecret({ title: '账号已创建', username, password })}
      />
      <EditStaffModal account={editing} onClose={() => setEditing(null)} />
      <Modal open={!!secret} title={secret?.title} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="我已记下">
        {secret && (
          <>
            <Typography.Paragraph>
              账号 <Typography.Text strong>{secret.username}</Typography.Text> 的一次性密码：
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text code copyable data-testid="temporary-password" style={{ fontSize: 18 }}>
                {secret.password}
              </Typography.Text>
            </Typography.Paragraph>
            <Alert type="warning" showIcon title="此密码只显示这一次。请当面或通过安全渠道交给本人；首次登录时须修改密码。" />
          </>
        )}
      </Modal>
    </PageShell>
  );
}

function CreateStaffModal(props: { open: boolean; regionOptions: { value: string; label: string }[]; onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const [form] = Form.useForm<NewStaff>();
  const create = useCreateStaff();
  const [refusal, setRefusal] = useState<string | null>(null);
  const role = Form.useWatch('role', form);

  const submit = async () => {
    const values = await form.validateFields();
    setRefusal(null);
    try {
      const result = await create.mutateAsync({ ...values, phone: values.phone || undefined, email: values.email || undefined });
      form.resetFields();
      props.onClose();
      props.onCreated(result.account.username, result.temporaryPassword);
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal title="新建人员账号" open={props.open} onOk={submit} onCancel={props.onClose} okText="创建" confirmLoading={create.isPending} destroyOnHidden>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="create-staff">
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="系统管理员、审计员账号随部署设置（三员分立）">
          <Select options={managedRoleOptions} placeholder="请选择" />
        </Form.Item>
        {role && COUNTY_ROLES.includes(role) && (
          <Form.Item name="regionId" label="所属区县" rules={[{ required: true, message: '请选择所属区县' }]}>
            <Select options={props.regionOptions} placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item
          name="username"
          label="登录名"
          rules={[
            { required: true, message: '请输入登录名' },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, message: '3–32 位字母、数字、下划线、点或连字符，以字母或数字开头' },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="fullName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <ContactFields phoneHint="开启短信二次验证时，管理部门账号必须登记手机号码" />
      </Form>
    </Modal>
  );
}

function EditStaffModal({ account, onClose }: { account: StaffAccountView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ fullName: string; phone?: string; email?: string }>();
  const update = useUpdateStaff();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    if (!account) return;
    const values = await form.validateFields();
    setRefusal(null);
    try {
      await update.mutateAsync({ id: account.id, fullName: values.fullName, email: values.email || null, ...(values.phone ? { phone: values.phone } : {}) });
      message.success('已保存');
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal title={account ? `编辑账号 ${account.username}` : ''} open={!!account} onOk={submit} onCancel={onClose} okText="保存" confirmLoading={update.isPending} destroyOnHidden>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      {account && (
        <Form form={form} layout="vertical" name="edit-staff" initialValues={{ fullName: account.fullName, email: account.email ?? '' }}>
          <Form.Item name="fullName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={64} />
          </Form.Item>
          <ContactFields phoneHint={`当前：${account.phoneMasked ?? '未登记'}；不修改请留空`} />
        </Form>
      )}
    </Modal>
  );
}

/** Phone (for the SMS second factor) and email, the same in the create and edit forms. */
function ContactFields({ phoneHint }: { phoneHint: string }) {
  return (
    <>
      <Form.Item name="phone" label="手机号码" extra={phoneHint} rules={[PHONE_RULE]}>
        <Input maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
        <Input maxLength={128} />
      </Form.Item>
    </>
  );
}
