import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  ATTACHMENT_MEDIA_TYPES,
  contractLastsThreeYears,
  WORK_HISTORY_UNIT_NAME_MAX,
  type AttachmentKind,
  type AttachmentMediaType,
  type AttachmentView,
  type CreateWorkHistoryRequest,
  type WorkHistoryList,
  type WorkHistoryView,
} from '@butie/contracts';
import type { WorkHistoryRow } from './work-history.repository.js';
import { Trimmed } from '../../common/validation/validation.js';

const DATE_EXAMPLE = 'YYYY-MM-DD';

// ——— requests ———

/**
 * The dates are checked by `checkWorkHistoryDates` of @butie/contracts (the form uses the same
 * function), so that every date problem is told in one answer with the rule it broke; here only
 * that each is text.
 */
export class CreateWorkHistoryDto implements CreateWorkHistoryRequest {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: '从单位列表选择的单位（审核通过、非虚拟单位，见 GET /api/v1/units/picker），所在县区取该单位的县区；与 unitName + countyId 二选一',
  })
  @IsOptional()
  @IsUUID('all', { message: '请从单位列表中选择单位' })
  unitId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: WORK_HISTORY_UNIT_NAME_MAX, example: '云州市某某科技有限公司', description: '单位不在列表中时填写的单位名称' })
  @Trimmed()
  @IsOptional()
  @IsString({ message: '请填写单位名称' })
  @Length(1, WORK_HISTORY_UNIT_NAME_MAX, { message: `单位名称须为 1–${WORK_HISTORY_UNIT_NAME_MAX} 个字` })
  unitName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: '填写单位名称时，单位所在县区（GET /api/v1/regions 中的县区）' })
  @IsOptional()
  @IsUUID('all', { message: '请选择单位所在县区' })
  countyId?: string | null;

  @ApiProperty({ example: '2020-07-01', description: `入职日期 ${DATE_EXAMPLE}，不晚于今天` })
  @IsString({ message: '请填写入职日期' })
  @MaxLength(32, { message: '入职日期格式须为 YYYY-MM-DD' })
  startDate: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: `离职日期 ${DATE_EXAMPLE}；为空表示目前在职` })
  @IsOptional()
  @IsString({ message: '离职日期格式须为 YYYY-MM-DD' })
  @MaxLength(32, { message: '离职日期格式须为 YYYY-MM-DD' })
  endDate?: string | null;

  @ApiProperty({ example: '2020-07-01', description: `劳动合同起始日期 ${DATE_EXAMPLE}` })
  @IsString({ message: '请填写劳动合同起始日期' })
  @MaxLength(32, { message: '劳动合同起始日期格式须为 YYYY-MM-DD' })
  contractStart: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2023-06-30', description: `劳动合同终止日期 ${DATE_EXAMPLE}；无固定期限时为空` })
  @IsOptional()
  @IsString({ message: '劳动合同终止日期格式须为 YYYY-MM-DD' })
  @MaxLength(32, { message: '劳动合同终止日期格式须为 YYYY-MM-DD' })
  contractEnd?: string | null;

  @ApiProperty({ description: '无固定期限劳动合同（此时不填写终止日期）' })
  @IsBoolean({ message: '请选择劳动合同是否无固定期限' })
  contractOpenEnded: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: '劳动合同：本人上传的「劳动合同」类材料（POST /api/v1/attachments）' })
  @IsOptional()
  @IsUUID('all', { message: '请重新选择劳动合同文件' })
  contractAttachmentId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: '证明材料：本人上传的「证明材料」或「其他」类材料；当前在登记单位任职时，可与劳动合同为同一文件',
  })
  @IsOptional()
  @IsUUID('all', { message: '请重新选择证明材料文件' })
  proofAttachmentId?: string | null;
}

/** Only the fields given change (see UpdateWorkHistoryRequest in @butie/contracts). */
export class UpdateWorkHistoryDto extends PartialType(CreateWorkHistoryDto) {}

