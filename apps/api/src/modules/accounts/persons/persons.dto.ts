import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_MEDIA_TYPES,
  DEGREE_LABELS,
  DEGREES,
  EDUCATION_LABELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  GENDERS,
  ID_TYPE_LABELS,
  ID_TYPES,
  maskIdNumber,
  maskPhone,
  MOBILE_PHONE_MESSAGE,
  MOBILE_PHONE_PATTERN,
  PASSWORD_RULE_TEXT,
  PERSON_FIELD_LIMITS,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type AttachmentKind,
  type AttachmentMediaType,
  type AttachmentView,
  type CreatePersonRegistrationRequest,
  type Degree,
  type Education,
  type Ethnicity,
  type Gender,
  type IdType,
  type PersonAccountInput,
  type PersonBasicInput,
  type PersonRegistrationListItem,
  type PersonRegistrationQueueQuery,
  type PersonRegistrationView,
  type RegistrationAction,
  type RegistrationStatus,
  type ReturnPersonRegistrationRequest,
  type TrailEntryView,
  type UpdatePersonRegistrationRequest,
  USERNAME_MESSAGE,
  USERNAME_PATTERN,
} from '@butie/contracts';
import { OpinionDto, REGISTRATION_QUEUE_STATUSES, SubmittedDaysQuery, type QueueStatus } from '../../../common/workflow/review.dto.js';
import type { PersonRow, QueueRow } from './persons.repository.js';
import { OptionalKeyword, Trimmed } from '../../../common/validation/validation.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// ——— requests ———

export class PersonAccountDto implements PersonAccountInput {
  @ApiProperty({ example: 'zhangsan', description: '登录名：3–32 位字母、数字、下划线、点或连字符，以字母或数字开头' })
  @Trimmed()
  @IsString({ message: '请输入登录名' })
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: 'Butie@2026', description: PASSWORD_RULE_TEXT })
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;

  @ApiProperty({ example: '张三' })
  @Trimmed()
  @IsString({ message: '请输入姓名' })
  @Length(1, PERSON_FIELD_LIMITS.fullName, { message: `姓名须为 1–${PERSON_FIELD_LIMITS.fullName} 个字` })
  fullName: string;

  @ApiProperty({ example: '13800000009' })
  @Trimmed()
  @IsString({ message: MOBILE_PHONE_MESSAGE })
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456', description: '发送到该手机号码的注册验证码（POST /api/v1/auth/sms/registration）：证明手机号码为本人所有' })
  @IsString({ message: '请输入短信验证码' })
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  phoneCode: string;

  @ApiPropertyOptional({ example: 'zhangsan@example.com', nullable: true, type: String, description: '可不填' })
  @Trimmed()
  @ValidateIf((_, value) => value !== null && value !== undefined && value !== '')
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(PERSON_FIELD_LIMITS.email, { message: '电子邮箱过长' })
  email?: string | null;
}

class PersonFullNameDto {
  @ApiProperty({ example: '张三', description: '修改姓名：审核通过后修改须重新经单位审核' })
  @Trimmed()
  @IsString({ message: '请输入姓名' })
  @Length(1, PERSON_FIELD_LIMITS.fullName, { message: `姓名须为 1–${PERSON_FIELD_LIMITS.fullName} 个字` })
  fullName: string;
}

export class PersonBasicDto implements PersonBasicInput {
  @ApiProperty({ enum: ID_TYPES, description: '证件类型' })
  @IsIn(ID_TYPES, { message: '请选择证件类型' })
  idType: IdType;

  @ApiProperty({ example: '53010219960315002X', description: '证件号码：按证件类型校验（居民身份证与两种居住证须校验位正确，且与出生日期、性别一致）' })
  @Trimmed()
  @IsString({ message: '请输入证件号码' })
  @Length(1, 32, { message: '请输入证件号码' })
  idNumber: string;

