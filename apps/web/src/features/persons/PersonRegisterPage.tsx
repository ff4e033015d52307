import { Alert, Button, Card, Divider, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CreatePersonRegistrationRequest, PersonAccountInput, PersonBasicInput } from '@butie/contracts';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { useRegisterPerson } from './api/register-person';
import { AccountFields } from './components/AccountFields';
import { PersonBasicFields } from './components/PersonFields';
import { RegistrationSteps } from './components/RegistrationSteps';
import { UserNotice } from './components/UserNotice';
import './persons.css';

interface Values {
  account: PersonAccountInput & { confirm: string };
  basic: PersonBasicInput;
}

/**
 * 个人注册 (public, domain §3.2): 用户须知 with 同意, then 账号信息 and 基本信息. Sending it creates
 * the account (the registration is a draft) and signs it in, so that the person goes on to upload
 * 证明材料 and 注册并上报 on 注册状态.
 */
export function PersonRegisterPage() {
  const [agreed, setAgreed] = useState(false);
  const [form] = Form.useForm<Values>();
  const register = useRegisterPerson();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ account, basic }: Values) => {
    setRefusal(null);
    const request: CreatePersonRegistrationRequest = {
      account: {
        username: account.username,
        password: account.password,
        fullName: account.fullName.trim(),
        phone: account.phone,
        phoneCode: account.phoneCode,
        email: account.email?.trim() || null,
      },
      basic: { ...basic, school: basic.school.trim(), major: basic.major.trim() },
      agreedToNotice: true,
    };
    try {
      await register.mutateAsync(request);
      void navigate('/registration', { replace: true, state: { justRegistered: true } });
    } catch (error) {
      // A taken username, phone or ID number lands on its field (named without saying whose it is).
      if (showFieldErrors(form, error)) setRefusal('请按提示修改标红的内容后重新提交');
      else setRefusal(errorText(error));
    }
  };

  if (!agreed) {
    return (
      <Card className="public-card public-card-wide">
        <RegistrationSteps current={0} />
        <Typography.Title level={2} className="card-heading notice-heading">
          用户须知
        </Typography.Title>
        <UserNotice />
        <div className="form-actions">
          <Button type="primary" size="large" onClick={() => setAgreed(true)} data-testid="agree-notice">
            同意
          </Button>
          <Link to="/login">不同意，返回登录</Link>
        </div>
      </Card>
    );
  }

  return (
    <Card className="public-card public-card-wide">
      <RegistrationSteps current={1} />
      <Typography.Paragraph type="secondary">
        请如实填写以下信息。提交后将创建您的账号，接着上传证明材料并「注册并上报」，由您所在的单位审核。
      </Typography.Paragraph>
      {refusal && <Alert type="error" showIcon title={refusal} className="page-alert" data-testid="register-error" />}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} scrollToFirstError name="person-register" initialValues={{ basic: { idType: 'RESIDENT_ID', selfEmployed: false } }}>
        <Divider titlePlacement="start">账号信息</Divider>
        <AccountFields />
        <Divider titlePlacement="start">基本信息</Divider>
        <PersonBasicFields form={form} />
        <div className="form-actions">
          <Space wrap>
            <Button type="primary" htmlType="submit" size="large" loading={register.isPending} data-testid="person-register-submit">
              下一步：上传证明材料
            </Button>
            <Button size="large" onClick={() => setAgreed(false)}>
              上一步
            </Button>
          </Space>
          <Link to="/login">已有账号，返回登录</Link>
        </div>
      </Form>
    </Card>
  );
}
