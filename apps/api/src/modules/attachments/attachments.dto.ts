import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentDownloadLink,
  type AttachmentKind,
  type AttachmentList,
  type AttachmentMediaType,
  type AttachmentUsage,
  type AttachmentView,
} from '@butie/contracts';
import type { Attachment } from './attachments.repository.js';

/** The multipart body of an upload, for the OpenAPI document (the route reads the parts itself). */
export class UploadAttachmentBody {
  @ApiProperty({ enum: ATTACHMENT_KINDS, description: '材料类型；放在 file 之前' })
  kind: AttachmentKind;

  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF、JPEG 或 PNG（按内容判断），不超过单个文件上限（默认 10 MB）；文件名仅用于显示（UTF-8，最长 255 字符）',
  })
  file: unknown;
}

export class AttachmentListQuery {
  @ApiPropertyOptional({ enum: ATTACHMENT_KINDS })
  @IsOptional()
  @IsIn(ATTACHMENT_KINDS, { message: '材料类型无效' })
  kind?: AttachmentKind;
}

export class AttachmentContentQuery {
  @ApiPropertyOptional({ enum: ['0', '1'], description: '1：作为附件下载（Content-Disposition: attachment）；默认在页面内预览（inline）' })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'download 只能为 0 或 1' })
  download?: '0' | '1';
}

export class AttachmentDownloadQuery {
  @ApiPropertyOptional({ description: '「下载链接」接口给出的令牌（1 分钟内有效，只对这一份材料与当前登录有效）' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  token?: string;
}

export class AttachmentDownloadLinkDto implements AttachmentDownloadLink {
  @ApiProperty({ example: '/api/v1/attachments/0b6f…/download?token=eyJ…', description: '同源的相对地址；直接打开即下载' }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class AttachmentDto implements AttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: AttachmentKind;
  @ApiProperty({ example: '学位证书' }) kindLabel: string;
  @ApiProperty({ description: '上传时的文件名（仅供显示与下载时命名）' }) fileName: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES, description: '按文件内容判断的类型' }) mediaType: AttachmentMediaType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: '文件内容的 SHA-256（十六进制）' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class AttachmentUsageDto implements AttachmentUsage {
  @ApiProperty({ description: '已上传文件数' }) files: number;
  @ApiProperty({ description: '已上传字节数' }) bytes: number;
  @ApiProperty({ description: '每个账号最多文件数' }) maxFiles: number;
  @ApiProperty({ description: '每个账号最多字节数' }) maxBytes: number;
  @ApiProperty({ description: '单个文件最多字节数' }) maxFileBytes: number;
}

export class AttachmentListDto implements AttachmentList {
  @ApiProperty({ type: [AttachmentDto] }) items: AttachmentDto[];
  @ApiProperty({ type: AttachmentUsageDto }) usage: AttachmentUsageDto;
}

export function mapAttachment(row: Attachment): AttachmentDto {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: ATTACHMENT_KIND_LABELS[row.kind],
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    uploadedAt: new Date(row.createdAt).toISOString(),
  };
}
