import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  REGISTRATION_ATTACHMENT_KINDS,
  can,
  type AttachmentKind,
  type AttachmentView,
} from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { validationFailed } from '../../common/validation/validation.js';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { SessionsService } from '../accounts/sessions/sessions.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AttachmentsRepository, type Attachment, type Usage } from './attachments.repository.js';
import { mapAttachment, type AttachmentDownloadLinkDto, type AttachmentDto, type AttachmentListDto } from './attachments.dto.js';
import { storageUnavailable } from './attachments.errors.js';
import { AttachmentStorage, StorageUnavailableError, type StoredObject } from './storage/attachment-storage.js';
import { displayFileName } from './upload/file-name.js';
import { hasValidBoundary } from './upload/multipart.js';
import { megabytes, UploadMeter } from './upload/upload-meter.js';

const WHAT = '材料';

interface StoredUpload {
  key: string;
  meter: UploadMeter;
  fileName: string;
}

/**
 * 证明材料: uploads streamed to storage through the meter (size, type by content, SHA-256), the
 * per-account quota, reading within the data scope, and deletion while the owning record is
 * editable. A refusal at any step leaves neither a row nor a stored object.
 */
@Injectable()
export class AttachmentsService implements OnApplicationShutdown {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly limits: AppConfig['attachments'];

  constructor(
    private readonly repository: AttachmentsRepository,
    private readonly storage: AttachmentStorage,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    config: AppConfig,
  ) {
    this.limits = config.attachments;
  }

  /** POST /attachments: the parts `kind` and `file` of a multipart body, the file streamed on. */
  async upload(user: AuthUser, request: FastifyRequest, client: ClientInfo): Promise<AttachmentDto> {
    if (!request.isMultipart()) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传：字段 kind（材料类型）与 file（文件）');
    }
    if (!hasValidBoundary(request.headers['content-type'])) {
      throw new AppError('MALFORMED_REQUEST', 'multipart/form-data 请求头缺少有效的 boundary（1–70 个字符），无法读取上传内容');
    }
    // What the unit is reviewing stays as it is: checked before a byte is read, and again at the write.
    if ((await this.repository.lockRegistrationStatusOf(user.id)) === 'PENDING') throw materialsUnderReview();
    const before = await this.repository.usageOf(user.id);
    if (before.files >= this.limits.quotaFiles || before.bytes >= this.limits.quotaBytes) throw this.quotaExceeded(before);

