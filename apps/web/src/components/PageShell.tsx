import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** The page header every page uses: title, one line of what the page is for, actions on the right. */
export function PageShell({ title, description, extra, children }: { title: string; description?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · 补贴通`;
  }, [title]);
  return (
    <div className="page-shell">
      <div className="page-header">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description && <Typography.Text type="secondary">{description}</Typography.Text>}
        </div>
        {extra && <div className="page-actions">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
