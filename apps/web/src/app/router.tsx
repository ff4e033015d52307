import type { ComponentType } from 'react';
import { useEffect } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { can } from '@butie/contracts';
import { landingFor, lazyNamed, PUBLIC_ROUTES, SIGNED_IN_ROUTES, type PublicRoute, type SignedInRoute } from '../config/routes';
import { configureApiClient } from '../lib/api-client';
import { sessionStore } from '../lib/session';
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

/**
 * A public page (`public: true` in the route table): its own chunk, drawn in the light public frame
 * with antd's App, never with the signed-in menu.
 */
async function publicRoute(route: PublicRoute) {
  const [{ SignedInApp }, { PublicLayout }] = await Promise.all([import('./SignedInApp'), import('./PublicLayout')]);
  const Page = route.component;
  return {
    Component: () => (
      <SignedInApp>
        <PublicLayout title={route.title}>
          <Page />
        </PublicLayout>
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
      sessionOver: () => void navigate('/login', { replace: true }),
      passwordChangeRequired: () => void navigate('/password-required', { replace: true }),
    });
  }, [navigate]);

  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname, fromUser: sessionStore.lastUserId() }} />;
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

/**
 * One route of the table; react-router has matched its pattern (`:id` included). A page of another
 * role answers like a page that does not exist.
 */
function RouteGate({ route }: { route: SignedInRoute }) {
  const session = useSession()!;
  if (!can(session.user, route.permission)) return <NotFoundPage />;
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
      ...PUBLIC_ROUTES.map((route) => ({ path: route.path, lazy: () => publicRoute(route) })),
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
              ...SIGNED_IN_ROUTES.map((route) => ({ path: route.path, element: <RouteGate route={route} /> })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
