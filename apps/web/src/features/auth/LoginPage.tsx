import { LockOutlined, MobileOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { LOGIN_PORTAL_LABELS, LOGIN_PORTALS, maskPhone, type LoginPortal, type MfaChallenge, type SessionTokens } from '@butie/contracts';
import { ApiError } from '../../lib/api-client';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { PHONE_RULE } from '../../lib/form-rules';
import { sessionStore, takeSignOutReason, type SignOutReason } from '../../lib/session';
import { landingFor } from '../../config/routes';
import { useAppInfo } from './api/app-info';
import { completeMfa, passwordLogin } from './api/login';
import { resendMfaCode, sendLoginCode, smsLogin } from './api/sms';
import { SandboxSmsNotice } from './SandboxSmsNotice';
import { SendCodeButton } from './SendCodeButton';
import './login.css';

const REASON_TEXT: Record<SignOutReason, { type: 'info' | 'warning'; text: string }> = {
  IDLE: { type: 'warning', text: '长时间未操作，登录已超时，请重新登录' },
  EXPIRED: { type: 'warning', text: '登录已失效，请重新登录' },
  REUSED: { type: 'warning', text: '检测到登录凭证被重复使用，为保护账号安全已退出，请重新登录' },
  LOGOUT: { type: 'info', text: '您已安全退出' },
};

const CODE_RULE = { pattern: /^\d{6}$/, message: '验证码为 6 位数字' };

type Mode = 'password' | 'sms';

/** 系统首页的三个登录入口, each with password and SMS sign-in (domain §1, §4). */
export function LoginPage() {
  const [reason] = useState(() => takeSignOutReason());
  const [portal, setPortal] = useState<LoginPortal>('PERSONAL');
  const [mfa, setMfa] = useState<MfaChallenge | null>(null);
  const appInfo = useAppInfo();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const signedIn = (tokens: SessionTokens) => {
    sessionStore.set(sessionStore.fromTokens(tokens));
    navigate(tokens.user.mustChangePassword ? '/password-required' : (from ?? landingFor(tokens.user)), { replace: true });
  };

  return (
    <div className="login-page">
      <div className="login-hero">
        <div className="login-hero-inner">
          <div className="login-brand">
            <span className="login-logo">补</span>
            <div>
              <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
                补贴通
              </Typography.Title>
              <div className="login-subtitle">大学生生活补贴网上申报系统</div>
            </div>
          </div>
          <ul className="login-points">
            <li>个人：注册、维护工作经历、申请补贴、确认拨付</li>
            <li>单位：审核本单位人员注册与补贴申报</li>
            <li>管理部门：逐级审核、公示、确认与资金拨付</li>
          </ul>
        </div>
      </div>
      <div className="login-panel">
        <Card className="login-card" variant="borderless">
          {reason && <Alert type={REASON_TEXT[reason].type} showIcon title={REASON_TEXT[reason].text} style={{ marginBottom: 16 }} data-testid="signout-reason" />}
          {appInfo.data?.demo && (
            <Tag color="orange" style={{ marginBottom: 12 }}>
              演示环境
            </Tag>
          )}
          {mfa ? (
            <MfaStep challenge={mfa} sandbox={!!appInfo.data?.smsSandbox} onDone={signedIn} onCancel={() => setMfa(null)} />
          ) : (
            <Tabs
              activeKey={portal}
              onChange={(key) => setPortal(key as LoginPortal)}
              centered
              items={LOGIN_PORTALS.map((p) => ({
                key: p,
                label: LOGIN_PORTAL_LABELS[p],
                children: (
                  <PortalForms
                    portal={p}
                    sandbox={!!appInfo.data?.smsSandbox}
                    // With the second factor on, staff sign in with password and code, never a code alone.
                    smsAllowed={!(p === 'STAFF' && appInfo.data?.staffSmsSecondFactor)}
                    onSignedIn={signedIn}
                    onMfa={setMfa}
                  />
                ),
              }))}
            />
          )}
        </Card>
        <div className="login-footer">© 云州市人力资源和社会保障局 · 技术支持：补贴通</div>
      </div>
    </div>
  );
}

function PortalForms({ smsAllowed, ...props }: { portal: LoginPortal; sandbox: boolean; smsAllowed: boolean; onSignedIn: (t: SessionTokens) => void; onMfa: (c: MfaChallenge) => void }) {
  const [mode, setMode] = useState<Mode>('password');
  if (!smsAllowed) return <PasswordForm {...props} />;
  return (
    <>
      <Segmented
        block
        value={mode}
        onChange={(value) => setMode(value as Mode)}
        options={[
          { label: '密码登录', value: 'password' },
          { label: '短信登录', value: 'sms' },
        ]}
        style={{ marginBottom: 20 }}
      />
      {mode === 'password' ? <PasswordForm {...props} /> : <SmsForm {...props} />}
    </>
  );
}

function PasswordForm({ portal, onSignedIn, onMfa }: { portal: LoginPortal; onSignedIn: (t: SessionTokens) => void; onMfa: (c: MfaChallenge) => void }) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setRefusal(null);
    try {
      const result = await passwordLogin({ ...values, portal });
      if ('mfaRequired' in result) onMfa(result);
      else onSignedIn(result);
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large" name={`password-${portal}`}>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        登录
      </Button>
    </Form>
  );
}

