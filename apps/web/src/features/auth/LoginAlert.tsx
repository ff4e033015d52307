import { CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';

// The icon is decoration: the type is said by the text itself (antd's Alert would have screen
// readers read the icon's English name, 「info-circle」, and weighs 3 kB gzip more).
const ICONS = {
  info: <InfoCircleFilled aria-hidden />,
  warning: <ExclamationCircleFilled aria-hidden />,
  error: <CloseCircleFilled aria-hidden />,
};

interface Props {
  type: keyof typeof ICONS;
  title: ReactNode;
  description?: ReactNode;
  /** `alert` interrupts a screen reader (refusals); `status` waits for a pause (news). */
  role?: 'alert' | 'status';
  'data-testid'?: string;
}

/** An alert of the login page, drawn like antd's Alert. */
export function LoginAlert({ type, title, description, role = type === 'error' ? 'alert' : 'status', 'data-testid': testId }: Props) {
  return (
    <div className={`login-alert login-alert-${type}${description ? ' login-alert-with-description' : ''}`} role={role} data-testid={testId}>
      <span className="login-alert-icon">{ICONS[type]}</span>
      <div>
        <div className="login-alert-title">{title}</div>
        {description && <div className="login-alert-description">{description}</div>}
      </div>
    </div>
  );
}
