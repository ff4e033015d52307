import { MobileOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import Input from 'antd/es/input/Input';
import { useState } from 'react';
import { maskPhone, MOBILE_PHONE_MESSAGE, MOBILE_PHONE_PATTERN, type LoginPortal, type SessionTokens } from '@butie/contracts';
import { ApiError } from '../../lib/api-client';
import { errorText } from '../../lib/form-errors';
import { sendLoginCode, smsLogin } from './api/sms';
import { CODE_RULES, CodeField } from './CodeField';
import { LoginAlert } from './LoginAlert';
import { LoginField } from './LoginField';
import { matches, required, useLoginForm } from './login-form';
import { SandboxSmsNotice } from './SandboxSmsNotice';

// The same phone rule as the API's, so the form refuses what the server would.
const RULES = { phone: [required('请输入手机号码'), matches(MOBILE_PHONE_PATTERN, MOBILE_PHONE_MESSAGE)], code: CODE_RULES };

interface Sent {
  phone: string;
  minutes: number;
  sandboxTicket?: string;
}

export function SmsForm({ portal, onSignedIn }: { portal: LoginPortal; onSignedIn: (t: SessionTokens) => void }) {
  const form = useLoginForm(`sms-${portal}`, RULES);
  const [sent, setSent] = useState<Sent | null>(null);

  const send = async (): Promise<number> => {
    const values = form.validate(['phone']);
    // Nothing was sent: the button stays usable, the message is on the phone field.
    if (!values) throw new Error('phone not valid');
    form.setRefusal(null);
    try {
      const result = await sendLoginCode(values.phone);
      setSent({ phone: values.phone, minutes: Math.round(result.expiresIn / 60), sandboxTicket: result.sandboxTicket });
      return result.resendAfter;
    } catch (error) {
      form.setRefusal(errorText(error));
      const wait = error instanceof ApiError ? Number(error.problem.resendAfter ?? 0) : 0;
      if (wait > 0) return wait;
      throw error;
    }
  };

  const submit = form.onSubmit(async (values) => onSignedIn(await smsLogin({ ...values, portal })));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {form.refusal && <LoginAlert type="error" title={form.refusal} data-testid="login-error" />}
      <LoginField {...form.field('phone')} label="手机号码">
        <Input {...form.input('phone')} size="large" prefix={<MobileOutlined aria-hidden />} autoComplete="tel" placeholder="注册时预留的手机号码" maxLength={11} inputMode="numeric" />
      </LoginField>
      <CodeField
        field={form.field('code')}
        input={form.input('code')}
        onSend={send}
        sendTestId="send-code"
        sentNote={sent && `验证码已发送至 ${maskPhone(sent.phone)}，${sent.minutes} 分钟内有效`}
      />
      <SandboxSmsNotice ticket={sent?.sandboxTicket} />
      <Button type="primary" htmlType="submit" size="large" block loading={form.submitting}>
        登录
      </Button>
    </form>
  );
}