function SmsForm({ portal, sandbox, onSignedIn }: { portal: LoginPortal; sandbox: boolean; onSignedIn: (t: SessionTokens) => void }) {
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { message } = App.useApp();

  const send = async (): Promise<number> => {
    const { phone } = await form.validateFields(['phone']);
    setRefusal(null);
    try {
      const result = await sendLoginCode(phone);
      setSentTo(phone);
      message.success(`验证码已发送至 ${maskPhone(phone)}，${Math.round(result.expiresIn / 60)} 分钟内有效`);
      return result.resendAfter;
    } catch (error) {
      setRefusal(errorText(error));
      const wait = error instanceof ApiError ? Number(error.problem.resendAfter ?? 0) : 0;
      if (wait > 0) return wait;
      throw error;
    }
  };

  const submit = async (values: { phone: string; code: string }) => {
    setSubmitting(true);
    setRefusal(null);
    try {
      onSignedIn(await smsLogin({ ...values, portal }));
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large" name={`sms-${portal}`}>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请输入手机号码' }, PHONE_RULE]}>
        <Input prefix={<MobileOutlined />} autoComplete="tel" placeholder="注册时预留的手机号码" maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item label="验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入验证码' }, CODE_RULE]}>
            <Input prefix={<SafetyOutlined />} placeholder="6 位验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
          </Form.Item>
          <SendCodeButton onSend={send} testId="send-code" />
        </Space.Compact>
      </Form.Item>
      <SandboxSmsNotice phone={sentTo} enabled={sandbox} />
      <Button type="primary" htmlType="submit" block loading={submitting}>
        登录
      </Button>
    </Form>
  );
}

function MfaStep({ challenge, sandbox, onDone, onCancel }: { challenge: MfaChallenge; sandbox: boolean; onDone: (t: SessionTokens) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setRefusal(null);
    try {
      onDone(await completeMfa({ mfaToken: challenge.mfaToken, code }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MFA_TOKEN_INVALID') onCancel();
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large" name="mfa">
      <Typography.Title level={4}>短信二次验证</Typography.Title>
      <Typography.Paragraph type="secondary">管理部门账号登录须再输入短信验证码，验证码已发送至 {challenge.phoneMasked}。</Typography.Paragraph>
      {sandbox && <Typography.Paragraph type="secondary">演示环境：短信不真正发出，验证码可在沙箱发件箱（/api/v1/sandbox/sms-outbox）查看。</Typography.Paragraph>}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item label="验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入验证码' }, CODE_RULE]}>
            <Input prefix={<SafetyOutlined />} placeholder="6 位验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
          </Form.Item>
          <SendCodeButton initialSeconds={60} onSend={async () => (await resendMfaCode(challenge.mfaToken)).resendAfter} testId="resend-code" />
        </Space.Compact>
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          验证并登录
        </Button>
        <Button block onClick={onCancel}>
          返回
        </Button>
      </Space>
    </Form>
  );
}
