import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { REGISTRATION_ATTACHMENT_KINDS, REGISTRATION_STATUS_LABELS, type PersonRegistrationView } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { MaterialsPanel } from '../../components/attachments/MaterialsPanel';
import { PageShell } from '../../components/PageShell';
import { StatusTag } from '../../components/StatusTag';
import { Trail } from '../../components/Trail';
import { errorText } from '../../lib/form-errors';
import { useMyRegistration } from './api/my-registration';
import { refreshSignedInUser } from '../../lib/refresh-signed-in-user';
import { PersonDetails } from './components/PersonDetails';
import { RegistrationEditor } from './components/RegistrationEditor';
import { RegistrationSteps } from './components/RegistrationSteps';
import './persons.css';

/**
 * 注册状态 (domain §3.2): before the unit approves, the person's one page. A draft uploads its
 * materials and 注册并上报; a pending one waits; a returned one reads the unit's opinion, fixes the
 * form and 提交申请. Once approved, the full menu appears.
 */
export function RegistrationStatusPage() {
  const mine = useMyRegistration();
  const r = mine.data;
  return (
    <PageShell title="注册状态" description="个人注册信息与单位审核进度" extra={r && <StatusTag status={r.status} label={REGISTRATION_STATUS_LABELS[r.status]} />}>
      {mine.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : mine.error || !r ? (
        <Result status="error" title="注册信息未能加载" subTitle={errorText(mine.error)} extra={<Button onClick={() => void mine.refetch()}>重试</Button>} />
      ) : (
        <StatusBody registration={r} />
      )}
    </PageShell>
  );
}

function StatusBody({ registration: r }: { registration: PersonRegistrationView }) {
  const materials = (
    <Card title={<h2 className="card-heading">证明材料</h2>}>
      <MaterialsPanel
        kinds={REGISTRATION_ATTACHMENT_KINDS}
        editable={r.status !== 'PENDING'}
        lockedReason="注册正在由单位审核，审核期间不能上传或删除材料；如需补充或更换，请联系单位退回后再修改。"
      />
    </Card>
  );
  const trail = (
    <Card title={<h2 className="card-heading">流程状态</h2>}>
      <Trail entries={r.trail} statusLabels={REGISTRATION_STATUS_LABELS} />
    </Card>
  );

  if (r.status === 'APPROVED') return <Approved registration={r} />;

  if (r.status === 'PENDING') {
    return (
      <div className="detail-stack">
        <RegistrationSteps current={4} />
        <Alert
          type="info"
          showIcon
          title={`注册信息已提交，正在等待「${r.unit.name}」审核`}
          description="审核期间不能修改注册信息。审核结果会显示在本页：通过后即可办理补贴申报等业务；如被退回，可查看审核意见，修改后再次提交。"
          data-testid="registration-pending"
        />
        <Card title={<h2 className="card-heading">注册信息</h2>}>
          <PersonDetails registration={r} />
        </Card>
        {materials}
        {trail}
      </div>
    );
  }

  const returned = r.status === 'RETURNED';
  return (
    <div className="detail-stack">
      <RegistrationSteps current={returned ? 4 : 2} status={returned ? 'error' : undefined} />
      {returned ? (
        <Alert
          type="warning"
          showIcon
          title="注册信息被单位退回，请按审核意见修改后点击「提交申请」"
          description={<span className="opinion-text">审核意见：{r.reviewOpinion ?? '（无）'}</span>}
          data-testid="review-opinion"
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title="账号已创建，还差两步"
          description="请在下方上传证明材料（身份证复印件正反面、学位证书、学历证书等），核对注册信息后点击「注册并上报」，由您所在的单位审核。"
          data-testid="registration-draft"
        />
      )}
      {materials}
      <Card title={<h2 className="card-heading">{returned ? '修改注册信息' : '核对注册信息'}</h2>}>
        <RegistrationEditor registration={r} mode={returned ? 'returned' : 'draft'} />
      </Card>
      {trail}
    </div>
  );
}

/** The unit said yes: the menu grows as soon as the session knows it. */
function Approved({ registration: r }: { registration: PersonRegistrationView }) {
  const user = useSession()!.user;
  const navigate = useNavigate();
  const sessionBehind = user.registrationStatus !== 'APPROVED';
  useEffect(() => {
    if (sessionBehind) void refreshSignedInUser().catch(() => undefined);
  }, [sessionBehind]);
  return (
    <Card>
      <Result
        status="success"
        title="注册已审核通过"
        subTitle={`「${r.unit.name}」已审核通过您的注册，现在可以维护个人信息和工作经历，办理补贴申报。`}
        extra={
          <Button type="primary" onClick={() => void navigate('/home')} data-testid="enter-system">
            进入系统
          </Button>
        }
      />
    </Card>
  );
}
