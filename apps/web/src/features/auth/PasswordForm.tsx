import { EyeInvisibleOutlined, EyeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button } from 'antd';
// The input's own modules: antd's `Input` also carries TextArea, Search and OTP.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import type { LoginPortal, MfaChallenge, SessionTokens } from '@butie/contracts';
import { passwordLogin } from './api/login';
import { LoginAlert } from './LoginAlert';
import { LoginField } from './LoginField';
import { required, useLoginForm } from './login-form';

// The eye says what clicking it does, in Chinese (antd's own icon would be read as 「eye-invisible」).
const passwordEye = (visible: boolean) => (visible ? <EyeOutlined aria-label="隐藏密码" /> : <EyeInvisibleOutlined aria-label="显示密码" />);

const RULES = { username: [required('请输入用户名')], password: [required('请输入密码')] };

export function PasswordForm({ portal, onSignedIn, onMfa }: { portal: LoginPortal; onSignedIn: (t: SessionTokens) => void; onMfa: (c: MfaChallenge) => void }) {
  const form = useLoginForm(`password-${portal}`, RULES);

  const submit = form.onSubmit(async (values) => {
    const result = await passwordLogin({ ...values, portal });
    if ('mfaRequired' in result) onMfa(result);
    else onSignedIn(result);
  }, () => form.setValue('password', ''));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {form.refusal && <LoginAlert type="error" title={form.refusal} data-testid="login-error" />}
      <LoginField {...form.field('username')} label="用户名">
        <Input {...form.input('username')} size="large" prefix={<UserOutlined aria-hidden />} autoComplete="username" placeholder="请输入用户名" maxLength={64} />
      </LoginField>
      <LoginField {...form.field('password')} label="密码">
        <Password
          {...form.input('password')}
          size="large"
          prefix={<LockOutlined aria-hidden />}
          iconRender={passwordEye}
          autoComplete="current-password"
          placeholder="请输入密码"
          maxLength={128}
        />
      </LoginField>
      <Button type="primary" htmlType="submit" size="large" block loading={form.submitting}>
        登录
      </Button>
    </form>
  );
}