    let kind: AttachmentKind | null = null;
    let stored: StoredUpload | null = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          kind = this.kindField(part, kind);
          continue;
        }
        if (part.fieldname !== 'file') throw validationFailed([{ field: part.fieldname, message: '文件请放在字段 file 中' }]);
        stored = await this.store(part, kind, before);
      }
      if (!stored) {
        throw validationFailed([{ field: 'file', message: '请选择要上传的文件（字段 file；文件名不能含换行等控制字符）' }]);
      }
      if (!kind) throw validationFailed([{ field: 'kind', message: '请选择材料类型（字段 kind）' }]);
      const upload = stored;
      const uploadKind = kind;
      const row = await this.uow.run(async () => {
        await this.repository.lockUploadsOf(user.id);
        if ((await this.repository.lockRegistrationStatusOf(user.id)) === 'PENDING') throw materialsUnderReview();
        const usage = await this.repository.usageOf(user.id);
        if (usage.files + 1 > this.limits.quotaFiles || usage.bytes + upload.meter.bytes > this.limits.quotaBytes) {
          throw this.quotaExceeded(usage);
        }
        const inserted = await this.repository.insert({
          ownerId: user.id,
          kind: uploadKind,
          fileName: upload.fileName,
          mediaType: upload.meter.mediaType!,
          sizeBytes: upload.meter.bytes,
          sha256: upload.meter.sha256!,
          storageKey: upload.key,
        });
        await this.audit.recordOperation(user, client, {
          action: 'MATERIAL_UPLOAD',
          targetType: 'ATTACHMENT',
          targetId: inserted.id,
          summary: `上传${ATTACHMENT_KIND_LABELS[uploadKind]}「${upload.fileName}」（${upload.meter.bytes} 字节，SHA-256 ${upload.meter.sha256!.slice(0, 16)}…）`.slice(0, 512),
        });
        return inserted;
      });
      return mapAttachment(row);
    } catch (error) {
      if (stored) await this.discard(stored.key);
      throw this.storeOutage(error) ?? multipartRefusal(error);
    }
  }

  /** GET /attachments: the account's own materials and its quota. */
  async listOwn(user: AuthUser, kind: AttachmentKind | null): Promise<AttachmentListDto> {
    const [rows, usage] = await Promise.all([this.repository.listOwned(user.id, kind), this.repository.usageOf(user.id)]);
    return {
      items: rows.map(mapAttachment),
      usage: {
        ...usage,
        maxFiles: this.limits.quotaFiles,
        maxBytes: this.limits.quotaBytes,
        maxFileBytes: this.limits.maxFileBytes,
      },
    };
  }

  /**
   * The file of a material for its owner, or for a reviewer whose scope covers the owner (the unit
   * of the person, staff of that unit's county). Everyone else: 404, as for an id that does not exist.
   */
  async openContent(user: AuthUser, id: string): Promise<{ attachment: Attachment; object: StoredObject }> {
    const attachment = await this.findReadable(user, id);
    if (!attachment) throw notFound(WHAT);
    let object: StoredObject | null;
    try {
      object = await this.storage.get(attachment.storageKey);
    } catch (error) {
      throw this.storeOutage(error) ?? error;
    }
    if (!object) {
      this.logger.error(`attachment ${attachment.id}: no object under storage key ${attachment.storageKey} (${this.storage.driver})`);
      throw notFound(WHAT);
    }
    return { attachment, object };
  }

  /** POST /attachments/{id}/download-link: for whoever may read the material (the same 404 otherwise). */
  async downloadLink(user: AuthUser, id: string): Promise<AttachmentDownloadLinkDto> {
    if (!(await this.findReadable(user, id))) throw notFound(WHAT);
    const link = this.sessions.signLink(user, linkResource(id));
    return { url: `/api/v1/attachments/${id}/download?token=${encodeURIComponent(link.token)}`, expiresAt: link.expiresAt };
  }

  /** GET /attachments/{id}/download?token=: the link's session, checked again as at any read. */
  async openDownload(token: string | undefined, id: string): Promise<{ attachment: Attachment; object: StoredObject }> {
    return this.openContent(await this.sessions.principalForLink(token, linkResource(id)), id);
  }

  /** DELETE /attachments/{id}: the owner's, while what it belongs to can still be changed. */
  async delete(user: AuthUser, id: string, client: ClientInfo): Promise<void> {
    const storageKey = await this.uow.run(async () => {
      const facts = await this.repository.lockOwnedForDeletion(user.id, id);
      if (!facts) throw notFound(WHAT);
      if (facts.registrationStatus === 'PENDING') {
        throw new AppError('ATTACHMENT_NOT_DELETABLE', '注册信息正在由单位审核（待审核），审核期间不能删除证明材料；审核结束或退回后再删除');
      }
      if (facts.workHistoryRefs > 0) {
        throw new AppError(
          'ATTACHMENT_NOT_DELETABLE',
          `该文件是 ${facts.workHistoryRefs} 条工作经历的劳动合同或证明材料，请先在工作经历中更换或删除后再删除`,
        );
      }
      await this.repository.deleteById(id);
      const gone = facts.attachment;
      await this.audit.recordOperation(user, client, {
        action: 'MATERIAL_DELETE',
        targetType: 'ATTACHMENT',
        targetId: id,
        summary: `删除${ATTACHMENT_KIND_LABELS[gone.kind]}「${gone.fileName}」（SHA-256 ${gone.sha256.slice(0, 16)}…）`.slice(0, 512),
      });
      return gone.storageKey;
    });
    // After the commit: a failed removal leaves an unreferenced object (logged), never a row without its file.
    await this.discard(storageKey);
  }

  /** For the persons module (PersonMaterials): the registration materials of a person, oldest first. */
  async listForPerson(personId: string): Promise<AttachmentView[]> {
    return (await this.repository.listForPerson(personId, REGISTRATION_ATTACHMENT_KINDS)).map(mapAttachment);
  }

  /** For the work-history module: which of `ids` the person owns (others are absent: report them as 404). */
  async findOwned(ownerId: string, ids: readonly string[]): Promise<AttachmentView[]> {
    return (await this.repository.findOwned(ownerId, ids)).map(mapAttachment);
  }

  onApplicationShutdown(): void {
    this.storage.close?.();
  }

  private kindField(part: MultipartValue, seen: AttachmentKind | null): AttachmentKind {
    if (part.fieldname !== 'kind') throw validationFailed([{ field: part.fieldname, message: '不支持的字段（只接受 kind 与 file）' }]);
    if (seen !== null) throw validationFailed([{ field: 'kind', message: '材料类型只能填一次' }]);
    const value = part.value;
    if (typeof value !== 'string' || !(ATTACHMENT_KINDS as readonly string[]).includes(value)) {
      throw validationFailed([{ field: 'kind', message: `材料类型无效，可选：${ATTACHMENT_KINDS.join('、')}` }]);
    }
    return value as AttachmentKind;
  }

  private async store(part: MultipartFile, kind: AttachmentKind | null, usage: Usage): Promise<StoredUpload> {
    const name = displayFileName(part.filename, kind ? ATTACHMENT_KIND_LABELS[kind] : '材料');
    if (!name.ok) throw validationFailed([{ field: 'file', message: name.reason }]);
    const key = randomUUID();
    const meter = new UploadMeter({
      maxFileBytes: this.limits.maxFileBytes,
      roomBytes: this.limits.quotaBytes - usage.bytes,
      quotaExceeded: () => this.quotaExceeded(usage),
    });
    // Errors of either side end both; storage.put reports them.
    const measured = pipeline(part.file, meter, () => undefined);
    await this.storage.put(key, measured, () => ({ mediaType: meter.mediaType!, sha256: meter.sha256! }));
    return { key, meter, fileName: name.name };
  }

  /** A failure of the store itself, logged with its cause and answered 503; null for any other error. */
  private storeOutage(error: unknown): AppError | null {
    if (!(error instanceof StorageUnavailableError)) return null;
    const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
    this.logger.error(`attachment storage (${error.driver}) unavailable: ${cause}`);
    return storageUnavailable();
  }

  private quotaExceeded(usage: Usage): AppError {
    const { quotaFiles, quotaBytes } = this.limits;
    return new AppError(
      'ATTACHMENT_QUOTA_EXCEEDED',
      `已达到上传限额：每个账号最多 ${quotaFiles} 个文件、共 ${megabytes(quotaBytes)}，` +
        `现有 ${usage.files} 个文件、共 ${megabytes(usage.bytes)}。请先删除不需要的材料再上传`,
      { extensions: { maxFiles: quotaFiles, maxBytes: quotaBytes, files: usage.files, bytes: usage.bytes } },
    );
  }

  private async findReadable(user: AuthUser, id: string): Promise<Attachment | null> {
    if (!can(user, 'person.registration.self') && !can(user, 'person.read')) return null;
    return this.repository.findVisible(user, id);
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.error(`could not remove stored object ${key} (${this.storage.driver}): ${(error as Error).message}`);
    }
  }
}

