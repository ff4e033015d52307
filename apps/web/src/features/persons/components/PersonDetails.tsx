import { Descriptions } from 'antd';
import type { PersonRegistrationView } from '@butie/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { DASH, formatDateTime } from '../../../lib/format';

/** Every field of a person's registration, as the person and their unit's reviewer see it. */
export function PersonDetails({ registration: r }: { registration: PersonRegistrationView }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'fullName', label: '姓名', children: r.account.fullName },
        { key: 'username', label: '用户名', children: r.account.username },
        { key: 'idType', label: '证件类型', children: r.basic.idTypeLabel },
        { key: 'idNumber', label: '证件号码', children: <span className="tabular">{r.basic.idNumber}</span> },
        { key: 'birthDate', label: '出生日期', children: r.basic.birthDate },
        { key: 'gender', label: '性别', children: r.basic.genderLabel },
        { key: 'ethnicity', label: '民族', children: r.basic.ethnicity },
        { key: 'selfEmployed', label: '是否自主创业', children: r.basic.selfEmployed ? '是' : '否' },
        { key: 'school', label: '毕业院校', children: r.basic.school },
        { key: 'major', label: '专业', children: r.basic.major },
        { key: 'education', label: '学历', children: r.basic.educationLabel },
        { key: 'degree', label: '学位', children: r.basic.degreeLabel },
        { key: 'unit', label: '所在单位', children: `${r.unit.name}（${r.unit.county.name}）`, span: 2 },
        { key: 'phone', label: '手机号码', children: r.account.phone ?? DASH },
        { key: 'email', label: '电子邮箱', children: r.account.email ?? DASH },
        { key: 'status', label: '审核状态', children: <StatusTag status={r.status} label={r.statusLabel} /> },
        { key: 'submittedAt', label: '提交时间', children: formatDateTime(r.submittedAt, 'minutes') },
        { key: 'reviewedAt', label: '审核时间', children: formatDateTime(r.reviewedAt, 'minutes') },
      ]}
    />
  );
}
