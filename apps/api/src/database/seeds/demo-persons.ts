import { residentIdCheckChar, type AttachmentKind, type Degree, type Education, type Gender, type RegistrationStatus } from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { WorkHistoryService } from '../../modules/work-history/work-history.service.js';
import { agoSql, appendDemoTrail, type DemoActor, type DemoSeedContext } from './demo-context.js';
import { DEMO_APPLICANT } from './demo-data.js';
import { contractDocument, employmentProofDocument, registrationDocument, type DemoHolder, type DemoMaterials } from './demo-materials.js';
import type { SeededUnit } from './demo-units.js';

/**
 * Registrants (个人注册) in every status, so that 注册状态, 人员注册审核, 维护个人材料 and 维护工作经历
 * have something real on them: the demo applicant (approved, with all materials and two jobs), and
 * demo_person_1 … demo_person_15 (phones 13650001001 …) under the demo unit and under units of every
 * county. Every ID number is a valid resident ID whose birth date and gender agree with the person.
 */
export interface DemoRegistrant {
  username: string;
  fullName: string;
  phone: string;
  email: string | null;
  /** 17 digits: address code, birth date, sequence (odd = male). */
  idBody: string;
  school: string;
  major: string;
  education: Education;
  degree: Degree;
  ethnicity: string;
  selfEmployed: boolean;
  /** The registered unit, by its UNIT account's username (demo_unit, unit_xicheng_1 …). */
  unit: string;
  /** Year of graduation, the date of the degree and education documents. */
  graduated: number;
  status: RegistrationStatus;
  /** RETURNED: the unit's opinion. */
  opinion?: string;
  /** Days ago it was (last) submitted; absent for a DRAFT. */
  submittedDaysAgo?: number;
  /** A return before the last submission (PENDING again after fixing what the unit asked for). */
  returnedBefore?: { submittedDaysAgo: number; returnedDaysAgo: number; opinion: string };
  /** 证明材料 uploaded with the registration. */
  materials: AttachmentKind[];
  /** 工作经历 (approved registrants only: the API lets nobody else keep one). */
  jobs?: DemoJob[];
}

/** One work-history entry, written through WorkHistoryService as the person would. */
export interface DemoJob {
  /** A demo unit by its account's username (chosen from the picker), or a typed-in name with its county's code. */
  unit: string | { name: string; county: string };
  start: string;
  /** null: the current job. */
  end: string | null;
  contractStart: string;
  /** null: 无固定期限. */
  contractEnd: string | null;
  /**
   * 证明材料: the 劳动合同 file itself (allowed only for the current job at the registered unit), a
   * file of its own (在职证明 / 离职证明), or none.
   */
  proof: 'contract' | 'own' | 'none';
}

const ALL_MATERIALS: AttachmentKind[] = ['ID_CARD', 'DEGREE_CERTIFICATE', 'EDUCATION_CERTIFICATE', 'EDUCATION_RECORD'];

function person(n: number, fields: Omit<DemoRegistrant, 'username' | 'phone' | 'email'>): DemoRegistrant {
  return { username: `demo_person_${n}`, phone: `1365000${String(1000 + n)}`, email: `demo_person_${n}@example.com`, ...fields };
}

