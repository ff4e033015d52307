import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RegionView } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { CardFields, ResponsiveList } from '../../components/ResponsiveList';
import { errorText } from '../../lib/form-errors';
import { DASH } from '../../lib/format';
import { useRegions } from './api/regions';
import { CreateCountyModal } from './components/CreateCountyModal';

const prefixes = (region: RegionView) => <code>{region.code}_hrss / _org / _finance</code>;
const virtualUnit = (region: RegionView) => (region.virtualUnit ? <Tag color="blue">{region.virtualUnit.name}</Tag> : DASH);

/** 区县与虚拟单位: the city's counties, each with the virtual unit created with it. */
export function RegionsPage() {
  const regions = useRegions();
  const [creating, setCreating] = useState(false);
  const city = regions.data?.find((r) => r.level === 'CITY');
  const counties = regions.data?.filter((r) => r.level === 'COUNTY');

  return (
    <PageShell
      title="区县与虚拟单位"
      description={city ? `${city.name}共 ${counties?.length ?? 0} 个区县；每个区县有一个虚拟单位，用于受理跨区县本科生的申报` : undefined}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          新建区县
        </Button>
      }
    >
      {regions.error && <Alert type="error" showIcon title={errorText(regions.error)} className="page-alert" />}
      <Card className="list-card">
        <ResponsiveList<RegionView>
          label="区县列表"
          rowKey={(region) => region.id}
          items={counties}
          loading={regions.isLoading}
          emptyText="还没有区县"
          columns={[
            { title: '区县代码', dataIndex: 'code', width: 140 },
            { title: '区县名称', dataIndex: 'name', width: 160 },
            { title: '虚拟单位', key: 'virtualUnit', width: 220, render: (_, region) => virtualUnit(region) },
            { title: '人员登录名前缀', key: 'prefix', width: 260, render: (_, region) => prefixes(region) },
          ]}
          card={(region) => (
            <article aria-label={region.name}>
              <div className="card-title">
                <Typography.Text strong>{region.name}</Typography.Text>
                <Typography.Text type="secondary">{region.code}</Typography.Text>
              </div>
              <CardFields
                fields={[
                  ['虚拟单位', virtualUnit(region)],
                  ['登录名前缀', prefixes(region)],
                ]}
              />
            </article>
          )}
        />
      </Card>
      <CreateCountyModal open={creating} onClose={() => setCreating(false)} />
    </PageShell>
  );
}