const MULTIPART_ERRORS: Record<string, string> = {
  FST_FILES_LIMIT: '一次只能上传一个文件',
  FST_PARTS_LIMIT: '表单字段过多：只接受 kind 与 file',
  FST_FIELDS_LIMIT: '表单字段过多：只接受 kind 与 file',
  FST_PROTO_VIOLATION: '表单字段名不允许',
  FST_MP_PREMATURE_CLOSE: '上传未完成，连接已中断',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请求不是 multipart/form-data',
};

/** The parser's and busboy's failures as our refusals; anything else (storage, database) passes as it is. */
export function multipartRefusal(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', '文件超过单个文件大小上限，请压缩或分开上传');
  if (code && MULTIPART_ERRORS[code]) return new AppError('MALFORMED_REQUEST', MULTIPART_ERRORS[code]);
  if (/multipart|boundary|part header|terminated early|unexpected end/i.test(error.message)) {
    // The parser's own words are English and name its internals: the client is told what to fix.
    return new AppError('MALFORMED_REQUEST', 'multipart/form-data 请求体格式错误（分隔符或分段不完整），请检查请求内容');
  }
  return error;
}

/** While the unit reviews a registration, its materials are what the unit sees: no file comes or goes. */
function materialsUnderReview(): AppError {
  return new AppError('MATERIALS_UNDER_REVIEW', '注册信息正在由单位审核（待审核），审核期间不能上传或删除证明材料；如需补充，请联系单位退回后再上传');
}

function linkResource(id: string): string {
  return `attachment:${id}`;
}
