import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPath } from 'react-router-dom';
import { audienceOf, can, landingPath, MENUS, visibleMenu, type MenuItem, type Permission, type UserView } from '@butie/contracts';

/**
 * The one route table: it drives the router (signed-in and public pages alike), the menu (an item
 * shows only when its page is here and the role holds the page's permission) and the landing page.
 * The API still decides security.
 *
 * To add a page, append one entry. A path may carry parameters (`/registrations/:id`, read with
 * react-router's `useParams`); a detail page's menu item is the list above it (longest menu path
 * that prefixes it). A page for signed-out visitors says `public: true` and has no permission; it
 * is drawn in the public frame (app/PublicLayout.tsx), never with the signed-in menu.
 */
export type AppRoute = SignedInRoute | PublicRoute;

export interface SignedInRoute {
  path: string;
  title: string;
  permission: Permission;
  public?: false;
  component: LazyExoticComponent<ComponentType>;
}

export interface PublicRoute {
  path: string;
  title: string;
  public: true;
  component: LazyExoticComponent<ComponentType>;
}

/** A named export loaded the first time it renders, so that it and what only it uses are a chunk of their own. */
export function lazyNamed<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const APP_ROUTES: AppRoute[] = [
  // Signed-out visitors (the login page itself is app/router.tsx's, kept out of every other chunk).
  { path: '/register/unit', title: '单位注册', public: true, component: lazyNamed(() => import('../features/units/UnitRegisterPage'), 'UnitRegisterPage') },
  { path: '/register/person', title: '个人注册', public: true, component: lazyNamed(() => import('../features/persons/PersonRegisterPage'), 'PersonRegisterPage') },
  { path: '/estimate', title: '补贴测算', public: true, component: lazyNamed(() => import('../features/estimate/EstimatePage'), 'EstimatePage') },
  { path: '/password/forgot', title: '忘记密码', public: true, component: lazyNamed(() => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage') },

  // Everyone signed in.
  { path: '/home', title: '首页', permission: 'dashboard.view', component: lazyNamed(() => import('../features/home/HomePage'), 'HomePage') },
  { path: '/account', title: '账号管理', permission: 'account.self', component: lazyNamed(() => import('../features/account/AccountPage'), 'AccountPage') },

  // 单位 and 县区人社局: unit registration (domain §3.1).
  { path: '/unit/profile', title: '单位信息', permission: 'unit.registration.self', component: lazyNamed(() => import('../features/units/UnitProfilePage'), 'UnitProfilePage') },
  { path: '/county/unit-registrations', title: '单位注册审核', permission: 'unit.registration.review', component: lazyNamed(() => import('../features/units/UnitReviewListPage'), 'UnitReviewListPage') },
  { path: '/county/unit-registrations/:id', title: '单位注册详情', permission: 'unit.registration.review', component: lazyNamed(() => import('../features/units/UnitReviewDetailPage'), 'UnitReviewDetailPage') },

  // 个人: 维护工作经历 (domain §5.2).
  { path: '/profile/work-history', title: '维护工作经历', permission: 'profile.self', component: lazyNamed(() => import('../features/work-history/WorkHistoryPage'), 'WorkHistoryPage') },

  // 个人 and 单位: person registration (domain §3.2) and 个人信息管理 (§5.1).
  { path: '/registration', title: '注册状态', permission: 'person.registration.self', component: lazyNamed(() => import('../features/persons/RegistrationStatusPage'), 'RegistrationStatusPage') },
  { path: '/profile/info', title: '维护个人信息', permission: 'profile.self', component: lazyNamed(() => import('../features/persons/ProfileInfoPage'), 'ProfileInfoPage') },
  { path: '/profile/materials', title: '维护个人材料', permission: 'profile.self', component: lazyNamed(() => import('../features/persons/ProfileMaterialsPage'), 'ProfileMaterialsPage') },
  { path: '/unit/registrations', title: '人员注册审核', permission: 'person.registration.review', component: lazyNamed(() => import('../features/persons/PersonReviewListPage'), 'PersonReviewListPage') },
  { path: '/unit/registrations/:id', title: '人员注册详情', permission: 'person.registration.review', component: lazyNamed(() => import('../features/persons/PersonReviewDetailPage'), 'PersonReviewDetailPage') },

  // 系统管理员, 审计员.
  { path: '/admin/regions', title: '区县与虚拟单位', permission: 'region.manage', component: lazyNamed(() => import('../features/admin/RegionsPage'), 'RegionsPage') },
  { path: '/admin/policy', title: '政策参数', permission: 'policy.manage', component: lazyNamed(() => import('../features/admin/PolicyPage'), 'PolicyPage') },
  { path: '/admin/sandbox', title: '沙箱数据', permission: 'sandbox.manage', component: lazyNamed(() => import('../features/admin/SandboxPages'), 'SandboxSocialSecurityPage') },
  { path: '/admin/sandbox/degrees', title: '沙箱学历记录', permission: 'sandbox.manage', component: lazyNamed(() => import('../features/admin/SandboxPages'), 'SandboxDegreesPage') },
  { path: '/admin/staff', title: '人员账号', permission: 'staff.manage', component: lazyNamed(() => import('../features/admin/StaffPage'), 'StaffPage') },
  { path: '/audit/logins', title: '登录日志', permission: 'log.read', component: lazyNamed(() => import('../features/audit/LoginEventsPage'), 'LoginEventsPage') },
  { path: '/audit/operations', title: '操作日志', permission: 'log.read', component: lazyNamed(() => import('../features/audit/OperationLogsPage'), 'OperationLogsPage') },
];

type RoleUser = Pick<UserView, 'role' | 'registrationStatus'>;

export const PUBLIC_ROUTES = APP_ROUTES.filter((route): route is PublicRoute => route.public === true);
export const SIGNED_IN_ROUTES = APP_ROUTES.filter((route): route is SignedInRoute => route.public !== true);

/** The route whose pattern matches `pathname` (parameters included), or null. */
export function matchRoute<R extends AppRoute>(routes: readonly R[], pathname: string): R | null {
  return routes.find((route) => matchPath({ path: route.path, end: true }, pathname) !== null) ?? null;
}

export function routesFor(user: RoleUser): SignedInRoute[] {
  return SIGNED_IN_ROUTES.filter((route) => can(user, route.permission));
}

export function menuFor(user: RoleUser): MenuItem[] {
  const paths = new Set(routesFor(user).map((route) => route.path));
  return visibleMenu(MENUS[audienceOf(user)], (path) => paths.has(path));
}

/** The menu entry a page belongs to: its own path, or for a detail page the list it opened from. */
export function menuPathFor(menu: MenuItem[], pathname: string): string | undefined {
  const paths = menu.flatMap(function flat(item): string[] {
    return [...(item.path ? [item.path] : []), ...(item.children ?? []).flatMap(flat)];
  });
  return paths.filter((path) => pathname === path || pathname.startsWith(`${path}/`)).sort((a, b) => b.length - a.length)[0];
}

export function landingFor(user: RoleUser): string {
  return landingPath(menuFor(user)) ?? '/account';
}

/**
 * Where to go after signing in: back to the page the session ended on, when it is one of this
 * user's pages (another account may sign in on the same screen), else the user's landing page.
 */
export function afterSignIn(user: RoleUser, from: string | undefined): string {
  return from && matchRoute(routesFor(user), from) ? from : landingFor(user);
}
