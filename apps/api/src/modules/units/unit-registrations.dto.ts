import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  CONTACT_PHONE_MESSAGE,
  CONTACT_PHONE_PATTERN,
  CREDIT_CODE_MESSAGE,
  isValidCreditCode,
  MOBILE_PHONE_MESSAGE,
  MOBILE_PHONE_PATTERN,
  PASSWORD_RULE_TEXT,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  UNIT_FIELD_LIMITS,
  USERNAME_MESSAGE,
  USERNAME_PATTERN,
  type CreateUnitRegistrationRequest,
  type RegistrationAction,
  type RegistrationStatus,
  type ReturnUnitRegistrationRequest,
  type TrailEntryView,
  type UnitAccountInput,
  type UnitFieldsInput,
  type UnitRegistrationListItem,
  type UnitRegistrationQueueQuery,
  type UnitRegistrationView,
} from '@butie/contracts';
import { OpinionDto, REGISTRATION_QUEUE_STATUSES, SubmittedDaysQuery, type QueueStatus } from '../../common/workflow/review.dto.js';
import { CountyRefDto } from './units.dto.js';
import type { QueueRow, RegistrationRow } from './units.repository.js';
import { OptionalKeyword, Trimmed } from '../../common/validation/validation.js';

const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** 统一社会信用代码 with its GB 32100 check character. */
function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCreditCode', validator: { validate: (value) => typeof value === 'string' && isValidCreditCode(value) } }, options);
}

// ——— requests ———

export class UnitFieldsDto implements UnitFieldsInput {
  @ApiProperty({ example: '云州市青禾软件有限公司', maxLength: UNIT_FIELD_LIMITS.name, description: '单位名称' })
  @Trimmed()
  @IsString({ message: '请输入单位名称' })
  @Length(2, UNIT_FIELD_LIMITS.name, { message: `单位名称须为 2–${UNIT_FIELD_LIMITS.name} 个字` })
  name: string;

  @ApiProperty({ example: '91530100MA6K7XYW1U', description: `统一社会信用代码：${CREDIT_CODE_MESSAGE}（GB 32100）；小写字母按大写处理；每个代码只能注册一个单位` })
  @Transform(upperTrim)
  @IsString({ message: '请输入统一社会信用代码' })
  @IsCreditCode({ message: CREDIT_CODE_MESSAGE })
  creditCode: string;

  @ApiProperty({ description: '所在区县（GET /api/v1/units/counties）' })
  @IsUUID('all', { message: '请选择所在区县' })
  countyId: string;

  @ApiProperty({ example: '云州市东城区创新大道 66 号', maxLength: UNIT_FIELD_LIMITS.address, description: '单位地址' })
  @Trimmed()
  @IsString({ message: '请输入单位地址' })
  @Length(2, UNIT_FIELD_LIMITS.address, { message: `单位地址须为 2–${UNIT_FIELD_LIMITS.address} 个字` })
  address: string;

  @ApiProperty({ example: '周明', maxLength: UNIT_FIELD_LIMITS.contactPerson, description: '联系人（也是单位登录账号的姓名）' })
  @Trimmed()
  @IsString({ message: '请输入联系人' })
  @Length(1, UNIT_FIELD_LIMITS.contactPerson, { message: `联系人须为 1–${UNIT_FIELD_LIMITS.contactPerson} 个字` })
  contactPerson: string;

  @ApiProperty({ example: '0871-65123456', description: `联系电话：${CONTACT_PHONE_MESSAGE}` })
  @Trimmed()
  @IsString({ message: '请输入联系电话' })
  @Matches(CONTACT_PHONE_PATTERN, { message: CONTACT_PHONE_MESSAGE })
  contactPhone: string;
}

