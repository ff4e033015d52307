import { Alert, App, Button, Card, Form, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { availableActions, permissionsOf, REGISTRATION_STATUS_LABELS, UNIT_REGISTRATION_TRANSITIONS } from '@butie/contracts';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { StatusTag } from '../../components/StatusTag';
import { Trail } from '../../components/Trail';
import { ApiError } from '../../lib/api-client';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { refreshSignedInUser } from '../../lib/refresh-signed-in-user';
import { useMyUnitRegistration } from './api/get-my-unit-registration';
import { useResubmitMyUnitRegistration } from './api/resubmit-my-unit-registration';
import type { UnitFieldsInput, UnitRegistrationView } from './api/types';
import { useUpdateMyUnitRegistration } from './api/update-my-unit-registration';
import { UnitFields } from './components/UnitFields';
import { UnitRegistrationDetails } from './components/UnitRegistrationDetails';

const STATUS_NOTE: Record<string, string> = {
  PENDING: '注册信息已提交，正在等待所属区县人社局审核，审核期间不能修改。',
  APPROVED: '注册已审核通过，毕业生可以选择本单位进行注册。',
};

/** 单位信息: the unit's registration, its status and trail; when returned, the opinion and the form to fix it. */
export function UnitProfilePage() {
  const mine = useMyUnitRegistration();
  const user = useSession()!.user;
  const r = mine.data;
  // The form and 重新提交 show when the status table lets this unit resubmit (RETURNED).
  const canResubmit = !!r && availableActions(UNIT_REGISTRATION_TRANSITIONS, r.status, permissionsOf(user)).includes('resubmit');
  // Approved while signed in: the session still has the reduced menu until it reads the user again.
  const sessionBehind = r?.status === 'APPROVED' && user.registrationStatus !== 'APPROVED';
  useEffect(() => {
    if (sessionBehind) void refreshSignedInUser().catch(() => undefined);
  }, [sessionBehind]);
  return (
    <PageShell title="单位信息" description="本单位的注册信息与审核进度" extra={r && <StatusTag status={r.status} label={REGISTRATION_STATUS_LABELS[r.status]} />}>
      {mine.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : mine.error || !r ? (
        <Result status="error" title="单位信息未能加载" subTitle={errorText(mine.error)} extra={<Button onClick={() => void mine.refetch()}>重试</Button>} />
      ) : (
        <div className="detail-stack">
          {canResubmit ? (
            <ReturnedForm registration={r} />
          ) : (
            <>
              {STATUS_NOTE[r.status] && <Alert type={r.status === 'APPROVED' ? 'success' : 'info'} showIcon title={STATUS_NOTE[r.status]} />}
              <Card title={<h2 className="card-heading">注册信息</h2>}>
                <UnitRegistrationDetails registration={r} />
              </Card>
            </>
          )}
          <Card title={<h2 className="card-heading">流程状态</h2>}>
            <Trail entries={r.trail} statusLabels={REGISTRATION_STATUS_LABELS} />
          </Card>
        </div>
      )}
    </PageShell>
  );
}

function fieldsOf(r: UnitRegistrationView): UnitFieldsInput {
  return { name: r.name, creditCode: r.creditCode, countyId: r.county.id, address: r.address, contactPerson: r.contactPerson, contactPhone: r.contactPhone };
}

/** A returned registration: the county's opinion, the fields to fix, 重新提交 (save, then resubmit). */
function ReturnedForm({ registration: r }: { registration: UnitRegistrationView }) {
  const [form] = Form.useForm<UnitFieldsInput>();
  const update = useUpdateMyUnitRegistration();
  const resubmit = useResubmitMyUnitRegistration();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: UnitFieldsInput) => {
    setRefusal(null);
    try {
      await update.mutateAsync(values);
      await resubmit.mutateAsync();
      message.success('已重新提交，等待区县人社局审核');
    } catch (error) {
      if (showFieldErrors(form, error)) return;
      // A 409: the registration moved on (resubmitted elsewhere, reviewed); the page reads it again
      // and this form goes, so the reason is said where it stays visible.
      if (error instanceof ApiError && error.status === 409) message.warning(errorText(error));
      else setRefusal(errorText(error));
    }
  };

  return (
    <>
      <Alert
        type="warning"
        showIcon
        title="注册信息被退回，请按审核意见修改后重新提交"
        description={<span className="opinion-text">审核意见：{r.reviewOpinion ?? '（无）'}</span>}
        data-testid="review-opinion"
      />
      <Card title={<h2 className="card-heading">修改注册信息</h2>}>
        {refusal && <Alert type="error" showIcon title={refusal} className="page-alert" />}
        <Form form={form} layout="vertical" initialValues={fieldsOf(r)} onFinish={(values) => void submit(values)} scrollToFirstError name="unit-profile">
          <UnitFields />
          <div className="form-actions">
            <Button type="primary" htmlType="submit" loading={update.isPending || resubmit.isPending} data-testid="action-resubmit">
              重新提交
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}
