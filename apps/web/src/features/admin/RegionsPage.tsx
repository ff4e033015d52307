import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import type { RegionView } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { DASH } from '../../lib/format';
import { useCreateCounty, useRegions } from './api/regions';

/** 区县与虚拟单位: the city's counties, each with the virtual unit created with it. */
export function RegionsPage() {
  const regions = useRegions();
  const [creating, setCreating] = useState(false);
  const city = regions.data?.find((r) => r.level === 'CITY');
  const counties = regions.data?.filter((r) => r.level === 'COUNTY') ?? [];

  return (
    <PageShell
      title="区县与虚拟单位"
      description={city ? `${city.name}共 ${counties.length} 个区县；每个区县有一个虚拟单位，用于受理跨区县本科生的申报` : undefined}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建区县
        </Button>
      }
    >
      {regions.error && <Alert type="error" showIcon title={errorText(regions.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<RegionView>
          rowKey="id"
          loading={regions.isLoading}
          dataSource={counties}
          pagination={false}
          scroll={{ x: 640 }}
          columns={[
            { title: '区县代码', dataIndex: 'code', width: 160 },
            { title: '区县名称', dataIndex: 'name', width: 180 },
            {
              title: '虚拟单位',
              key: 'virtualUnit',
              render: (_, region) => (region.virtualUnit ? <Tag color="blue">{region.virtualUnit.name}</Tag> : DASH),
            },
            { title: '人员登录名前缀', key: 'prefix', render: (_, region) => <code>{region.code}_hrss / _org / _finance</code> },
          ]}
        />
      </Card>
      <CreateCountyModal open={creating} onClose={() => setCreating(false)} />
    </PageShell>
  );
}

function CreateCountyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ code: string; name: string }>();
  const create = useCreateCounty();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields();
    setRefusal(null);
    try {
      const county = await create.mutateAsync(values);
      message.success(`已新建 ${county.name} 及其虚拟单位`);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Modal title="新建区县" open={open} onOk={submit} onCancel={onClose} okText="新建" confirmLoading={create.isPending} destroyOnHidden>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="create-county">
        <Form.Item
          name="code"
          label="区县代码"
          extra="2–16 位小写字母或数字，以字母开头；该区县人员的登录名以它开头"
          rules={[{ required: true, message: '请输入区县代码' }, { pattern: /^[a-z][a-z0-9]{1,15}$/, message: '须为 2–16 位小写字母或数字，以字母开头' }]}
        >
          <Input maxLength={16} placeholder="如 xinqu" />
        </Form.Item>
        <Form.Item name="name" label="区县名称" rules={[{ required: true, whitespace: true, message: '请输入区县名称' }, { min: 2, max: 32, message: '2–32 个字' }]}>
          <Input maxLength={32} placeholder="如 新区" />
        </Form.Item>
        <Alert type="info" showIcon title="新建区县时将同时创建该区县的虚拟单位（已审核通过）。" />
      </Form>
    </Modal>
  );
}