export class UnitAccountDto implements UnitAccountInput {
  @ApiProperty({ example: 'qinghe_soft', description: `单位登录名：${USERNAME_MESSAGE}` })
  @Trimmed()
  @IsString({ message: '请输入登录名' })
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: 'Qinghe@2026', description: PASSWORD_RULE_TEXT })
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;

  @ApiProperty({
    example: '13700009999',
    description: '账号手机号码：用于短信登录与忘记密码，全系统唯一；可与联系电话相同（联系电话为手机时表单可预填）',
  })
  @Trimmed()
  @IsString({ message: MOBILE_PHONE_MESSAGE })
  @Matches(MOBILE_PHONE_PATTERN, { message: MOBILE_PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456', description: '发送到该手机号码的注册验证码（POST /api/v1/auth/sms/registration）：证明手机号码为本人所有' })
  @IsString({ message: '请输入短信验证码' })
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  phoneCode: string;

  @ApiPropertyOptional({ example: 'hr@qinghe.example.com', nullable: true, type: String, description: '可不填' })
  @Trimmed()
  @ValidateIf((_, value) => value !== null && value !== undefined && value !== '')
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(UNIT_FIELD_LIMITS.email, { message: '电子邮箱过长' })
  email?: string | null;
}

export class CreateUnitRegistrationDto implements CreateUnitRegistrationRequest {
  @ApiProperty({ type: UnitFieldsDto, description: '单位信息' })
  @IsDefined({ message: '请填写单位信息' })
  @IsObject({ message: '请填写单位信息' })
  @ValidateNested()
  @Type(() => UnitFieldsDto)
  unit: UnitFieldsDto;

  @ApiProperty({ type: UnitAccountDto, description: '单位登录账号（姓名取联系人）' })
  @IsDefined({ message: '请填写账号信息' })
  @IsObject({ message: '请填写账号信息' })
  @ValidateNested()
  @Type(() => UnitAccountDto)
  account: UnitAccountDto;
}

export class ReturnUnitRegistrationDto extends OpinionDto implements ReturnUnitRegistrationRequest {}

export class UnitRegistrationQueueDto extends SubmittedDaysQuery implements UnitRegistrationQueueQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_QUEUE_STATUSES, description: '审核状态' })
  @IsOptional()
  @IsIn(REGISTRATION_QUEUE_STATUSES, { message: '状态无效' })
  status?: QueueStatus;

  @OptionalKeyword('单位名称或统一社会信用代码（包含）')
  keyword?: string;

}

// ——— responses ———

class UnitAccountViewDto {
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
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

export class UnitRegistrationDto implements UnitRegistrationView {
  @ApiProperty({ description: '单位编号（即注册编号）' }) id: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ type: CountyRefDto }) county: CountyRefDto;
  @ApiProperty() address: string;
  @ApiProperty() contactPerson: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty({ type: UnitAccountViewDto, nullable: true, description: '单位登录账号' }) account: UnitAccountViewDto | null;
  @ApiProperty({ nullable: true, type: String, description: '县区人社局最近一次审核意见' }) reviewOpinion: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: '本单位现在能否修改（仅「退回」时）' }) editable: boolean;
  @ApiProperty({ enum: REGISTRATION_ACTIONS, isArray: true, description: '当前用户现在可执行的操作（按钮）' }) availableActions: RegistrationAction[];
  @ApiProperty({ type: TrailEntryDto, isArray: true, description: '流程状态（最早的在前）' }) trail: TrailEntryDto[];
}

export class UnitRegistrationListItemDto implements UnitRegistrationListItem {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ type: CountyRefDto }) county: CountyRefDto;
  @ApiProperty() contactPerson: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String }) reviewedAt: string | null;
}

export class UnitRegistrationPageDto {
  @ApiProperty({ type: UnitRegistrationListItemDto, isArray: true }) items: UnitRegistrationListItemDto[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的 cursor；最后一页为 null' }) nextCursor: string | null;
}

// ——— mapping ———

export interface UnitRegistrationExtras {
  editable: boolean;
  availableActions: RegistrationAction[];
  trail: TrailEntryView[];
}

export function mapUnitRegistration(row: RegistrationRow, extras: UnitRegistrationExtras): UnitRegistrationDto {
  return {
    id: row.id,
    status: row.status,
    statusLabel: REGISTRATION_STATUS_LABELS[row.status],
    name: row.name,
    creditCode: row.credit_code ?? '',
    county: { id: row.county_id, name: row.county_name },
    address: row.address ?? '',
    contactPerson: row.contact_person ?? '',
    contactPhone: row.contact_phone ?? '',
    account: row.username ? { username: row.username, phone: row.account_phone, email: row.account_email } : null,
    reviewOpinion: row.review_opinion,
    submittedAt: row.submitted_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...extras,
  };
}

export function mapUnitQueueItem(row: QueueRow): UnitRegistrationListItemDto {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code ?? '',
    county: { id: row.county_id, name: row.county_name },
    contactPerson: row.contact_person ?? '',
    status: row.status,
    statusLabel: REGISTRATION_STATUS_LABELS[row.status],
    submittedAt: row.submitted_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
  };
}
