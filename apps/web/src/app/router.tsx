import type { ComponentType } from 'react';
import { useEffect } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { APP_ROUTES, landingFor, lazyNamed, routesFor } from '../config/routes';
import { configureApiClient } from '../lib/api-client';
import type { AppLayout } from './AppLayout';
import { useSession } from './use-session';

// Split by route: the login page is the first page most visitors see, so it must not carry the
// signed-in frame (menu, drawer, dropdowns), antd's App or any page behind it, nor they the login
// page. The routes load with react-router's `lazy`, which fetches a route's code before the
// navigation completes: the address changes when the page can be drawn, never onto a blank frame.
const NotFoundPage = lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage');

/** A signed-in route: its component inside antd's App (message, notification, modal; dayjs's locale). */
async function signedInRoute(load: () => Promise<ComponentType>) {
  const [{ SignedInApp }, Page] = await Promise.all([import('./SignedInApp'), load()]);
  return {
    Component: () => (
      <SignedInApp>
        <Page />
      </SignedInApp>
    ),
  };
}

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

function ShellForRole({ Layout }: { Layout: typeof AppLayout }) {
  const session = useSession()!;
  return <Layout user={session.user} idleTimeout={session.idleTimeout} />;
}

function RoleRoutes() {
  const session = useSession()!;
  const location = useLocation();
  const route = routesFor(session.user).find((r) => r.path === location.pathname);
  if (!route) return <NotFoundPage />;
  const Page = route.component;
  return <Page />;
}

/** While the first page's code loads (fetched with the entry: see index.html's preload links), nothing. */
function FirstLoad() {
  return null;
}

export const router = createBrowserRouter([
  {
    HydrateFallback: FirstLoad,
    children: [
      { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/LoginPage')).LoginPage }) },
      // Outside the signed-in routes, so that the site's address sends a visitor to the login page
      // without loading the signed-in frame first.
      { path: '/', element: <Landing /> },
      {
        element: <RequireSession />,
        children: [
          {
            path: '/password-required',
            lazy: () => signedInRoute(async () => (await import('../features/account/PasswordRequiredPage')).PasswordRequiredPage),
          },
          {
            lazy: () =>
              signedInRoute(async () => {
                const Layout = (await import('./AppLayout')).AppLayout;
                return () => <ShellForRole Layout={Layout} />;
              }),
            children: [
              ...APP_ROUTES.map((route) => ({ path: route.path, element: <RoleRoutes /> })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