export const DEMO_REGISTRANTS: DemoRegistrant[] = [
  {
    ...DEMO_APPLICANT,
    email: null,
    idBody: '53010219960315002', school: '云州大学', major: '计算机科学与技术', education: 'MASTER', degree: 'MASTER', ethnicity: '汉族', selfEmployed: false,
    unit: 'demo_unit', graduated: 2019, status: 'APPROVED', submittedDaysAgo: 40, materials: ALL_MATERIALS,
    jobs: [
      // A typed-in unit (not registered here) in another county, before the current job.
      { unit: { name: '云州市南湖区启明教育咨询中心', county: 'nanhu' }, start: '2019-07-15', end: '2021-06-30', contractStart: '2019-07-15', contractEnd: '2021-07-14', proof: 'own' },
      // The current job at the registered unit: open-ended, one file as contract and proof.
      { unit: 'demo_unit', start: '2021-07-05', end: null, contractStart: '2021-07-05', contractEnd: null, proof: 'contract' },
    ],
  },
  person(1, { fullName: '赵子涵', idBody: '53010219990422003', school: '云州大学', major: '软件工程', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: false, unit: 'demo_unit', graduated: 2021, status: 'DRAFT', materials: ['ID_CARD'] }),
  person(2, { fullName: '钱文博', idBody: '53010219970811005', school: '西南科技大学', major: '电子信息工程', education: 'MASTER', degree: 'MASTER', ethnicity: '彝族', selfEmployed: false, unit: 'demo_unit', graduated: 2023, status: 'PENDING', submittedDaysAgo: 1, materials: ALL_MATERIALS }),
  person(3, {
    fullName: '孙静怡', idBody: '53010219980205002', school: '云州师范大学', major: '汉语言文学', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '白族', selfEmployed: false,
    unit: 'demo_unit', graduated: 2020, status: 'PENDING', submittedDaysAgo: 3, materials: ALL_MATERIALS,
    returnedBefore: { submittedDaysAgo: 7, returnedDaysAgo: 5, opinion: '缺少学历证书电子注册备案表，请在学信网下载后上传。' },
  }),
  person(4, {
    fullName: '李国华', idBody: '53010219960930007', school: '云州大学', major: '机械设计制造及其自动化', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: true,
    unit: 'demo_unit', graduated: 2019, status: 'RETURNED', submittedDaysAgo: 6, opinion: '学位证书扫描件不清晰，请重新上传；学历证书电子注册备案表缺失。',
    materials: ['ID_CARD', 'DEGREE_CERTIFICATE', 'EDUCATION_CERTIFICATE'],
  }),
  person(5, {
    fullName: '周雅琴', idBody: '53010219950717004', school: '云南大学', major: '会计学', education: 'DOCTOR', degree: 'DOCTOR', ethnicity: '纳西族', selfEmployed: false,
    unit: 'demo_unit', graduated: 2022, status: 'APPROVED', submittedDaysAgo: 20, materials: ALL_MATERIALS,
    jobs: [{ unit: 'demo_unit', start: '2022-09-01', end: null, contractStart: '2022-09-01', contractEnd: '2027-08-31', proof: 'contract' }],
  }),
  person(6, { fullName: '吴立新', idBody: '53010319980101009', school: '云州理工学院', major: '机械工程', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: false, unit: 'unit_xicheng_1', graduated: 2020, status: 'PENDING', submittedDaysAgo: 2, materials: ALL_MATERIALS }),
  person(7, {
    fullName: '郑春梅', idBody: '53010319970303006', school: '云州大学', major: '临床医学', education: 'MASTER', degree: 'MASTER', ethnicity: '回族', selfEmployed: false,
    unit: 'unit_dongcheng_2', graduated: 2022, status: 'APPROVED', submittedDaysAgo: 30, materials: ALL_MATERIALS,
    jobs: [{ unit: 'unit_dongcheng_2', start: '2022-07-01', end: null, contractStart: '2022-07-01', contractEnd: '2027-06-30', proof: 'contract' }],
  }),
  person(8, {
    fullName: '王德华', idBody: '53011219960606001', school: '昆明理工大学', major: '农业资源与环境', education: 'MASTER', degree: 'MASTER', ethnicity: '哈尼族', selfEmployed: false,
    unit: 'unit_beishan_1', graduated: 2021, status: 'RETURNED', submittedDaysAgo: 8, opinion: '劳动合同未上传，请补充后重新提交。', materials: ALL_MATERIALS,
  }),
  person(9, {
    // The bachelor who changed jobs across counties: 东城区 first, 西城区 now.
    fullName: '陈浩然', idBody: '53010219980312013', school: '云州大学', major: '数据科学与大数据技术', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: false,
    unit: 'unit_xicheng_2', graduated: 2020, status: 'APPROVED', submittedDaysAgo: 45, materials: ALL_MATERIALS,
    jobs: [
      // Domain §5.6 rule 1, exactly 3 years: counts.
      { unit: 'unit_dongcheng_1', start: '2020-07-01', end: '2023-06-30', contractStart: '2020-07-01', contractEnd: '2023-06-30', proof: 'own' },
      { unit: 'unit_xicheng_2', start: '2023-07-10', end: null, contractStart: '2023-07-10', contractEnd: '2028-07-09', proof: 'contract' },
    ],
  }),
  person(10, {
    // Also across counties (北山县, then 南湖区), with a first contract one day short of 3 years.
    fullName: '刘思远', idBody: '53011119971108025', school: '云州理工学院', major: '新能源科学与工程', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '苗族', selfEmployed: false,
    unit: 'unit_nanhu_2', graduated: 2020, status: 'APPROVED', submittedDaysAgo: 50, materials: ALL_MATERIALS,
    jobs: [
      // Domain §5.6 rule 1: ends 2023-06-29, one day short of 3 years: does not count.
      { unit: 'unit_beishan_2', start: '2020-07-01', end: '2023-06-29', contractStart: '2020-07-01', contractEnd: '2023-06-29', proof: 'own' },
      { unit: 'unit_nanhu_2', start: '2023-07-03', end: null, contractStart: '2023-07-03', contractEnd: '2028-07-02', proof: 'own' },
    ],
  }),
  person(11, { fullName: '黄梓萱', idBody: '53011119990618024', school: '云南大学', major: '生物技术', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '傣族', selfEmployed: false, unit: 'unit_nanhu_1', graduated: 2021, status: 'PENDING', submittedDaysAgo: 2, materials: ALL_MATERIALS }),
  person(12, { fullName: '马俊杰', idBody: '53012420000125031', school: '云州理工学院', major: '电气工程及其自动化', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '回族', selfEmployed: false, unit: 'unit_beishan_2', graduated: 2022, status: 'DRAFT', materials: [] }),
  person(13, { fullName: '胡欣怡', idBody: '53010319980909046', school: '云州师范大学', major: '数学与应用数学', education: 'MASTER', degree: 'MASTER', ethnicity: '汉族', selfEmployed: false, unit: 'unit_xicheng_3', graduated: 2023, status: 'PENDING', submittedDaysAgo: 1, materials: ALL_MATERIALS }),
  person(14, { fullName: '林晓东', idBody: '53010219951201057', school: '云南农业大学', major: '作物栽培学与耕作学', education: 'MASTER', degree: 'MASTER', ethnicity: '汉族', selfEmployed: false, unit: 'unit_beishan_1', graduated: 2020, status: 'APPROVED', submittedDaysAgo: 60, materials: ALL_MATERIALS }),
  person(15, {
    fullName: '高一鸣', idBody: '53010319990214071', school: '云州大学', major: '统计学', education: 'BACHELOR', degree: 'BACHELOR', ethnicity: '汉族', selfEmployed: false,
    unit: 'unit_xicheng_2', graduated: 2021, status: 'RETURNED', submittedDaysAgo: 4, opinion: '身份证复印件缺少反面，请上传身份证正反面。', materials: ALL_MATERIALS,
  }),
];

