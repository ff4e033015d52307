import { Button } from 'antd';
import { useState } from 'react';
import type { MfaChallenge, SessionTokens } from '@butie/contracts';
import { ApiError } from '../../lib/api-client';
import { completeMfa } from './api/login';
import { resendMfaCode } from './api/sms';
import { CODE_RULES, CodeField } from './CodeField';
import { LoginAlert } from './LoginAlert';
import { useLoginForm } from './login-form';
import { SandboxSmsNotice } from './SandboxSmsNotice';

const RULES = { code: CODE_RULES };

/** The staff second factor: the code sent to the account's phone after a right password. */
export function MfaStep({ challenge, onDone, onCancel }: { challenge: MfaChallenge; onDone: (t: SessionTokens) => void; onCancel: () => void }) {
  const form = useLoginForm('mfa', RULES);
  // In the demo each (re)send comes with the ticket of the message to show, as for SMS sign-in.
  const [sandboxTicket, setSandboxTicket] = useState(challenge.sandboxTicket);

  const resend = async () => {
    const result = await resendMfaCode(challenge.mfaToken);
    setSandboxTicket(result.sandboxTicket);
    return result.resendAfter;
  };

  const submit = form.onSubmit(async (values) => onDone(await completeMfa({ mfaToken: challenge.mfaToken, code: values.code })), (error) => {
    if (error instanceof ApiError && error.code === 'MFA_TOKEN_INVALID') onCancel();
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="login-step-title">短信二次验证</h3>
      <p className="login-note">管理部门账号登录须再输入短信验证码，验证码已发送至 {challenge.phoneMasked}。</p>
      {form.refusal && <LoginAlert type="error" title={form.refusal} data-testid="login-error" />}
      <CodeField field={form.field('code')} input={form.input('code')} initialSeconds={60} onSend={resend} sendTestId="resend-code" />
      <SandboxSmsNotice ticket={sandboxTicket} />
      <div className="login-actions">
        <Button type="primary" htmlType="submit" size="large" block loading={form.submitting}>
          验证并登录
        </Button>
        <Button size="large" block onClick={onCancel}>
          返回
        </Button>
      </div>
    </form>
  );
}
