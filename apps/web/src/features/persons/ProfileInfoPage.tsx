import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { useNavigate } from 'react-router-dom';
import { REGISTRATION_STATUS_LABELS } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { StatusTag } from '../../components/StatusTag';
import { Trail } from '../../components/Trail';
import { errorText } from '../../lib/form-errors';
import { useMyRegistration } from './api/my-registration';
import { RegistrationEditor } from './components/RegistrationEditor';
import './persons.css';
import { InlineLink } from '../../components/InlineLink';

/**
 * 维护个人信息 (domain §5.1): the approved person's account and basic information. Phone, email and
 * password live in 账号管理; a change of name, ID or unit goes back to the unit for review.
 */
export function ProfileInfoPage() {
  const mine = useMyRegistration();
  const navigate = useNavigate();
  const r = mine.data;
  return (
    <PageShell title="维护个人信息" description="账号信息和基本信息；核实无误后点击「保存」" extra={r && <StatusTag status={r.status} label={REGISTRATION_STATUS_LABELS[r.status]} />}>
      {mine.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : mine.error || !r ? (
        <Result status="error" title="个人信息未能加载" subTitle={errorText(mine.error)} extra={<Button onClick={() => void mine.refetch()}>重试</Button>} />
      ) : (
        <div className="detail-stack">
          <Alert
            type="info"
            showIcon
            title="修改姓名、证件类型、证件号码、所在单位、学历或学位后，注册需重新由单位审核；其他信息保存后立即生效。"
            description={
              <>
                手机号码、电子邮箱和登录密码请在<InlineLink to="/account">账号管理</InlineLink>中修改。
              </>
            }
          />
          <Card title={<h2 className="card-heading">账号与基本信息</h2>}>
            <div className="readonly-facts">
              <span>用户名：{r.account.username}</span>
              <span>手机号码：{r.account.phone ?? '—'}</span>
              <span>电子邮箱：{r.account.email ?? '—'}</span>
            </div>
            <RegistrationEditor
              registration={r}
              mode="approved"
              // Sent back to the unit: only 注册状态 is open now (the menu has shrunk already).
              onDone={(view) => view.status === 'PENDING' && void navigate('/registration', { replace: true })}
            />
          </Card>
          <Card title={<h2 className="card-heading">注册流程状态</h2>}>
            <Trail entries={r.trail} statusLabels={REGISTRATION_STATUS_LABELS} />
          </Card>
        </div>
      )}
    </PageShell>
  );
}
