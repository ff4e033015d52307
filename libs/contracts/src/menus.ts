import type { Audience } from './permissions.js';

/**
 * Menus of every role, as ux.md names them. Defined once here; the SPA shows an item only when it
 * has a page for its path (a menu item appears when its page works), and the API — never the
 * menu — decides what a user may do.
 */
export interface MenuItem {
  key: string;
  label: string;
  /** Absent on a group that only holds children. */
  path?: string;
  children?: MenuItem[];
}

/** An applicant or a unit whose registration is not approved yet sees a reduced menu (domain §3.1, §3.2). */
export type MenuAudience = Audience;

const home: MenuItem = { key: 'home', label: '首页', path: '/home' };
const messages: MenuItem = { key: 'messages', label: '系统消息', path: '/messages' };
const account: MenuItem = { key: 'account', label: '账号管理', path: '/account' };
const unitProfile: MenuItem = { key: 'unit-profile', label: '单位信息', path: '/unit/profile' };
const statistics: MenuItem = { key: 'statistics', label: '统计查询', path: '/statistics' };
const financeMenu: MenuItem[] = [
  home,
  { key: 'finance-pending', label: '待拨付', path: '/finance/pending' },
  { key: 'finance-records', label: '拨付记录', path: '/finance/records' },
  messages,
  account,
];

export const MENUS: Record<MenuAudience, MenuItem[]> = {
  APPLICANT: [
    home,
    {
      key: 'profile',
      label: '个人信息管理',
      children: [
        { key: 'profile-info', label: '维护个人信息', path: '/profile/info' },
        { key: 'profile-materials', label: '维护个人材料', path: '/profile/materials' },
        { key: 'profile-work-history', label: '维护工作经历', path: '/profile/work-history' },
      ],
    },
    {
      key: 'applications',
      label: '补贴申报管理',
      children: [
        { key: 'application-new', label: '补贴申请', path: '/applications/new' },
        { key: 'application-list', label: '申报信息', path: '/applications' },
        { key: 'application-history', label: '申报历史', path: '/applications/history' },
        { key: 'application-receipts', label: '拨付确认', path: '/applications/receipts' },
      ],
    },
    messages,
    account,
  ],
  APPLICANT_PENDING: [{ key: 'registration', label: '注册状态', path: '/registration' }, account],
  // 单位信息 shows the county's progress and, when returned, its opinion and the form to resubmit.
  UNIT_PENDING: [unitProfile, account],
  UNIT: [
    home,
    unitProfile,
    { key: 'unit-registrations', label: '人员注册审核', path: '/unit/registrations' },
    { key: 'unit-applications', label: '补贴申报审核', path: '/unit/applications' },
    { key: 'unit-reports', label: '上报县区人社局', path: '/unit/reports' },
    messages,
    account,
  ],
  COUNTY_HRSS: [
    home,
    { key: 'county-unit-registrations', label: '单位注册审核', path: '/county/unit-registrations' },
    { key: 'county-virtual-unit', label: '虚拟单位申报审核', path: '/county/virtual-unit-applications' },
    { key: 'county-applications', label: '补贴审核', path: '/county/applications' },
    { key: 'county-publicity', label: '公示管理', path: '/county/publicity' },
    { key: 'county-evaluation', label: '评审', path: '/county/evaluation' },
    { key: 'county-org-reports', label: '上报县区组织部', path: '/county/org-reports' },
    statistics,
    messages,
    account,
  ],
  COUNTY_ORG: [
    home,
    { key: 'county-org-pending', label: '待确认', path: '/county-org/pending' },
    { key: 'county-org-confirmed', label: '已确认', path: '/county-org/confirmed' },
    statistics,
    messages,
    account,
  ],
  CITY_HRSS: [
    home,
    { key: 'city-summary', label: '汇总', path: '/city/summary' },
    { key: 'city-summary-batches', label: '汇总批次', path: '/city/summary-batches' },
    statistics,
    messages,
    account,
  ],
  CITY_ORG: [home, { key: 'city-org-pending', label: '待确认汇总', path: '/city-org/pending' }, statistics, messages, account],
  CITY_FINANCE: financeMenu,
  COUNTY_FINANCE: financeMenu,
  ADMIN: [
    { key: 'admin-regions', label: '区县与虚拟单位', path: '/admin/regions' },
    { key: 'admin-staff', label: '人员账号', path: '/admin/staff' },
    { key: 'admin-policy', label: '政策参数', path: '/admin/policy' },
    { key: 'admin-holidays', label: '节假日', path: '/admin/holidays' },
    { key: 'admin-sandbox', label: '沙箱数据', path: '/admin/sandbox' },
    { key: 'admin-gateways', label: '接口设置', path: '/admin/gateways' },
    account,
  ],
  AUDITOR: [
    { key: 'audit-logins', label: '登录日志', path: '/audit/logins' },
    { key: 'audit-operations', label: '操作日志', path: '/audit/operations' },
    account,
  ],
};

/** Keeps only the items whose path the caller can show (and groups that keep a child). */
export function visibleMenu(items: MenuItem[], hasPage: (path: string) => boolean): MenuItem[] {
  const kept: MenuItem[] = [];
  for (const item of items) {
    if (item.children) {
      const children = visibleMenu(item.children, hasPage);
      if (children.length > 0) kept.push({ ...item, children });
    } else if (item.path && hasPage(item.path)) {
      kept.push(item);
    }
  }
  return kept;
}

/** The first page of a menu: where a role lands after sign-in. */
export function landingPath(items: MenuItem[]): string | undefined {
  for (const item of items) {
    if (item.path) return item.path;
    const inner = item.children && landingPath(item.children);
    if (inner) return inner;
  }
  return undefined;
}
