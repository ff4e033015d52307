import { Descriptions } from 'antd';
import { REGISTRATION_STATUS_LABELS } from '@butie/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { DASH, formatDateTime } from '../../../lib/format';
import type { UnitRegistrationView } from '../api/types';

/** Every field of a unit registration, as the unit and its reviewer see it. */
export function UnitRegistrationDetails({ registration: r }: { registration: UnitRegistrationView }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'name', label: '单位名称', children: r.name, span: 2 },
        { key: 'creditCode', label: '统一社会信用代码', children: r.creditCode },
        { key: 'county', label: '所属区县', children: r.county.name },
        { key: 'address', label: '单位地址', children: r.address, span: 2 },
        { key: 'contactName', label: '联系人', children: r.contactPerson },
        { key: 'contactPhone', label: '联系电话', children: r.contactPhone },
        { key: 'username', label: '登录用户名', children: r.account?.username ?? DASH },
        { key: 'accountPhone', label: '账号手机号码', children: r.account?.phone ?? DASH },
        { key: 'status', label: '审核状态', children: <StatusTag status={r.status} label={REGISTRATION_STATUS_LABELS[r.status]} /> },
        { key: 'submittedAt', label: '提交时间', children: formatDateTime(r.submittedAt ?? r.createdAt, 'minutes') },
        { key: 'reviewedAt', label: '审核时间', children: formatDateTime(r.reviewedAt, 'minutes') },
      ]}
    />
  );
}
