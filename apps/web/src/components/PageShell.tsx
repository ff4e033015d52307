import { ArrowLeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * The page header every page uses: title (the page's one h1), one line of what the page is for,
 * actions on the right (below the title on a phone).
 */
export function PageShell({
  title,
  description,
  extra,
  back,
  children,
}: {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
  /** A detail page's way back to its list (with the list's filters: pass the address it came from). */
  back?: { to: string; label: string };
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · 补贴通`;
  }, [title]);
  return (
    <div className="page-shell">
      {back && (
        <Link to={back.to} className="page-back">
          <ArrowLeftOutlined aria-hidden /> {back.label}
        </Link>
      )}
      <div className="page-header">
        <div>
          <Typography.Title level={1} className="page-title">
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
