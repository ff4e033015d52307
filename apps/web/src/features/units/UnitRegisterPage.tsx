import { Alert, Button, Card, Col, Divider, Form, Input, Result, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { MOBILE_PHONE_PATTERN, PASSWORD_RULE_TEXT, UNIT_FIELD_LIMITS, USERNAME_MESSAGE, USERNAME_PATTERN } from '@butie/contracts';
import { PhoneCodeField } from '../../components/phone-code/PhoneCodeField';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { NEW_PASSWORD_RULES, PHONE_RULE, samePasswordRule } from '../../lib/form-rules';
import { useCreateUnitRegistration } from './api/create-unit-registration';
import type { CreateUnitRegistrationRequest, UnitRegistrationView } from './api/types';
import { UnitFields } from './components/UnitFields';

type Values = CreateUnitRegistrationRequest & { account: { confirm: string } };

/**
 * 单位注册 (public, domain §3.1): the unit's fields and its login account, sent straight to the
 * county HRSS for review; then a page that says what happens next and how to sign in.
 */
export function UnitRegisterPage() {
  const [form] = Form.useForm<Values>();
  const create = useCreateUnitRegistration();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [created, setCreated] = useState<{ view: UnitRegistrationView; username: string } | null>(null);

  const submit = async ({ unit, account }: Values) => {
    setRefusal(null);
    try {
      const view = await create.mutateAsync({
        unit,
        account: { username: account.username, password: account.password, phone: account.phone, phoneCode: account.phoneCode, email: account.email?.trim() || null },
      });
      setCreated({ view, username: account.username });
      window.scrollTo({ top: 0 });
    } catch (error) {
      // A taken credit code or username lands on its field; anything else above the form.
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
      else setRefusal('请按提示修改标红的内容后重新提交');
    }
  };

  if (created) {
    return (
      <Card className="public-card public-card-wide">
        <Result
          status="success"
          title="注册信息已提交"
          subTitle={`「${created.view.name}」的注册正在等待${created.view.county?.name ?? '所属区县'}人力资源和社会保障局审核。`}
          extra={
            <Link to="/login">
              <Button type="primary">返回登录</Button>
            </Link>
          }
        >
          <Typography.Paragraph>
            <Typography.Text strong>如何登录：</Typography.Text>在登录页选择「单位登录」，使用用户名「{created.username}」和刚才设置的密码登录。
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text strong>审核结果：</Typography.Text>
            登录后在「单位信息」中查看审核状态。审核通过后，本单位即可被毕业生选择并审核其注册；如被退回，请按审核意见修改后重新提交。
          </Typography.Paragraph>
        </Result>
      </Card>
    );
  }

  return (
    <Card className="public-card public-card-wide">
      <Typography.Paragraph type="secondary">
        用人单位注册后，由所属区县人力资源和社会保障局审核；审核通过后，本单位的毕业生方可选择本单位并提交注册。
      </Typography.Paragraph>
      {refusal && <Alert type="error" showIcon title={refusal} className="page-alert" data-testid="register-error" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        scrollToFirstError
        name="unit-register"
        onValuesChange={(changed: Partial<Values>) => {
          // The account's phone starts as the contact phone when that is a mobile (still editable).
          const contact = changed.unit?.contactPhone;
          if (contact && MOBILE_PHONE_PATTERN.test(contact) && !form.isFieldTouched(['account', 'phone'])) form.setFieldValue(['account', 'phone'], contact);
        }}
      >
        <Divider titlePlacement="start">单位信息</Divider>
        <UnitFields prefix={['unit']} />
        <Divider titlePlacement="start">登录账号</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['account', 'username']}
              label="用户名"
              rules={[
                { required: true, message: '请输入用户名' },
                { pattern: USERNAME_PATTERN, message: USERNAME_MESSAGE },
              ]}
              extra="登录时使用，注册后不能修改"
            >
              <Input placeholder="3–32 位字母、数字、下划线、点或连字符" maxLength={UNIT_FIELD_LIMITS.username} autoComplete="username" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['account', 'phone']}
              label="账号手机号码"
              rules={[{ required: true, message: '请输入手机号码' }, PHONE_RULE]}
              extra="用于短信登录和找回密码，不能与其他账号重复"
            >
              <Input placeholder="11 位手机号码" maxLength={11} inputMode="numeric" autoComplete="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <PhoneCodeField name={['account', 'phoneCode']} phoneField={['account', 'phone']} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['account', 'email']} label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
              <Input placeholder="选填" maxLength={UNIT_FIELD_LIMITS.email} autoComplete="email" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['account', 'password']} label="密码" rules={NEW_PASSWORD_RULES} extra={PASSWORD_RULE_TEXT}>
              <Input.Password placeholder="请设置登录密码" maxLength={64} autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['account', 'confirm']}
              label="确认密码"
              dependencies={[['account', 'password']]}
              rules={[{ required: true, message: '请再次输入密码' }, samePasswordRule(['account', 'password'])]}
            >
              <Input.Password placeholder="再次输入密码" maxLength={64} autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={create.isPending} data-testid="unit-register-submit">
            提交注册
          </Button>
          <Link to="/login">已有账号，返回登录</Link>
        </div>
      </Form>
    </Card>
  );
}