  @ApiProperty({ example: '1996-03-15', description: '出生日期 YYYY-MM-DD' })
  @IsString({ message: '请输入出生日期' })
  @Matches(DATE_ONLY, { message: '出生日期格式须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '出生日期不存在' })
  birthDate: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS, { message: '请选择性别' })
  gender: Gender;

  @ApiProperty({ example: '云州大学', description: '毕业院校' })
  @Trimmed()
  @IsString({ message: '请输入毕业院校' })
  @Length(1, PERSON_FIELD_LIMITS.school, { message: `毕业院校须为 1–${PERSON_FIELD_LIMITS.school} 个字` })
  school: string;

  @ApiProperty({ example: '计算机科学与技术', description: '专业' })
  @Trimmed()
  @IsString({ message: '请输入专业' })
  @Length(1, PERSON_FIELD_LIMITS.major, { message: `专业须为 1–${PERSON_FIELD_LIMITS.major} 个字` })
  major: string;

  @ApiProperty({ enum: EDUCATIONS, description: '学历' })
  @IsIn(EDUCATIONS, { message: '请选择学历' })
  education: Education;

  @ApiProperty({ enum: DEGREES, description: '学位' })
  @IsIn(DEGREES, { message: '请选择学位' })
  degree: Degree;

  @ApiProperty({ enum: ETHNICITIES, description: '民族' })
  @IsIn(ETHNICITIES, { message: '请选择民族' })
  ethnicity: Ethnicity;

  @ApiProperty({ description: '是否自主创业' })
  @IsBoolean({ message: '请选择是否自主创业' })
  selfEmployed: boolean;

  @ApiProperty({ description: '所在单位（仅审核通过的单位，见 GET /api/v1/units/picker）' })
  @IsUUID('all', { message: '请选择所在单位' })
  unitId: string;
}

export class CreatePersonRegistrationDto implements CreatePersonRegistrationRequest {
  @ApiProperty({ type: PersonAccountDto, description: '账号信息' })
  @IsDefined({ message: '请填写账号信息' })
  @IsObject({ message: '请填写账号信息' })
  @ValidateNested()
  @Type(() => PersonAccountDto)
  account: PersonAccountDto;

  @ApiProperty({ type: PersonBasicDto, description: '基本信息' })
  @IsDefined({ message: '请填写基本信息' })
  @IsObject({ message: '请填写基本信息' })
  @ValidateNested()
  @Type(() => PersonBasicDto)
  basic: PersonBasicDto;

  @ApiProperty({ enum: [true], description: '已阅读并同意用户须知' })
  @Equals(true, { message: '请阅读用户须知并点击同意' })
  agreedToNotice: true;
}

export class UpdatePersonRegistrationDto implements UpdatePersonRegistrationRequest {
  @ApiProperty({ type: PersonFullNameDto })
  @IsDefined({ message: '请填写姓名' })
  @IsObject({ message: '请填写姓名' })
  @ValidateNested()
  @Type(() => PersonFullNameDto)
  account: PersonFullNameDto;

  @ApiProperty({ type: PersonBasicDto })
  @IsDefined({ message: '请填写基本信息' })
  @IsObject({ message: '请填写基本信息' })
  @ValidateNested()
  @Type(() => PersonBasicDto)
  basic: PersonBasicDto;
}

export class ReturnPersonRegistrationDto extends OpinionDto implements ReturnPersonRegistrationRequest {}

export class PersonRegistrationQueueDto extends SubmittedDaysQuery implements PersonRegistrationQueueQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_QUEUE_STATUSES, description: '注册状态' })
  @IsOptional()
  @IsIn(REGISTRATION_QUEUE_STATUSES, { message: '状态无效' })
  status?: QueueStatus;

  @OptionalKeyword('姓名（包含）')
  keyword?: string;

}

// ——— responses ———

class PersonAccountViewDto {
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

class PersonBasicViewDto {
  @ApiProperty({ enum: ID_TYPES }) idType: IdType;
  @ApiProperty() idTypeLabel: string;
  @ApiProperty() idNumber: string;
  @ApiProperty({ example: '1996-03-15' }) birthDate: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty() genderLabel: string;
  @ApiProperty() school: string;
  @ApiProperty() major: string;
  @ApiProperty({ enum: EDUCATIONS }) education: Education;
  @ApiProperty() educationLabel: string;
  @ApiProperty({ enum: DEGREES }) degree: Degree;
  @ApiProperty() degreeLabel: string;
  @ApiProperty({ enum: ETHNICITIES }) ethnicity: Ethnicity;
  @ApiProperty() selfEmployed: boolean;
}

class CountyRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class PersonUnitViewDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: CountyRefDto }) county: CountyRefDto;
}

