import { MENUS, landingPath, visibleMenu, type MenuAudience, type MenuItem } from './menus.js';
import { ROLES } from './roles.js';

const AUDIENCES = Object.keys(MENUS) as MenuAudience[];

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

const BUSINESS_ROLES = ROLES.filter((role) => role !== 'ADMIN' && role !== 'AUDITOR');
/** Everything a business role's menu offers, except 账号管理 which every menu has. */
const BUSINESS_KEYS = new Set(
  [...BUSINESS_ROLES, 'APPLICANT_PENDING' as const, 'UNIT_PENDING' as const].flatMap((audience) => flatten(MENUS[audience]).map((item) => item.key)).filter((key) => key !== 'account'),
);

describe('menus', () => {
  it('has a menu for every role and for the applicant and the unit awaiting approval', () => {
    expect(AUDIENCES.sort()).toEqual([...ROLES, 'APPLICANT_PENDING', 'UNIT_PENDING'].sort());
  });

  it.each(AUDIENCES)('gives %s the 账号管理 item', (audience) => {
    expect(flatten(MENUS[audience])).toContainEqual({ key: 'account', label: '账号管理', path: '/account' });
  });

  it.each(['ADMIN', 'AUDITOR'] as const)('gives %s none of the business items (三员分立)', (role) => {
    const keys = flatten(MENUS[role]).map((item) => item.key);
    expect(keys.filter((key) => BUSINESS_KEYS.has(key))).toEqual([]);
  });

  it('gives the auditor only the two logs and the account', () => {
    expect(flatten(MENUS.AUDITOR).map((item) => item.label)).toEqual(['登录日志', '操作日志', '账号管理']);
  });

  it('gives an applicant awaiting approval only the registration status and the account', () => {
    expect(MENUS.APPLICANT_PENDING.map((item) => item.path)).toEqual(['/registration', '/account']);
  });

  it('gives a unit awaiting approval only its registration (单位信息) and the account', () => {
    expect(MENUS.UNIT_PENDING.map((item) => item.label)).toEqual(['单位信息', '账号管理']);
  });

  it.each(AUDIENCES)('gives every item of %s a unique key and either a path or children', (audience) => {
    const items = flatten(MENUS[audience]);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    for (const item of items) expect(Boolean(item.path) !== Boolean(item.children)).toBe(true);
  });
});

describe('visibleMenu', () => {
  const menu: MenuItem[] = [
    { key: 'home', label: '首页', path: '/home' },
    {
      key: 'group',
      label: '组',
      children: [
        { key: 'a', label: 'A', path: '/a' },
        { key: 'b', label: 'B', path: '/b' },
      ],
    },
    { key: 'empty-group', label: '空组', children: [{ key: 'c', label: 'C', path: '/c' }] },
    { key: 'account', label: '账号管理', path: '/account' },
  ];

  it('drops the items whose page does not exist yet', () => {
    const pages = new Set(['/home', '/account', '/a']);
    expect(visibleMenu(menu, (path) => pages.has(path))).toEqual([
      { key: 'home', label: '首页', path: '/home' },
      { key: 'group', label: '组', children: [{ key: 'a', label: 'A', path: '/a' }] },
      { key: 'account', label: '账号管理', path: '/account' },
    ]);
  });

  it('drops a group none of whose children has a page', () => {
    expect(visibleMenu(menu, (path) => path === '/account')).toEqual([{ key: 'account', label: '账号管理', path: '/account' }]);
  });

  it('leaves the shared menu definition untouched', () => {
    const before = JSON.stringify(MENUS.APPLICANT);
    visibleMenu(MENUS.APPLICANT, () => false);
    expect(JSON.stringify(MENUS.APPLICANT)).toBe(before);
  });
});

describe('landingPath', () => {
  it('is the first page of the menu', () => {
    expect(landingPath(MENUS.APPLICANT)).toBe('/home');
    expect(landingPath(MENUS.ADMIN)).toBe('/admin/regions');
    expect(landingPath(MENUS.AUDITOR)).toBe('/audit/logins');
  });

  it('looks inside groups when the first item is a group', () => {
    const visible = visibleMenu(MENUS.APPLICANT, (path) => path === '/profile/work-history' || path === '/account');
    expect(landingPath(visible)).toBe('/profile/work-history');
  });

  it('is undefined for an empty menu', () => {
    expect(landingPath([])).toBeUndefined();
    expect(landingPath([{ key: 'g', label: 'G', children: [] }])).toBeUndefined();
  });

  it.each(AUDIENCES)('gives %s a landing page', (audience) => {
    expect(landingPath(MENUS[audience])).toMatch(/^\//);
  });
});