export class WorkHistoryListQueryDto {
  @ApiPropertyOptional({ description: '审核人员查看某位人员的工作经历（人员编号，即其个人账号编号）；不填为本人的工作经历' })
  @IsOptional()
  @IsString({ message: '人员编号无效' })
  @MaxLength(64, { message: '人员编号无效' })
  personId?: string;
}

// ——— responses ———

class WorkHistoryUnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class WorkHistoryCountyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class WorkHistoryAttachmentDto implements AttachmentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: AttachmentKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES }) mediaType: AttachmentMediaType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: string;
}

export class WorkHistoryDto implements WorkHistoryView {
  @ApiProperty() id: string;
  @ApiProperty({ type: WorkHistoryUnitDto, nullable: true, description: '从单位列表选择的单位；填写单位名称时为空' }) unit: WorkHistoryUnitDto | null;
  @ApiProperty({ description: '单位名称（所选单位的名称或填写的名称）' }) unitName: string;
  @ApiProperty({ type: WorkHistoryCountyDto, description: '单位所在县区' }) county: WorkHistoryCountyDto;
  @ApiProperty({ example: '2020-07-01' }) startDate: string;
  @ApiProperty({ nullable: true, type: String, description: '为空表示目前在职' }) endDate: string | null;
  @ApiProperty({ example: '2020-07-01' }) contractStart: string;
  @ApiProperty({ nullable: true, type: String, example: '2023-06-30' }) contractEnd: string | null;
  @ApiProperty() contractOpenEnded: boolean;
  @ApiProperty({ description: '劳动合同期限是否满 3 年（起止日期均计入：2020-07-01 至 2023-06-30 为满 3 年；无固定期限视为满 3 年）' })
  contractLastsThreeYears: boolean;
  @ApiProperty({ type: WorkHistoryAttachmentDto, nullable: true, description: '劳动合同' }) contract: WorkHistoryAttachmentDto | null;
  @ApiProperty({ type: WorkHistoryAttachmentDto, nullable: true, description: '证明材料' }) proof: WorkHistoryAttachmentDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class WorkHistoryListDto implements WorkHistoryList {
  @ApiProperty({ type: WorkHistoryDto, isArray: true, description: '按入职日期倒序' }) items: WorkHistoryDto[];
}

export function mapWorkHistory(row: WorkHistoryRow): WorkHistoryView {
  return {
    id: row.id,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
    unitName: row.unit_name,
    county: { id: row.county_id, name: row.county_name },
    startDate: row.start_date,
    endDate: row.end_date,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    contractOpenEnded: row.contract_open_ended,
    contractLastsThreeYears: contractLastsThreeYears(row.contract_start, row.contract_end, row.contract_open_ended),
    contract: mapFile(row.contract_attachment_id, {
      kind: row.contract_kind,
      fileName: row.contract_file_name,
      mediaType: row.contract_media_type,
      sizeBytes: row.contract_size_bytes,
      sha256: row.contract_sha256,
      createdAt: row.contract_created_at,
    }),
    proof: mapFile(row.proof_attachment_id, {
      kind: row.proof_kind,
      fileName: row.proof_file_name,
      mediaType: row.proof_media_type,
      sizeBytes: row.proof_size_bytes,
      sha256: row.proof_sha256,
      createdAt: row.proof_created_at,
    }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

interface FileColumns {
  kind: AttachmentKind | null;
  fileName: string | null;
  mediaType: AttachmentMediaType | null;
  sizeBytes: string | null;
  sha256: string | null;
  createdAt: Date | null;
}

function mapFile(id: string | null, file: FileColumns): AttachmentView | null {
  if (!id || !file.kind) return null;
  return {
    id,
    kind: file.kind,
    kindLabel: ATTACHMENT_KIND_LABELS[file.kind],
    fileName: file.fileName ?? '',
    mediaType: file.mediaType!,
    sizeBytes: Number(file.sizeBytes),
    sha256: file.sha256 ?? '',
    uploadedAt: file.createdAt!.toISOString(),
  };
}
