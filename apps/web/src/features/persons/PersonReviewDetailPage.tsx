import { Alert, Card } from 'antd';
import { useLocation, useParams } from 'react-router-dom';
import {
  ATTACHMENT_KIND_LABELS,
  PERSON_REGISTRATION_TRANSITIONS,
  REGISTRATION_ACTION_LABELS,
  REGISTRATION_ATTACHMENT_KINDS,
  REGISTRATION_STATUS_LABELS,
  type PersonRegistrationView,
} from '@butie/contracts';
import { MaterialList } from '../../components/attachments/MaterialList';
import { RecordPage } from '../../components/RecordPage';
import { StatusTag } from '../../components/StatusTag';
import { Trail } from '../../components/Trail';
import { TransitionButtons } from '../../components/TransitionButtons';
import { PersonWorkHistory } from '../../components/work-history/PersonWorkHistory';
import { useApprovePersonRegistration } from './api/approve-person-registration';
import { usePersonRegistration } from './api/person-registration';
import { useReturnPersonRegistration } from './api/return-person-registration';
import { PersonDetails } from './components/PersonDetails';
import './persons.css';

const LIST = '/unit/registrations';

/** One registrant for their unit: every field, every material previewable here, the work history once approved, the trail, 审核通过 and 退回. */
export function PersonReviewDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const back = { to: (location.state as { list?: string } | null)?.list ?? LIST, label: '返回人员注册列表' };
  const registration = usePersonRegistration(id);
  const approve = useApprovePersonRegistration();
  const giveBack = useReturnPersonRegistration();

  return (
    <RecordPage title="人员注册详情" back={back} query={registration} missing={{ title: '未找到该人员注册', subTitle: '该注册不存在，或不属于本单位。' }}>
      {(r) => ({
        title: r.account.fullName,
        description: `人员注册详情 · ${r.basic.educationLabel} · ${r.basic.school}`,
        extra: (
          <TransitionButtons
            table={PERSON_REGISTRATION_TRANSITIONS}
            status={r.status}
            labels={REGISTRATION_ACTION_LABELS}
            subject={`「${r.account.fullName}」的人员注册`}
            run={{
              approve: (opinion) => approve.mutateAsync({ id: r.id, opinion }),
              return: (opinion) => giveBack.mutateAsync({ id: r.id, opinion: opinion ?? '' }),
            }}
            onSettled={() => void registration.refetch()}
          />
        ),
        body: (
          <div className="detail-stack">
            {r.status === 'RETURNED' && r.reviewOpinion && (
              <Alert type="warning" showIcon title="已退回，等待本人修改后重新提交" description={<span className="opinion-text">审核意见：{r.reviewOpinion}</span>} />
            )}
            <Card title={<h2 className="card-heading">注册信息</h2>} extra={<StatusTag status={r.status} label={REGISTRATION_STATUS_LABELS[r.status]} />}>
              <PersonDetails registration={r} />
            </Card>
            <Card title={<h2 className="card-heading">证明材料（{r.materials.length}）</h2>}>
              <MissingKinds registration={r} />
              <MaterialList items={r.materials} emptyText="本人尚未上传证明材料" />
            </Card>
            {/* Kept from approval on (维护工作经历 opens then); before it there is none to read. */}
            {r.status === 'APPROVED' && <PersonWorkHistory personId={r.id} registeredUnitId={r.unit.id} />}
            <Card title={<h2 className="card-heading">流程状态</h2>}>
              <Trail entries={r.trail} statusLabels={REGISTRATION_STATUS_LABELS} />
            </Card>
          </div>
        ),
      })}
    </RecordPage>
  );
}

/** What the reviewer would look for and does not find, said before they open anything. */
function MissingKinds({ registration: r }: { registration: PersonRegistrationView }) {
  const missing = REGISTRATION_ATTACHMENT_KINDS.filter((kind) => kind !== 'OTHER' && !r.materials.some((item) => item.kind === kind));
  if (missing.length === 0 || r.materials.length === 0) return null;
  return <Alert type="info" showIcon className="material-missing" title={`未上传：${missing.map((kind) => ATTACHMENT_KIND_LABELS[kind]).join('、')}`} />;
}
