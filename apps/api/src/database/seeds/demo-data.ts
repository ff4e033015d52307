import type { Role } from '@butie/contracts';

/** The demo city: fixed names and usernames so that scripts, tests and the README can rely on them. */
export const DEMO_CITY = { code: 'yunzhou', name: '云州市' };

export const DEMO_COUNTIES = [
  { code: 'dongcheng', name: '东城区' },
  { code: 'xicheng', name: '西城区' },
  { code: 'nanhu', name: '南湖区' },
  { code: 'beishan', name: '北山县' },
];

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  phone: string;
  /** County code for county roles. */
  county?: string;
}

const COUNTY_STAFF: { suffix: string; role: Role; title: string }[] = [
  { suffix: 'hrss', role: 'COUNTY_HRSS', title: '人社局' },
  { suffix: 'org', role: 'COUNTY_ORG', title: '组织部' },
  { suffix: 'finance', role: 'COUNTY_FINANCE', title: '财政局' },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['建国', '海燕', '志强', '丽娟', '文博', '静怡', '国华', '晓明', '春梅', '子涵', '立新', '雅琴', '德华', '秀英', '宏伟', '凤霞'];

export function demoStaffAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { username: 'admin', fullName: '系统管理员', role: 'ADMIN', phone: '13900000001' },
    { username: 'auditor', fullName: '审计员', role: 'AUDITOR', phone: '13900000002' },
    { username: 'city_hrss', fullName: '周海燕', role: 'CITY_HRSS', phone: '13900000003' },
    { username: 'city_org', fullName: '吴志强', role: 'CITY_ORG', phone: '13900000004' },
    { username: 'city_finance', fullName: '郑丽娟', role: 'CITY_FINANCE', phone: '13900000005' },
  ];
  let n = 0;
  for (const county of DEMO_COUNTIES) {
    for (const staff of COUNTY_STAFF) {
      accounts.push({
        username: `${county.code}_${staff.suffix}`,
        fullName: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`,
        role: staff.role,
        phone: `139000001${String(n).padStart(2, '0')}`,
        county: county.code,
      });
      n++;
    }
  }
  return accounts;
}

/** One approved employer in 东城区 with its unit account, and one applicant who can sign in by SMS. */
export const DEMO_UNIT = {
  name: '云州市示范科技有限公司',
  creditCodeBody: '91530100MA6K7XYW1',
  county: 'dongcheng',
  address: '云州市东城区创新大道 88 号',
  contactPerson: '钱晓明',
  contactPhone: '13700000001',
  account: { username: 'demo_unit', fullName: '钱晓明', phone: '13700000001' },
};

export const DEMO_APPLICANT = { username: 'demo_applicant', fullName: '林雨桐', phone: '13800000001' };
