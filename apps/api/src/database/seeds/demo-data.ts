import type { RegistrationStatus, Role } from '@butie/contracts';

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

/**
 * The other units, so that 单位注册审核 of every county has a queue and the picker offers units in
 * every county: two or three approved ones per county (`unit_<county>_<n>`), and registrations
 * pending (`unit_<county>_pending`, one of them resubmitted after a return) or returned with the
 * county's opinion (`unit_<county>_returned`). Each has its UNIT account; the contact person is
 * the account's name and the contact phone its phone (13710000001 …, in this order).
 */
export interface DemoUnit {
  username: string;
  name: string;
  county: string;
  /** The first 17 characters of the 统一社会信用代码; the GB 32100 check character is computed. */
  creditCodeBody: string;
  address: string;
  contactPerson: string;
  status: RegistrationStatus;
  /** Days ago it was first submitted. */
  submittedDaysAgo: number;
  /** RETURNED: the county's opinion. PENDING with `resubmittedDaysAgo`: the opinion of the return before. */
  opinion?: string;
  /** Returned this many days ago (RETURNED, or PENDING again after a resubmission). */
  returnedDaysAgo?: number;
  resubmittedDaysAgo?: number;
}

export const DEMO_UNITS: DemoUnit[] = [
  { username: 'unit_dongcheng_1', name: '云州东城华信软件有限公司', county: 'dongcheng', creditCodeBody: '91530102MA6N3B7K2', address: '云州市东城区科技路 16 号华信大厦 8 层', contactPerson: '郭文静', status: 'APPROVED', submittedDaysAgo: 150 },
  { username: 'unit_dongcheng_2', name: '云州市东城区人民医院', county: 'dongcheng', creditCodeBody: '12530102431204567', address: '云州市东城区人民路 210 号', contactPerson: '何丽萍', status: 'APPROVED', submittedDaysAgo: 132 },
  { username: 'unit_xicheng_1', name: '云州西城智造装备股份有限公司', county: 'xicheng', creditCodeBody: '91530103MA6P8C2D5', address: '云州市西城区工业园区装备大道 9 号', contactPerson: '罗建华', status: 'APPROVED', submittedDaysAgo: 140 },
  { username: 'unit_xicheng_2', name: '云州银河数据科技有限公司', county: 'xicheng', creditCodeBody: '91530103MA6Q1E4F8', address: '云州市西城区金融街 55 号银河中心 21 层', contactPerson: '梁晓婷', status: 'APPROVED', submittedDaysAgo: 96 },
  { username: 'unit_xicheng_3', name: '云州市西城区第二中学', county: 'xicheng', creditCodeBody: '12530103431300218', address: '云州市西城区学府路 3 号', contactPerson: '宋志刚', status: 'APPROVED', submittedDaysAgo: 61 },
  { username: 'unit_nanhu_1', name: '云州南湖生物医药有限公司', county: 'nanhu', creditCodeBody: '91530111MA6R5G7H1', address: '云州市南湖区生物医药产业园 12 栋', contactPerson: '唐雪梅', status: 'APPROVED', submittedDaysAgo: 128 },
  { username: 'unit_nanhu_2', name: '云州湖畔文化传媒有限公司', county: 'nanhu', creditCodeBody: '91530111MA6T2J9K4', address: '云州市南湖区湖滨东路 128 号', contactPerson: '韩宇', status: 'APPROVED', submittedDaysAgo: 75 },
  { username: 'unit_beishan_1', name: '北山县绿源农业科技有限公司', county: 'beishan', creditCodeBody: '91530124MA6U6L3M7', address: '云州市北山县城关镇兴业路 6 号', contactPerson: '冯德明', status: 'APPROVED', submittedDaysAgo: 110 },
  { username: 'unit_beishan_2', name: '云州北山新能源有限公司', county: 'beishan', creditCodeBody: '91530124MA6W9N5P0', address: '云州市北山县工业园区光伏路 1 号', contactPerson: '曹静', status: 'APPROVED', submittedDaysAgo: 88 },
  { username: 'unit_dongcheng_pending', name: '云州东城云帆物流有限公司', county: 'dongcheng', creditCodeBody: '91530102MA6X4Q8R3', address: '云州市东城区物流港 B 区 7 号', contactPerson: '邓海涛', status: 'PENDING', submittedDaysAgo: 2 },
  {
    username: 'unit_dongcheng_returned', name: '云州东城新锐广告有限公司', county: 'dongcheng', creditCodeBody: '91530102MA6Y7T1U6', address: '云州市东城区文化巷 21 号',
    contactPerson: '许静', status: 'RETURNED', submittedDaysAgo: 9, returnedDaysAgo: 7,
    opinion: '单位地址与营业执照登记的住所不一致，请按营业执照填写；联系人须为单位在职人员。',
  },
  {
    username: 'unit_xicheng_pending', name: '云州西城恒达建设工程有限公司', county: 'xicheng', creditCodeBody: '91530103MA6K2W5X9', address: '云州市西城区建设路 300 号恒达大厦',
    contactPerson: '彭志远', status: 'PENDING', submittedDaysAgo: 15, returnedDaysAgo: 12, resubmittedDaysAgo: 1,
    opinion: '统一社会信用代码与营业执照不一致，请核对后重新提交。',
  },
  {
    username: 'unit_xicheng_returned', name: '云州西城优品贸易有限公司', county: 'xicheng', creditCodeBody: '91530103MA6L5Y8A2', address: '云州市西城区商贸城 3 栋 102 号',
    contactPerson: '蒋红', status: 'RETURNED', submittedDaysAgo: 5, returnedDaysAgo: 4,
    opinion: '联系电话无法接通，请填写单位固定电话或联系人手机号码。',
  },
  { username: 'unit_nanhu_pending', name: '云州南湖蓝海餐饮管理有限公司', county: 'nanhu', creditCodeBody: '91530111MA6M8B1C5', address: '云州市南湖区美食街 18 号', contactPerson: '谢婷婷', status: 'PENDING', submittedDaysAgo: 3 },
  {
    username: 'unit_nanhu_returned', name: '云州南湖星辰电子商务有限公司', county: 'nanhu', creditCodeBody: '91530111MA6N1D4E8', address: '云州市南湖区',
    contactPerson: '沈浩', status: 'RETURNED', submittedDaysAgo: 10, returnedDaysAgo: 8,
    opinion: '单位地址不完整，请填写到街道门牌号。',
  },
  { username: 'unit_beishan_pending', name: '北山县兴农农产品专业合作社', county: 'beishan', creditCodeBody: '93530124MA6P4F7G1', address: '云州市北山县龙泉乡龙泉村 2 组', contactPerson: '杜春生', status: 'PENDING', submittedDaysAgo: 4 },
];

/** The phone of the n-th (0-based) demo unit of DEMO_UNITS: its account's and its contact phone. */
export function demoUnitPhone(index: number): string {
  return `1371000${String(index + 1).padStart(4, '0')}`;
}

export const DEMO_APPLICANT = { username: 'demo_applicant', fullName: '林雨桐', phone: '13800000001' };
