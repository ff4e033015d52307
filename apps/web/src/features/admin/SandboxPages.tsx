import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EDUCATION_LABELS, PENSION_STATUS_LABELS, type SandboxDegreeView, type SandboxSocialSecurityView } from '@butie/contracts';
import { CardFields } from '../../components/ResponsiveList';
import { ServerTable } from '../../components/ServerTable';
import { errorText } from '../../lib/form-errors';
import { DASH } from '../../lib/format';
import { useListQuery } from '../../lib/use-list-query';
import { useDeleteSandboxRecord, useSandboxList, type SandboxKind } from './api/sandbox';
import { DegreeRecordModal } from './components/DegreeRecordModal';
import { SandboxShell } from './components/SandboxShell';
import { SocialSecurityRecordModal } from './components/SocialSecurityRecordModal';
import './sandbox.css';

const PREFIX = [{ name: 'prefix', label: '编号开头', accepts: (value: string) => /^[0-9A-Za-z]{1,32}$/.test(value) }] as const;

const insurance = (r: SandboxSocialSecurityView) => (r.insured && r.status ? PENSION_STATUS_LABELS[r.status] : '未参保');
const periods = (r: SandboxSocialSecurityView) => (r.contributions.length ? r.contributions.map((p) => `${p.from} 至 ${p.to}`).join('，') : DASH);
const outage = (unavailable: boolean) => unavailable && <Tag color="red">模拟不可用</Tag>;

/** 编辑 and 删除 of one record (删除 asks first: the sandbox then answers 无记录). */
function useRecordActions(kind: SandboxKind, what: string) {
  const remove = useDeleteSandboxRecord(kind);
  const { modal, message } = App.useApp();
  return (key: string, onEdit: () => void) => (
    <Space size={4} wrap>
      <Button size="small" onClick={onEdit} aria-label={`编辑 ${key}`}>
        编辑
      </Button>
      <Button
        size="small"
        danger
        aria-label={`删除 ${key}`}
        onClick={() =>
          void modal.confirm({
            title: `删除${what} ${key}？`,
            content: kind === 'social-security' ? '删除后查询此人时，社保系统答复“无参保记录”。' : '删除后查询此证书时，答复“查无此证”。',
            okText: '删除',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: async () => {
              try {
                await remove.mutateAsync(key);
                message.success('已删除');
              } catch (error) {
                message.error(errorText(error));
              }
            },
          })
        }
      >
        删除
      </Button>
    </Space>
  );
}

const prefixFilter = (placeholder: string) => (
  <Form.Item name="prefix" label="编号开头" rules={[{ pattern: /^[0-9A-Za-z]*$/, message: '请输入字母或数字' }]}>
    <Input placeholder={placeholder} allowClear maxLength={32} />
  </Form.Item>
);

const addButton = (onClick: () => void) => (
  <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
    新增记录
  </Button>
);

/** 沙箱数据 · 社保缴费记录 (/admin/sandbox). */
export function SandboxSocialSecurityPage() {
  const query = useListQuery(PREFIX);
  const result = useSandboxList('social-security', query.filter.prefix, query.pager.cursor);
  const [editing, setEditing] = useState<SandboxSocialSecurityView | 'new' | null>(null);
  const actions = useRecordActions('social-security', '社保记录');
  return (
    <SandboxShell gateway="SOCIAL_SECURITY" extra={addButton(() => setEditing('new'))}>
      <ServerTable<SandboxSocialSecurityView, 'prefix'>
        label="沙箱社保记录"
        query={query}
        result={result}
        rowKey={(r) => r.idNumber}
        emptyText="没有沙箱社保记录"
        filters={prefixFilter('证件号码开头')}
        columns={[
          { title: '证件号码', dataIndex: 'idNumber', width: 190 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '参保', key: 'status', width: 110, render: (_, r) => <>{insurance(r)} {outage(r.unavailable)}</> },
          { title: '最早缴费', key: 'earliest', width: 100, render: (_, r) => r.earliestMonth ?? DASH },
          { title: '缴费期间', key: 'periods', width: 200, render: (_, r) => periods(r) },
          { title: '演示情形', dataIndex: 'caseNote', width: 220 },
          { title: '操作', key: 'actions', width: 130, render: (_, r) => actions(r.idNumber, () => setEditing(r)) },
        ]}
        card={(r) => (
          <article aria-label={`${r.name} ${r.idNumber}`}>
            <div className="card-title">
              <Typography.Text strong>{r.name}</Typography.Text>
              <span>
                {insurance(r)} {outage(r.unavailable)}
              </span>
            </div>
            <CardFields
              fields={[
                ['证件号码', r.idNumber],
                ['最早缴费', r.earliestMonth ?? DASH],
                ['缴费期间', periods(r)],
                ['演示情形', r.caseNote || DASH],
              ]}
            />
            {actions(r.idNumber, () => setEditing(r))}
          </article>
        )}
      />
      <SocialSecurityRecordModal record={editing} onClose={() => setEditing(null)} />
    </SandboxShell>
  );
}

/** 沙箱数据 · 学历证书记录 (/admin/sandbox/degrees). */
export function SandboxDegreesPage() {
  const query = useListQuery(PREFIX);
  const result = useSandboxList('degrees', query.filter.prefix, query.pager.cursor);
  const [editing, setEditing] = useState<SandboxDegreeView | 'new' | null>(null);
  const actions = useRecordActions('degrees', '学历记录');
  return (
    <SandboxShell gateway="DEGREE" extra={addButton(() => setEditing('new'))}>
      <ServerTable<SandboxDegreeView, 'prefix'>
        label="沙箱学历记录"
        query={query}
        result={result}
        rowKey={(r) => r.certificateNumber}
        emptyText="没有沙箱学历记录"
        filters={prefixFilter('证书编号开头')}
        columns={[
          { title: '证书编号', dataIndex: 'certificateNumber', width: 190 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '学历', key: 'education', width: 110, render: (_, r) => <>{EDUCATION_LABELS[r.education]} {outage(r.unavailable)}</> },
          { title: '院校与专业', key: 'school', width: 240, render: (_, r) => `${r.school} · ${r.major}` },
          { title: '毕业日期', dataIndex: 'graduationDate', width: 110 },
          { title: '演示情形', dataIndex: 'caseNote', width: 150 },
          { title: '操作', key: 'actions', width: 130, render: (_, r) => actions(r.certificateNumber, () => setEditing(r)) },
        ]}
        card={(r) => (
          <article aria-label={`${r.name} ${r.certificateNumber}`}>
            <div className="card-title">
              <Typography.Text strong>{r.name}</Typography.Text>
              <span>
                {EDUCATION_LABELS[r.education]} {outage(r.unavailable)}
              </span>
            </div>
            <CardFields
              fields={[
                ['证书编号', r.certificateNumber],
                ['证件号码', r.idNumber],
                ['院校与专业', `${r.school} · ${r.major}`],
                ['毕业日期', r.graduationDate],
              ]}
            />
            {actions(r.certificateNumber, () => setEditing(r))}
          </article>
        )}
      />
      <DegreeRecordModal record={editing} onClose={() => setEditing(null)} />
    </SandboxShell>
  );
}