class TrailActorDto {
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty() roleLabel: string;
}

class TrailEntryDto implements TrailEntryView {
  @ApiProperty() action: string;
  @ApiProperty() actionLabel: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ type: TrailActorDto }) actor: TrailActorDto;
  @ApiProperty({ nullable: true, type: String }) opinion: string | null;
  @ApiProperty() at: string;
}

class PersonMaterialDto implements AttachmentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: AttachmentKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES }) mediaType: AttachmentMediaType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: string;
}

export class PersonRegistrationDto implements PersonRegistrationView {
  @ApiProperty({ description: '个人账号编号（即注册编号）' }) id: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: PersonAccountViewDto }) account: PersonAccountViewDto;
  @ApiProperty({ type: PersonBasicViewDto }) basic: PersonBasicViewDto;
  @ApiProperty({ type: PersonUnitViewDto }) unit: PersonUnitViewDto;
  @ApiProperty({ nullable: true, type: String, description: '单位最近一次审核意见' }) reviewOpinion: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: '本人现在能否修改（未上报、退回、审核通过）' }) editable: boolean;
  @ApiProperty({ enum: REGISTRATION_ACTIONS, isArray: true, description: '当前用户现在可执行的操作（按钮）' }) availableActions: RegistrationAction[];
  @ApiProperty({ type: TrailEntryDto, isArray: true, description: '流程状态' }) trail: TrailEntryDto[];
  @ApiProperty({ type: PersonMaterialDto, isArray: true, description: '证明材料' }) materials: PersonMaterialDto[];
}

export class PersonRegistrationListItemDto implements PersonRegistrationListItem {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ID_TYPES }) idType: IdType;
  @ApiProperty() idTypeLabel: string;
  @ApiProperty({ example: '5301**********002X' }) idNumberMasked: string;
  @ApiProperty({ nullable: true, type: String, example: '138****0001' }) phoneMasked: string | null;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ enum: EDUCATIONS }) education: Education;
  @ApiProperty() educationLabel: string;
  @ApiProperty() school: string;
  @ApiProperty() major: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty() submittedAt: string;
}

export class PersonRegistrationPageDto {
  @ApiProperty({ type: PersonRegistrationListItemDto, isArray: true }) items: PersonRegistrationListItemDto[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的 cursor；最后一页为 null' }) nextCursor: string | null;
}

// ——— mapping ———

export interface RegistrationExtras {
  editable: boolean;
  availableActions: RegistrationAction[];
  trail: TrailEntryView[];
  materials: AttachmentView[];
}

export function mapPersonRegistration(row: PersonRow, extras: RegistrationExtras): PersonRegistrationDto {
  return {
    id: row.user_id,
    status: row.registration_status,
    statusLabel: REGISTRATION_STATUS_LABELS[row.registration_status],
    account: { username: row.username, fullName: row.full_name, phone: row.phone, email: row.email },
    basic: {
      idType: row.id_type,
      idTypeLabel: ID_TYPE_LABELS[row.id_type],
      idNumber: row.id_number,
      birthDate: row.birth_date,
      gender: row.gender,
      genderLabel: GENDER_LABELS[row.gender],
      school: row.school,
      major: row.major,
      education: row.education,
      educationLabel: EDUCATION_LABELS[row.education],
      degree: row.degree,
      degreeLabel: DEGREE_LABELS[row.degree],
      ethnicity: row.ethnicity,
      selfEmployed: row.self_employed,
    },
    unit: { id: row.unit_id, name: row.unit_name, county: { id: row.county_id, name: row.county_name } },
    reviewOpinion: row.review_opinion,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...extras,
  };
}

export function mapQueueItem(row: QueueRow): PersonRegistrationListItemDto {
  return {
    id: row.user_id,
    fullName: row.full_name,
    idType: row.id_type,
    idTypeLabel: ID_TYPE_LABELS[row.id_type],
    idNumberMasked: maskIdNumber(row.id_number) ?? '',
    phoneMasked: maskPhone(row.phone),
    gender: row.gender,
    education: row.education,
    educationLabel: EDUCATION_LABELS[row.education],
    school: row.school,
    major: row.major,
    status: row.registration_status,
    statusLabel: REGISTRATION_STATUS_LABELS[row.registration_status],
    submittedAt: row.submitted_at.toISOString(),
  };
}
