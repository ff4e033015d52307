import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { LOGIN_PORTAL_LABELS, LOGIN_PORTALS, type LoginPortal, type MfaChallenge, type SessionTokens } from '@butie/contracts';
import { sessionStore, takeSignOutReason, type SignOutReason } from '../../lib/session';
import { afterSignIn, PUBLIC_ROUTES } from '../../config/routes';
import { useAppInfo } from '../../lib/app-info';
import { LoginAlert } from './LoginAlert';
import { MfaStep } from './MfaStep';
import { PasswordForm } from './PasswordForm';
import { LoginTabs } from './LoginTabs';
import { SmsForm } from './SmsForm';
import './login.css';
import { InlineLink } from '../../components/InlineLink';

const REASON_TEXT: Record<SignOutReason, { type: 'info' | 'warning'; text: string }> = {
  IDLE: { type: 'warning', text: '长时间未操作，登录已超时，请重新登录' },
  EXPIRED: { type: 'warning', text: '登录已失效，请重新登录' },
  REUSED: { type: 'warning', text: '检测到登录凭证被重复使用，为保护账号安全已退出，请重新登录' },
  LOGOUT: { type: 'info', text: '您已安全退出' },
};

const PORTAL_TABS = LOGIN_PORTALS.map((key) => ({ key, label: LOGIN_PORTAL_LABELS[key] }));

type Mode = 'password' | 'sms';
const MODE_TABS: { key: Mode; label: string }[] = [
  { key: 'password', label: '密码登录' },
  { key: 'sms', label: '短信登录' },
];

/** 系统首页的三个登录入口, each with password and SMS sign-in (domain §1, §4). */
export function LoginPage() {
  const [reason] = useState(() => takeSignOutReason());
  const [portal, setPortal] = useState<LoginPortal>('PERSONAL');
  const [mfa, setMfa] = useState<MfaChallenge | null>(null);
  const appInfo = useAppInfo();
  const navigate = useNavigate();
  const location = useLocation();
  const ended = location.state as { from?: string; fromUser?: string | null } | null;

  const signedIn = (tokens: SessionTokens) => {
    sessionStore.set(sessionStore.fromTokens(tokens));
    // Back to the page asked for (a bookmark) or the session ended on, unless it was another
    // account's: the next person at a shared computer starts at their own landing page.
    const from = !ended?.fromUser || ended.fromUser === tokens.user.id ? ended?.from : undefined;
    void navigate(tokens.user.mustChangePassword ? '/password-required' : afterSignIn(tokens.user, from), { replace: true });
  };

  return (
    <div className="login-page">
      <header className="login-hero">
        <div className="login-hero-inner">
          <div className="login-brand">
            <span className="login-logo" aria-hidden>
              补
            </span>
            <div>
              <h1 className="login-title">补贴通</h1>
              <p className="login-subtitle">大学生生活补贴网上申报系统</p>
            </div>
          </div>
          <p className="login-points">个人、用人单位和各级管理部门在此办理大学生生活补贴业务。</p>
        </div>
      </header>
      <div className="login-panel">
        <main className="login-card" aria-labelledby="login-heading">
          <h2 id="login-heading" className="login-visually-hidden">
            登录
          </h2>
          {reason && <LoginAlert type={REASON_TEXT[reason].type} title={REASON_TEXT[reason].text} data-testid="signout-reason" />}
          {appInfo.data?.demo && <span className="login-demo-badge">演示环境</span>}
          {mfa ? (
            <MfaStep challenge={mfa} onDone={signedIn} onCancel={() => setMfa(null)} />
          ) : (
            <LoginTabs label="登录入口" idPrefix="portal" look="line" tabs={PORTAL_TABS} active={portal} onChange={setPortal}>
              {(p) => (
                <PortalForms
                  portal={p}
                  // With the second factor on, staff sign in with password and code, never a code alone.
                  smsAllowed={!(p === 'STAFF' && appInfo.data?.staffSmsSecondFactor)}
                  onSignedIn={signedIn}
                  onMfa={setMfa}
                />
              )}
            </LoginTabs>
          )}
        </main>
        <p className="login-estimate">
          想知道能领多少？<InlineLink to="/estimate" data-testid="estimate-link">补贴测算</InlineLink>（无需登录）
        </p>
        <footer className="login-footer">© 云州市人力资源和社会保障局 · 技术支持：补贴通</footer>
      </div>
    </div>
  );
}

/** Registration of each entry (a link only once its page exists); staff accounts are made by the administrator. */
const REGISTER: Partial<Record<LoginPortal, { path: string; label: string }>> = {
  PERSONAL: { path: '/register/person', label: '个人注册' },
  UNIT: { path: '/register/unit', label: '单位注册' },
};

function PortalForms({ smsAllowed, ...props }: { portal: LoginPortal; smsAllowed: boolean; onSignedIn: (t: SessionTokens) => void; onMfa: (c: MfaChallenge) => void }) {
  const [mode, setMode] = useState<Mode>('password');
  return (
    <>
      {smsAllowed ? (
        <LoginTabs label="登录方式" idPrefix={`mode-${props.portal}`} look="segmented" tabs={MODE_TABS} active={mode} onChange={setMode}>
          {(m) => (m === 'password' ? <PasswordForm {...props} /> : <SmsForm {...props} />)}
        </LoginTabs>
      ) : (
        <PasswordForm {...props} />
      )}
      <PortalLinks portal={props.portal} />
    </>
  );
}

/** 忘记密码 and the entry's registration, under the 个人 and 单位 forms. */
function PortalLinks({ portal }: { portal: LoginPortal }) {
  if (portal === 'STAFF') return <p className="login-links-note">管理部门账号由系统管理员开设，忘记密码请联系系统管理员。</p>;
  const register = REGISTER[portal];
  return (
    <div className="login-links">
      <Link to={`/password/forgot?portal=${portal}`} data-testid={`forgot-${portal}`}>
        忘记密码
      </Link>
      {register && PUBLIC_ROUTES.some((route) => route.path === register.path) && (
        <span>
          还没有账号？<Link to={register.path} data-testid={`register-${portal}`}>{register.label}</Link>
        </span>
      )}
    </div>
  );
}
