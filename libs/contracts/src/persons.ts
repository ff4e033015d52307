/** What a person registers with (domain §3.2): identity documents, education, materials. */

export const ID_TYPES = [
  'RESIDENT_ID',
  'HK_MACAO_RESIDENCE_PERMIT',
  'TAIWAN_RESIDENCE_PERMIT',
  'HK_MACAO_PASS',
  'TAIWAN_PASS',
  'FOREIGNER_PERMANENT_ID',
  'PASSPORT',
] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  RESIDENT_ID: '居民身份证',
  HK_MACAO_RESIDENCE_PERMIT: '港澳居民居住证',
  TAIWAN_RESIDENCE_PERMIT: '台湾居民居住证',
  HK_MACAO_PASS: '港澳居民来往内地通行证',
  TAIWAN_PASS: '台湾居民来往大陆通行证',
  FOREIGNER_PERMANENT_ID: '外国人永久居留身份证',
  PASSPORT: '护照',
};

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { MALE: '男', FEMALE: '女' };

export const EDUCATIONS = ['BACHELOR', 'MASTER', 'DOCTOR'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, string> = { BACHELOR: '本科', MASTER: '硕士研究生', DOCTOR: '博士研究生' };

export const DEGREES = ['BACHELOR', 'MASTER', 'DOCTOR'] as const;
export type Degree = (typeof DEGREES)[number];
export const DEGREE_LABELS: Record<Degree, string> = { BACHELOR: '学士', MASTER: '硕士', DOCTOR: '博士' };

/** The 56 officially recognised ethnic groups (民族), in the order of GB/T 3304. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

