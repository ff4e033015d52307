import type { ReactNode } from 'react';

/** A labelled field of the login page, its message under it (drawn like antd's vertical form item). */
export function LoginField({ id, label, error, extra, children }: { id: string; label: string; error?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="login-field">
      <label htmlFor={id} className="login-label">
        {label}
      </label>
      {children}
      {error && (
        <div id={`${id}_error`} className="login-field-error" role="alert">
          {error}
        </div>
      )}
      {extra && <div className="login-field-extra">{extra}</div>}
    </div>
  );
}
