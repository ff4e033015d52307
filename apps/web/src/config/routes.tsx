import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { can, landingPath, MENUS, visibleMenu, type MenuItem, type Permission, type UserView } from '@butie/contracts';

/**
 * The one route table: it drives the router, the menu (an item shows only when its page is here
 * and the role holds the page's permission) and the landing page. The API still decides security.
 */
export interface AppRoute {
  path: string;
  title: string;
  permission: Permission;
  component: LazyExoticComponent<ComponentType>;
}

/** A named export loaded the first time it renders, so that it and what only it uses are a chunk of their own. */
export function lazyNamed<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const APP_ROUTES: AppRoute[] = [
  { path: '/home', title: '首页', permission: 'dashboard.view', component: lazyNamed(() => import('../features/home/HomePage'), 'HomePage') },
  { path: '/account', title: '账号管理', permission: 'account.self', component: lazyNamed(() => import('../features/account/AccountPage'), 'AccountPage') },
  { path: '/admin/regions', title: '区县与虚拟单位', permission: 'region.manage', component: lazyNamed(() => import('../features/admin/RegionsPage'), 'RegionsPage') },
  { path: '/admin/staff', title: '人员账号', permission: 'staff.manage', component: lazyNamed(() => import('../features/admin/StaffPage'), 'StaffPage') },
  { path: '/audit/logins', title: '登录日志', permission: 'log.read', component: lazyNamed(() => import('../features/audit/LoginEventsPage'), 'LoginEventsPage') },
  { path: '/audit/operations', title: '操作日志', permission: 'log.read', component: lazyNamed(() => import('../features/audit/OperationLogsPage'), 'OperationLogsPage') },
];

export function routesFor(user: Pick<UserView, 'role'>): AppRoute[] {
  return APP_ROUTES.filter((route) => can(user.role, route.permission));
}

export function menuFor(user: Pick<UserView, 'role'>): MenuItem[] {
  const paths = new Set(routesFor(user).map((route) => route.path));
  return visibleMenu(MENUS[user.role], (path) => paths.has(path));
}

export function landingFor(user: Pick<UserView, 'role'>): string {
  return landingPath(menuFor(user)) ?? '/account';
}

/**
 * Where to go after signing in: back to the page the session ended on, when it is one of this
 * user's pages (another account may sign in on the same screen), else the user's landing page.
 */
export function afterSignIn(user: Pick<UserView, 'role'>, from: string | undefined): string {
  return from && routesFor(user).some((route) => route.path === from) ? from : landingFor(user);
}
