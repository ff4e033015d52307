import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { ROLE_LABELS, type Role } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { DASH, formatDateTime } from '../../lib/format';

/** What each role does in the flow (domain §1 and §6), so that a newcomer knows where they stand. */
const DUTIES: Record<Role, string> = {
  APPLICANT: '维护个人信息、证明材料和工作经历，申请大学生生活补贴，跟踪审核进度，收到补贴后进行拨付确认。',
  UNIT: '审核本单位人员的注册和补贴申报，并将审核通过的申报上报县区人社局。',
  COUNTY_HRSS: '审核本区县单位注册和补贴申报，办理虚拟单位申报，组织公示与评审，并上报县区组织部。',
  COUNTY_ORG: '确认本区县评审通过的补贴申报。',
  CITY_HRSS: '汇总各区县确认的补贴申报，并上报市组织部。',
  CITY_ORG: '确认市人社局的汇总，确认后通知市财政局拨付。',
  CITY_FINANCE: '向各区县拨付市级承担的补贴资金。',
  COUNTY_FINANCE: '向申请人发放补贴并登记拨付信息。',
  ADMIN: '维护区县与虚拟单位、人员账号和系统参数。',
  AUDITOR: '查阅登录日志和操作日志。',
};

export function HomePage() {
  const user = useSession()!.user;
  return (
    <PageShell title="首页" description={`${ROLE_LABELS[user.role]}工作台`}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={`您好，${user.fullName}`} data-testid="welcome-card">
            <Typography.Paragraph>{DUTIES[user.role]}</Typography.Paragraph>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'role', label: '角色', children: ROLE_LABELS[user.role] },
                { key: 'org', label: '所属', children: user.unit?.name ?? user.region?.name ?? DASH },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <span>
                <SafetyCertificateOutlined style={{ marginRight: 8, color: '#389e0d' }} />
                账号安全
              </span>
            }
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'last', label: '上次登录时间', children: user.previousLogin ? formatDateTime(user.previousLogin.at) : '首次登录' },
                { key: 'ip', label: '上次登录地址', children: user.previousLogin?.ip ?? DASH },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              如发现非本人登录，请立即在「账号管理」中修改密码。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </PageShell>
  );
}
