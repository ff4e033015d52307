import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { APP_ROUTES, landingFor, routesFor } from '../config/routes';
import { LoginPage } from '../features/auth/LoginPage';
import { PasswordRequiredPage } from '../features/account/PasswordRequiredPage';
import { configureApiClient } from '../lib/api-client';
import { AppLayout } from './AppLayout';
import { useSession } from './use-session';

/** Signed-in pages: without a session, to the login page (and back here afterwards). */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    configureApiClient({
      sessionOver: () => navigate('/login', { replace: true }),
      passwordChangeRequired: () => navigate('/password-required', { replace: true }),
    });
  }, [navigate]);

  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (session.user.mustChangePassword && location.pathname !== '/password-required') return <Navigate to="/password-required" replace />;
  return <Outlet />;
}

function Landing() {
  const session = useSession();
  return <Navigate to={session ? landingFor(session.user) : '/login'} replace />;
}

function ShellForRole() {
  const session = useSession()!;
  return <AppLayout user={session.user} idleTimeout={session.idleTimeout} />;
}

/** A page of another role, or one that does not exist: said plainly, with the way back. */
function NotFound() {
  const session = useSession();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，或当前账号无权访问。"
      extra={
        <Button type="primary" onClick={() => navigate(session ? landingFor(session.user) : '/login')}>
          返回首页
        </Button>
      }
    />
  );
}

function RoleRoutes() {
  const session = useSession()!;
  const location = useLocation();
  const route = routesFor(session.user).find((r) => r.path === location.pathname);
  if (!route) return <NotFound />;
  const Page = route.component;
  return <Page />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: '/password-required', element: <PasswordRequiredPage /> },
      {
        element: <ShellForRole />,
        children: [
          { index: true, element: <Landing /> },
          ...APP_ROUTES.map((route) => ({ path: route.path, element: <RoleRoutes /> })),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
