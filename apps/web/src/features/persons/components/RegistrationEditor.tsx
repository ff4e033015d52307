import { Alert, App, Button, Col, Divider, Form, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { PERSON_FIELD_LIMITS, type PersonBasicInput, type PersonRegistrationView } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../../lib/form-errors';
import { useSubmitMyRegistration } from '../api/submit-my-registration';
import { useUpdateMyRegistration } from '../api/update-my-registration';
import { PersonBasicFields } from './PersonFields';

interface Values {
  account: { fullName: string };
  basic: PersonBasicInput;
}

/** What the primary button does: save and 注册并上报 (draft), save and 提交申请 (returned), or save (approved). */
export type EditorMode = 'draft' | 'returned' | 'approved';

const SUBMIT_LABEL: Record<EditorMode, string> = { draft: '注册并上报', returned: '提交申请', approved: '保存' };

function valuesOf(r: PersonRegistrationView): Values {
  const { idType, idNumber, birthDate, gender, school, major, education, degree, ethnicity, selfEmployed } = r.basic;
  return { account: { fullName: r.account.fullName }, basic: { idType, idNumber, birthDate, gender, school, major, education, degree, ethnicity, selfEmployed, unitId: r.unit.id } };
}

/** Name, ID, unit, education and degree: what the unit checks again when they change after approval (as the API decides). */
function identityChanged(before: Values, after: Values): boolean {
  return (
    before.account.fullName !== after.account.fullName.trim() ||
    before.basic.idType !== after.basic.idType ||
    before.basic.idNumber !== after.basic.idNumber ||
    before.basic.unitId !== after.basic.unitId ||
    before.basic.education !== after.basic.education ||
    before.basic.degree !== after.basic.degree
  );
}

/**
 * The person's own registration as a form (name and basic information; phone, email and password are
 * in 账号管理). A draft is saved and reported in one go, a returned one saved and resubmitted; an
 * approved one is saved, and a change of name, ID or unit is confirmed first because it sends the
 * registration back to the unit.
 */
export function RegistrationEditor({ registration: r, mode, onDone }: { registration: PersonRegistrationView; mode: EditorMode; onDone?: (view: PersonRegistrationView) => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateMyRegistration();
  const submitMine = useSubmitMyRegistration();
  const { message, modal } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const initial = valuesOf(r);

  const save = async (values: Values, andSubmit: boolean) => {
    setRefusal(null);
    try {
      let view = await update.mutateAsync({
        account: { fullName: values.account.fullName.trim() },
        basic: { ...values.basic, school: values.basic.school.trim(), major: values.basic.major.trim() },
      });
      if (andSubmit) view = await submitMine.mutateAsync();
      message.success(andSubmit || view.status === 'PENDING' ? '已提交，等待单位审核' : '已保存');
      onDone?.(view);
    } catch (error) {
      if (showFieldErrors(form, error)) setRefusal('请按提示修改标红的内容');
      else setRefusal(errorText(error));
    }
  };

  const onFinish = (values: Values) => {
    if (mode !== 'approved' && r.materials.length > 0) return void save(values, true);
    if (mode !== 'approved') {
      // Not a rule of the API, but a unit cannot approve what it cannot check.
      modal.confirm({
        title: '还没有上传证明材料',
        content: '单位审核时需要查看您的证明材料（身份证复印件、学位证书、学历证书等）。确定不上传材料就提交吗？',
        okText: '仍然提交',
        cancelText: '先去上传',
        onOk: () => save(values, true),
      });
      return;
    }
    if (!identityChanged(initial, values)) return void save(values, false);
    modal.confirm({
      title: '修改后需要重新审核',
      content: '您修改了姓名、证件、所在单位或学历学位。保存后注册将重新交由单位审核，审核通过前只能查看注册状态，不能办理其他业务。确定保存吗？',
      okText: '确定保存',
      cancelText: '取消',
      onOk: () => save(values, false),
    });
  };

  return (
    <>
      {refusal && <Alert type="error" showIcon title={refusal} className="page-alert" data-testid="registration-error" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError name="person-registration">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['account', 'fullName']} label="用户姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input maxLength={PERSON_FIELD_LIMITS.fullName} autoComplete="name" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">基本信息</Divider>
        <PersonBasicFields form={form} currentUnit={r.unit} />
        <div className="form-actions">
          <Space wrap>
            <Button type="primary" htmlType="submit" size="large" loading={update.isPending || submitMine.isPending} data-testid={`registration-${mode}-submit`}>
              {SUBMIT_LABEL[mode]}
            </Button>
            {mode !== 'approved' && (
              <Button
                size="large"
                loading={update.isPending && !submitMine.isPending}
                onClick={() => void form.validateFields().then((values) => save(values, false), () => undefined)}
              >
                仅保存
              </Button>
            )}
          </Space>
        </div>
      </Form>
    </>
  );
}
