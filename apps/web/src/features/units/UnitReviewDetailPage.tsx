import { Alert, Card } from 'antd';
import { useLocation, useParams } from 'react-router-dom';
import { REGISTRATION_ACTION_LABELS, REGISTRATION_STATUS_LABELS, UNIT_REGISTRATION_TRANSITIONS } from '@butie/contracts';
import { RecordPage } from '../../components/RecordPage';
import { StatusTag } from '../../components/StatusTag';
import { Trail } from '../../components/Trail';
import { TransitionButtons } from '../../components/TransitionButtons';
import { useApproveUnitRegistration } from './api/approve-unit-registration';
import { useUnitRegistration } from './api/get-unit-registration';
import { useReturnUnitRegistration } from './api/return-unit-registration';
import { UnitRegistrationDetails } from './components/UnitRegistrationDetails';

const LIST = '/county/unit-registrations';

/** One unit's registration for its county's HRSS: every field, the trail, 审核通过 and 退回. */
export function UnitReviewDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const back = { to: (location.state as { list?: string } | null)?.list ?? LIST, label: '返回单位注册列表' };
  const registration = useUnitRegistration(id);
  const approve = useApproveUnitRegistration();
  const giveBack = useReturnUnitRegistration();

  return (
    <RecordPage title="单位注册详情" back={back} query={registration} missing={{ title: '未找到该单位注册', subTitle: '该注册不存在，或不属于本区县。' }}>
      {(r) => ({
        title: r.name,
        description: '单位注册详情',
        extra: (
          <TransitionButtons
            table={UNIT_REGISTRATION_TRANSITIONS}
            status={r.status}
            labels={REGISTRATION_ACTION_LABELS}
            subject={`「${r.name}」的单位注册`}
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
              <Alert type="warning" showIcon title="已退回，等待单位修改后重新提交" description={<span className="opinion-text">审核意见：{r.reviewOpinion}</span>} />
            )}
            <Card title={<h2 className="card-heading">注册信息</h2>} extra={<StatusTag status={r.status} label={REGISTRATION_STATUS_LABELS[r.status]} />}>
              <UnitRegistrationDetails registration={r} />
            </Card>
            <Card title={<h2 className="card-heading">流程状态</h2>}>
              <Trail entries={r.trail} statusLabels={REGISTRATION_STATUS_LABELS} />
            </Card>
          </div>
        ),
      })}
    </RecordPage>
  );
}
