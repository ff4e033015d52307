import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { can, ROLE_LABELS, type MenuItem } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { menuFor } from '../../config/routes';
import { errorText } from '../../lib/form-errors';
import { DASH, formatDateTime } from '../../lib/format';
import { useDashboard } from './api/dashboard';
import { ApplicantProgress } from './components/ApplicantProgress';
import { TodoBoard } from './components/TodoBoard';
import './home.css';

/** What each page that exists lets the user do, one line each. */
const WHAT_IT_DOES: Record<string, string> = {
  '/account': '查看账号信息，修改姓名、联系方式和登录密码。',
  '/admin/regions': '查看和新建区县及其虚拟单位。',
  '/admin/staff': '新建、修改、停用人员账号，重置密码，解除登录锁定。',
  '/audit/logins': '查阅、导出登录日志。',
  '/audit/operations': '查阅、导出操作日志。',
  '/unit/profile': '查看本单位的注册信息与审核进度，被退回时修改后重新提交。',
  '/unit/registrations': '审核在本单位名下注册的毕业生。',
  '/county/unit-registrations': '审核本区县用人单位的注册。',
  '/profile/info': '修改姓名、证件、学历学位与所在单位等信息。',
  '/profile/materials': '上传、预览、删除证明材料。',
  '/profile/work-history': '维护现单位与原单位的任职时间和劳动合同。',
};

/** The pages of the user's menu (the menu lists only pages that work), 首页 itself left out. */
function pagesOf(menu: MenuItem[]): MenuItem[] {
  return menu.flatMap((item) => (item.children ? pagesOf(item.children) : [item])).filter((item) => item.path && item.path !== '/home');
}

/**
 * 首页: the to-do board of the queues this account works (count, and how long the oldest waited),
 * an applicant's progress and next step, what the account can do here — the pages in its menu —
 * and its sign-in safety facts. No duty is named without a page to do it on.
 */
export function HomePage() {
  const user = useSession()!.user;
  const pages = pagesOf(menuFor(user));
  const dashboard = useDashboard(can(user, 'dashboard.view'));
  const board = dashboard.data;
  return (
    <PageShell title="首页" description={`${ROLE_LABELS[user.role]}工作台`}>
      <Row gutter={[16, 16]}>
        {dashboard.error && (
          <Col span={24}>
            <Alert
              type="error"
              showIcon
              title={`待办事项未能加载：${errorText(dashboard.error)}`}
              action={
                <Button size="small" onClick={() => void dashboard.refetch()}>
                  重试
                </Button>
              }
            />
          </Col>
        )}
        {board && board.queues.length > 0 && (
          <Col span={24}>
            <TodoBoard queues={board.queues} />
          </Col>
        )}
        {board?.progress && (
          <Col span={24}>
            <ApplicantProgress progress={board.progress} />
          </Col>
        )}
        <Col xs={24} lg={14}>
          <Card title={<h2 className="card-heading">您好，{user.fullName}</h2>} data-testid="welcome-card">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'role', label: '角色', children: ROLE_LABELS[user.role] },
                // An applicant belongs to no unit as an account (their unit is part of the registration).
                ...(user.unit || user.region ? [{ key: 'org', label: '所属', children: user.unit?.name ?? user.region?.name }] : []),
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>目前可以使用：</Typography.Paragraph>
            <ul className="home-pages" data-testid="available-pages">
              {pages.map((page) => (
                <li key={page.key}>
                  <Link to={page.path!}>{page.label}</Link>
                  {WHAT_IT_DOES[page.path!] && <Typography.Text type="secondary">：{WHAT_IT_DOES[page.path!]}</Typography.Text>}
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <h2 className="card-heading">
                <SafetyCertificateOutlined aria-hidden className="card-heading-icon" />
                账号安全
              </h2>
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
