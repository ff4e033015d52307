import { LockOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { maskPhone, PASSWORD_RULE_TEXT } from '@butie/contracts';
import { SandboxSmsAlert } from '../../components/SandboxSmsAlert';
import { SendCodeButton } from '../../components/SendCodeButton';
import { ApiError } from '../../lib/api-client';
import { errorText, showFieldErrors } from '../../lib/form-errors';
import { NEW_PASSWORD_RULES, PHONE_RULE, samePasswordRule } from '../../lib/form-rules';
import { useSendPasswordResetCode } from './api/forgot-password';
import { useResetPassword } from './api/reset-password';

interface Sent {
  phone: string;
  resendAfter: number;
  minutes: number;
  sandboxTicket?: string;
}

const WHO: Record<string, string> = { UNIT: '单位账号', PERSONAL: '个人账号' };

/**
 * 忘记密码 of the 个人 and 单位 login tabs (staff passwords are reset by the administrator): the
 * phone registered with the account → a code → a new password under the domain §4 rules → sign in.
 */
export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const who = WHO[params.get('portal') ?? ''] ?? '个人或单位账号';
  const [sent, setSent] = useState<Sent | null>(null);
  const [done, setDone] = useState(false);
  const navigate = useNavigate();
  const step = done ? 2 : sent ? 1 : 0;

  return (
    <Card className="public-card">
      <Steps
        current={step}
        size="small"
        responsive={false}
        className="public-steps"
        items={[{ title: '验证手机' }, { title: '设置新密码' }, { title: '完成' }]}
      />
      {done ? (
        <Result
          status="success"
          title="密码已重置"
          subTitle="该账号在各处的登录均已退出，请使用新密码重新登录。"
          extra={
            <Button type="primary" onClick={() => void navigate('/login', { replace: true })}>
              返回登录
            </Button>
          }
        />
      ) : sent ? (
        <ResetStep sent={sent} onResent={setSent} onDone={() => setDone(true)} onBack={() => setSent(null)} />
      ) : (
        <PhoneStep who={who} onSent={setSent} />
      )}
    </Card>
  );
}

function PhoneStep({ who, onSent }: { who: string; onSent: (sent: Sent) => void }) {
  const [form] = Form.useForm<{ phone: string }>();
  const send = useSendPasswordResetCode();
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ phone }: { phone: string }) => {
    setRefusal(null);
    try {
      const result = await send.mutateAsync(phone);
      onSent({ phone, resendAfter: result.resendAfter, minutes: Math.round(result.expiresIn / 60), sandboxTicket: result.sandboxTicket });
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} className="public-form">
      <Typography.Paragraph type="secondary">
        适用于{who}（管理部门账号请联系系统管理员重置）。请输入账号注册时预留的手机号码，我们将发送验证码。
      </Typography.Paragraph>
      {refusal && <Alert type="error" showIcon title={refusal} className="page-alert" />}
      <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请输入手机号码' }, PHONE_RULE]}>
        <Input size="large" prefix={<MobileOutlined aria-hidden />} placeholder="注册时预留的手机号码" maxLength={11} inputMode="numeric" autoComplete="tel" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={send.isPending} data-testid="send-reset-code">
        发送验证码
      </Button>
      <div className="public-form-foot">
        <Link to="/login">想起密码了？返回登录</Link>
      </div>
    </Form>
  );
}

interface ResetValues {
  code: string;
  newPassword: string;
  confirm: string;
}

function ResetStep({ sent, onResent, onDone, onBack }: { sent: Sent; onResent: (sent: Sent) => void; onDone: () => void; onBack: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetPassword();
  const send = useSendPasswordResetCode();
  const [refusal, setRefusal] = useState<string | null>(null);

  const resend = async () => {
    setRefusal(null);
    try {
      const result = await send.mutateAsync(sent.phone);
      onResent({ ...sent, resendAfter: result.resendAfter, minutes: Math.round(result.expiresIn / 60), sandboxTicket: result.sandboxTicket });
      return result.resendAfter;
    } catch (error) {
      setRefusal(errorText(error));
      const wait = error instanceof ApiError ? Number(error.problem.resendAfter ?? 0) : 0;
      if (wait > 0) return wait;
      throw error;
    }
  };

  const submit = async (values: ResetValues) => {
    setRefusal(null);
    try {
      await reset.mutateAsync({ phone: sent.phone, code: values.code, newPassword: values.newPassword });
      onDone();
    } catch (error) {
      if (!showFieldErrors(form, error)) setRefusal(errorText(error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} className="public-form">
      <Typography.Paragraph type="secondary" role="status">
        如 {maskPhone(sent.phone)} 是某个账号预留的手机号码，验证码已发送，{sent.minutes} 分钟内有效。
      </Typography.Paragraph>
      <SandboxSmsAlert ticket={sent.sandboxTicket} />
      {refusal && <Alert type="error" showIcon title={refusal} className="page-alert" data-testid="reset-error" />}
      <Form.Item label="验证码" required>
        <Space.Compact block>
          <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入验证码' }, { pattern: /^\d{6}$/, message: '验证码为 6 位数字' }]}>
            <Input size="large" prefix={<SafetyOutlined aria-hidden />} placeholder="6 位验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" aria-label="验证码" />
          </Form.Item>
          <SendCodeButton size="large" onSend={resend} initialSeconds={sent.resendAfter} testId="resend-reset-code" />
        </Space.Compact>
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={NEW_PASSWORD_RULES} extra={`${PASSWORD_RULE_TEXT}，且不能与最近 3 次使用过的密码相同`}>
        <Input.Password size="large" prefix={<LockOutlined aria-hidden />} placeholder="请输入新密码" autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, samePasswordRule('newPassword')]}>
        <Input.Password size="large" prefix={<LockOutlined aria-hidden />} placeholder="再次输入新密码" autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={reset.isPending} data-testid="reset-password">
        重置密码
      </Button>
      <div className="public-form-foot">
        <Button type="link" onClick={onBack}>
          更换手机号码
        </Button>
      </div>
    </Form>
  );
}
