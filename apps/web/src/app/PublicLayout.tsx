import { ArrowLeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './public.css';

/**
 * The frame of the pages a signed-out visitor uses (单位注册, 个人注册, 忘记密码): the brand, the
 * way back to the login page, the page's title as its one h1, and the page in a centred column.
 */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · 补贴通`;
  }, [title]);
  return (
    <div className="public-page">
      <header className="public-header">
        <Link className="public-brand" to="/login">
          <span className="public-logo" aria-hidden="true">
            补
          </span>
          <span className="public-title">补贴通</span>
          <span className="public-subtitle">大学生生活补贴网上申报系统</span>
        </Link>
        <Link to="/login" className="public-back">
          <ArrowLeftOutlined aria-hidden /> 返回登录
        </Link>
      </header>
      <main className="public-main">
        <Typography.Title level={1} className="public-heading">
          {title}
        </Typography.Title>
        {children}
      </main>
      <footer className="public-footer">© 云州市人力资源和社会保障局 · 技术支持：补贴通</footer>
    </div>
  );
}
