import { DownOutlined, LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, SettingOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { Suspense, useCallback, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS, type MenuItem, type UserView } from '@butie/contracts';
import { useChineseIconNames } from '../components/icon-names';
import { menuFor, menuPathFor } from '../config/routes';
import { logout } from '../lib/logout';
import { IdleGuard } from './IdleGuard';
import { menuIcon } from './menu-icons';
import './layout.css';

function toAntdItems(items: MenuItem[]): MenuProps['items'] {
  return items.map((item) => ({
    key: item.path ?? item.key,
    icon: menuIcon(item.key),
    label: item.label,
    children: item.children ? toAntdItems(item.children) : undefined,
  }));
}

function openKeysFor(items: MenuItem[], path: string): string[] {
  return items.filter((item) => item.children?.some((child) => child.path === path)).map((item) => item.key);
}

function orgOf(user: UserView): string | null {
  return user.unit?.name ?? user.region?.name ?? null;
}

/**
 * The signed-in frame: the role's menu, the user at the top right with 账号管理 and 注销登录.
 * Landmarks (header, nav, main) and keyboard-reachable controls throughout; icons are decoration
 * (aria-hidden), the words beside them or the buttons' labels say what they do.
 */
export function AppLayout({ user, idleTimeout }: { user: UserView; idleTimeout: number }) {
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const menu = useMemo(() => menuFor(user), [user]);
  // A detail page (/county/unit-registrations/:id) lights the list it belongs to.
  const menuPath = menuPathFor(menu, location.pathname) ?? location.pathname;
  const goToLogin = useCallback(() => void navigate('/login', { replace: true }), [navigate]);
  useChineseIconNames();

  const userMenu: MenuProps['items'] = [
    { key: 'account', icon: <SettingOutlined aria-hidden />, label: <span data-testid="user-menu-account">账号管理</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: '注销登录', danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') void navigate('/account');
    if (key === 'logout') void logout().then(goToLogin);
  };

  const sideMenu = (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        data-testid="side-menu"
        selectedKeys={[menuPath]}
        defaultOpenKeys={openKeysFor(menu, menuPath)}
        items={toAntdItems(menu)}
        onClick={({ key }) => {
          navigate(key);
          setDrawerOpen(false);
        }}
      />
    </nav>
  );

  return (
    <Layout className="app-layout">
      <IdleGuard idleTimeout={idleTimeout} onTimeout={goToLogin} />
      <Layout.Header className="app-header">
        <div className="app-header-left">
          {mobile ? (
            <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          <Link className="app-brand" to="/">
            <span className="app-logo" aria-hidden="true">
              补
            </span>
            <span className="app-title">补贴通</span>
            {!mobile && <span className="app-subtitle">大学生生活补贴网上申报系统</span>}
          </Link>
        </div>
        <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
          <Button type="text" className="app-user" data-testid="user-menu">
            <Space size={8}>
              <Avatar size="small" className="app-avatar" aria-hidden>
                {user.fullName.slice(0, 1)}
              </Avatar>
              <span className="app-user-text">
                <span data-testid="user-name">{user.fullName}</span>
                {!mobile && (
                  <Typography.Text type="secondary" className="app-user-role" data-testid="user-role">
                    {ROLE_LABELS[user.role]}
                    {orgOf(user) ? ` · ${orgOf(user)}` : ''}
                  </Typography.Text>
                )}
              </span>
              <DownOutlined aria-hidden style={{ fontSize: 10 }} />
            </Space>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {mobile ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title="补贴通" styles={{ body: { padding: 0 } }}>
            {sideMenu}
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light" collapsed={collapsed} collapsedWidth={64} trigger={null} className="app-sider">
            {sideMenu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