export interface DemoPersonsDeps {
  units: ReadonlyMap<string, SeededUnit>;
  materials: DemoMaterials;
  workHistories: WorkHistoryService;
}

/**
 * Writes DEMO_REGISTRANTS: account, registration with its trail (the person submits, the unit
 * decides), materials, then work history. Raw SQL for the registration and the trail, as the
 * earlier seed: PersonsRepository writes a registration of now, and these are of past weeks.
 */
export async function seedDemoPersons(ctx: DemoSeedContext, deps: DemoPersonsDeps): Promise<void> {
  for (const registrant of DEMO_REGISTRANTS) await seedPerson(ctx, deps, registrant);
}

async function seedPerson(ctx: DemoSeedContext, deps: DemoPersonsDeps, registrant: DemoRegistrant): Promise<void> {
  const unit = deps.units.get(registrant.unit);
  const check = residentIdCheckChar(registrant.idBody);
  if (!unit || !check) throw new Error(`demo person ${registrant.username}: unknown unit ${registrant.unit} or malformed ID ${registrant.idBody}`);
  const idNumber = registrant.idBody + check;
  const birthDate = `${registrant.idBody.slice(6, 10)}-${registrant.idBody.slice(10, 12)}-${registrant.idBody.slice(12, 14)}`;
  const gender: Gender = Number(registrant.idBody[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  const holder: DemoHolder = { ...registrant, idNumber, birthDate };
  // The files are written while the rows below go in; their own rows follow once both are done.
  const files = Promise.all(registrant.materials.map((kind) => deps.materials.put(registrationDocument(kind, holder))));
  void files.catch(() => undefined); // awaited below; a row failing first must not leave it unobserved
  const userId = await ctx.addAccount({
    username: registrant.username,
    fullName: registrant.fullName,
    role: 'APPLICANT',
    phone: registrant.phone,
    email: registrant.email,
    regionId: null,
  });

  const { status, submittedDaysAgo, returnedBefore } = registrant;
  const firstSubmittedDaysAgo = returnedBefore?.submittedDaysAgo ?? submittedDaysAgo;
  const decidedDaysAgo = status === 'APPROVED' || status === 'RETURNED' ? submittedDaysAgo! - 1.2 : null;
  const reviewedDaysAgo = decidedDaysAgo ?? returnedBefore?.returnedDaysAgo ?? null;
  const createdDaysAgo = (firstSubmittedDaysAgo ?? 0) + 0.3;
  await ctx.tx.query(
    `INSERT INTO persons (user_id, id_type, id_number, birth_date, gender, school, major, education, degree, ethnicity, self_employed, unit_id,
                          registration_status, review_opinion, submitted_at, reviewed_at, created_at, updated_at)
     VALUES ($1, 'RESIDENT_ID', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
             CASE WHEN $14::float8 IS NULL THEN NULL ELSE ${agoSql(14)} END, CASE WHEN $15::float8 IS NULL THEN NULL ELSE ${agoSql(15)} END,
             ${agoSql(16)}, ${agoSql(17)})`,
    [
      userId, idNumber, birthDate, gender, registrant.school, registrant.major, registrant.education, registrant.degree, registrant.ethnicity,
      registrant.selfEmployed, unit.id, status, status === 'RETURNED' ? registrant.opinion : null,
      submittedDaysAgo ?? null, reviewedDaysAgo, createdDaysAgo, Math.min(createdDaysAgo, submittedDaysAgo ?? createdDaysAgo, decidedDaysAgo ?? createdDaysAgo),
    ],
  );

  // The trail as the API writes it: the person submits, the unit decides.
  const self: DemoActor = { id: userId, role: 'APPLICANT', name: registrant.fullName };
  const move = (action: string, from: RegistrationStatus, to: RegistrationStatus, actor: DemoActor, daysAgo: number, opinion?: string) =>
    appendDemoTrail(ctx.tx, { subject: 'PERSON_REGISTRATION', subjectId: userId, action, from, to, actor, opinion, daysAgo });
  if (returnedBefore) {
    await move('submit', 'DRAFT', 'PENDING', self, returnedBefore.submittedDaysAgo);
    await move('return', 'PENDING', 'RETURNED', unit.reviewer, returnedBefore.returnedDaysAgo, returnedBefore.opinion);
  }
  if (submittedDaysAgo !== undefined) await move('submit', returnedBefore ? 'RETURNED' : 'DRAFT', 'PENDING', self, submittedDaysAgo);
  if (status === 'APPROVED') await move('approve', 'PENDING', 'APPROVED', unit.reviewer, decidedDaysAgo!);
  if (status === 'RETURNED') await move('return', 'PENDING', 'RETURNED', unit.reviewer, decidedDaysAgo!, registrant.opinion);

  for (const [index, file] of (await files).entries()) await deps.materials.record(userId, registrant.materials[index], file);
  for (const job of registrant.jobs ?? []) await seedJob(ctx, deps, { id: userId, username: registrant.username, holder, status }, job);
}

async function seedJob(
  ctx: DemoSeedContext,
  deps: DemoPersonsDeps,
  owner: { id: string; username: string; holder: DemoHolder; status: RegistrationStatus },
  job: DemoJob,
): Promise<void> {
  const picked = typeof job.unit === 'string' ? deps.units.get(job.unit) : null;
  if (typeof job.unit === 'string' && !picked) throw new Error(`demo job of ${owner.holder.fullName}: unknown unit ${job.unit}`);
  const unitName = picked ? picked.name : (job.unit as { name: string }).name;
  const countyId = typeof job.unit === 'string' ? null : ctx.countyIds.get(job.unit.county);
  if (countyId === undefined) throw new Error(`demo job of ${owner.holder.fullName}: unknown county`);

  const contractId = await deps.materials.store(
    owner.id,
    'LABOUR_CONTRACT',
    contractDocument(owner.holder, { unitName, contractStart: job.contractStart, contractEnd: job.contractEnd }),
  );
  const proofId =
    job.proof === 'contract'
      ? contractId
      : job.proof === 'own'
        ? await deps.materials.store(owner.id, 'EMPLOYMENT_PROOF', employmentProofDocument(owner.holder, { unitName, start: job.start, end: job.end }))
        : null;
  // Through the service, as the person: the demo cannot hold an entry the app would refuse.
  await deps.workHistories.create(actingAs(owner.id, owner.username, owner.holder.fullName, owner.status), {
    unitId: picked?.id ?? null,
    unitName: picked ? null : unitName,
    countyId,
    startDate: job.start,
    endDate: job.end,
    contractStart: job.contractStart,
    contractEnd: job.contractEnd,
    contractOpenEnded: job.contractEnd === null,
    contractAttachmentId: contractId,
    proofAttachmentId: proofId,
  }, SEED_CLIENT);
}

/** Where the demo's own writes come from, as the operation log shows it. */
const SEED_CLIENT = { ip: '127.0.0.1', userAgent: '演示数据', requestId: 'demo-seed' };

/** The person as a signed-in applicant, as far as the work-history rules look at one (no session: nothing is logged in). */
function actingAs(id: string, username: string, fullName: string, registrationStatus: RegistrationStatus): AuthUser {
  return {
    id,
    username,
    fullName,
    phone: null,
    email: null,
    role: 'APPLICANT',
    status: 'ACTIVE',
    regionId: null,
    region: null,
    unitId: null,
    unit: null,
    mustChangePassword: false,
    registrationStatus,
    sessionId: '',
    previousLogin: null,
  };
}
