import { randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import {
  ATTACHMENT_KIND_LABELS,
  DEGREE_LABELS,
  EDUCATION_LABELS,
  type AttachmentKind,
  type AttachmentMediaType,
  type Degree,
  type Education,
} from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { AttachmentsRepository } from '../../modules/attachments/attachments.repository.js';
import { AttachmentStorage } from '../../modules/attachments/storage/attachment-storage.js';
import { UploadMeter } from '../../modules/attachments/upload/upload-meter.js';
import { demoIdCardPng, demoPdf } from './demo-files.js';

/** What the documents of a person say of them. */
export interface DemoHolder {
  fullName: string;
  idNumber: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  school: string;
  major: string;
  education: Education;
  degree: Degree;
  /** Year of graduation (the documents' date). */
  graduated: number;
}

export interface DemoFile {
  fileName: string;
  bytes: Buffer;
}

/** A file whose bytes are in the storage, with what the meter found in them; its row comes next. */
export interface StoredDemoFile {
  key: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
}

/**
 * 证明材料 of the demo, stored as an upload is: the bytes go through the attachments module's own
 * UploadMeter (size, type judged by content, SHA-256) into the configured AttachmentStorage (local
 * disk or S3), and the row is written by AttachmentsRepository.insert — so that every demo file can
 * be previewed and downloaded, and its row says what the module would have said of it.
 *
 * `put` (the storage) and `record` (the row) are apart so that a person's files can be written at
 * once, beside the transaction's queries: they are most of the seed's time one after another. The
 * keys are remembered, so that a seed that fails afterwards can take its files away again.
 */
export class DemoMaterials {
  private readonly storedKeys: string[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly storage: AttachmentStorage,
    private readonly attachments: AttachmentsRepository,
    private readonly maxFileBytes: number,
  ) {}

  /** The bytes into the storage (no database): several may run at once. */
  put(file: DemoFile): Promise<StoredDemoFile> {
    const key = randomUUID();
    this.storedKeys.push(key);
    const meter = new UploadMeter({
      maxFileBytes: this.maxFileBytes,
      roomBytes: Number.POSITIVE_INFINITY,
      quotaExceeded: () => new AppError('ATTACHMENT_QUOTA_EXCEEDED', '示范数据的材料不受上传限额约束'),
    });
    // As AttachmentsService.store: errors of either side end both; storage.put reports them.
    const measured = pipeline(Readable.from([file.bytes]), meter, () => undefined);
    const stored = this.storage
      .put(key, measured, () => ({ mediaType: meter.mediaType!, sha256: meter.sha256! }))
      .then(() => ({ key, fileName: file.fileName, mediaType: meter.mediaType!, sizeBytes: meter.bytes, sha256: meter.sha256! }));
    this.pending.add(stored);
    void stored.catch(() => undefined).finally(() => this.pending.delete(stored));
    return stored;
  }

  /** The row of a stored file, in the caller's unit of work; returns the attachment's id. */
  async record(ownerId: string, kind: AttachmentKind, file: StoredDemoFile): Promise<string> {
    const row = await this.attachments.insert({ ownerId, kind, ...file, storageKey: file.key });
    return row.id;
  }

  async store(ownerId: string, kind: AttachmentKind, file: DemoFile): Promise<string> {
    return this.record(ownerId, kind, await this.put(file));
  }

  /** Removes what this seed stored (after its transaction rolled back); a failure is only reported. */
  async discardAll(): Promise<void> {
    // A write still under way would put its file in place after the removal.
    await Promise.allSettled([...this.pending]);
    for (const key of this.storedKeys.splice(0)) {
      await this.storage.delete(key).catch((error: Error) => console.error(`demo seed: could not remove stored object ${key}: ${error.message}`));
    }
  }
}

const DEMO_NOTE = '（示范数据，仅供演示，非真实证件）';

/** A registration material of `kind` (证明材料上传): the ID card as a PNG, the rest as one-page PDFs. */
export function registrationDocument(kind: AttachmentKind, holder: DemoHolder): DemoFile {
  const label = ATTACHMENT_KIND_LABELS[kind];
  switch (kind) {
    case 'ID_CARD':
      return { fileName: '身份证正反面.png', bytes: demoIdCardPng(`${holder.fullName}${holder.idNumber}`) };
    case 'DEGREE_CERTIFICATE':
      return pdf('学位证书.pdf', '学位证书', [
        `${holder.fullName}，${holder.birthDate.slice(0, 4)} 年 ${Number(holder.birthDate.slice(5, 7))} 月生。`,
        `在${holder.school}${holder.major}专业完成了学业，`,
        `经审核符合学位授予条件，授予${DEGREE_LABELS[holder.degree]}学位。`,
        `${holder.school}学位评定委员会\u3000${holder.graduated} 年 6 月`,
        `证书编号：${certificateNumber(holder, '0')}`,
        DEMO_NOTE,
      ]);
    case 'EDUCATION_CERTIFICATE':
      return pdf('毕业证书.pdf', '毕业证书', [
        `学生 ${holder.fullName}，于 ${holder.graduated - studyYears(holder.education)} 年 9 月至 ${holder.graduated} 年 6 月`,
        `在${holder.school}${holder.major}专业学习，`,
        `修完规定课程，成绩合格，准予毕业（${EDUCATION_LABELS[holder.education]}）。`,
        `证书编号：${certificateNumber(holder, '1')}`,
        DEMO_NOTE,
      ]);
    case 'EDUCATION_RECORD':
      return pdf('学历证书电子注册备案表.pdf', '教育部学历证书电子注册备案表', [
        `姓名：${holder.fullName}\u3000\u3000证件号码：${holder.idNumber}`,
        `毕业院校：${holder.school}\u3000\u3000专业：${holder.major}`,
        `层次：${EDUCATION_LABELS[holder.education]}\u3000\u3000毕业结论：毕业`,
        `证书编号：${certificateNumber(holder, '1')}`,
        `在线验证码：B${certificateNumber(holder, '2').slice(-11)}`,
        DEMO_NOTE,
      ]);
    default:
      return pdf(`${label}.pdf`, label, [`姓名：${holder.fullName}`, `证件号码：${holder.idNumber}`, DEMO_NOTE]);
  }
}

export interface DemoContractTerms {
  unitName: string;
  contractStart: string;
  /** null: 无固定期限. */
  contractEnd: string | null;
}

/** 劳动合同 of a job: the parties and the term, as the first page of a contract shows them. */
export function contractDocument(holder: DemoHolder, terms: DemoContractTerms): DemoFile {
  const term = terms.contractEnd ? `固定期限：自 ${terms.contractStart} 起至 ${terms.contractEnd} 止` : `无固定期限：自 ${terms.contractStart} 起`;
  return pdf(`劳动合同（${terms.unitName}）.pdf`, '劳动合同书', [
    `甲方（用人单位）：${terms.unitName}`,
    `乙方（劳动者）：${holder.fullName}\u3000\u3000证件号码：${holder.idNumber}`,
    '第一条\u3000合同期限',
    `本合同为${term}。`,
    '第二条\u3000工作内容和工作地点',
    '乙方同意根据甲方工作需要，从事专业技术岗位工作。',
    '甲方（盖章）\u3000\u3000\u3000\u3000\u3000乙方（签字）',
    DEMO_NOTE,
  ]);
}

/** 证明材料 of a job: an employment certificate (在职证明) or, for a job that ended, a 离职证明. */
export function employmentProofDocument(holder: DemoHolder, job: { unitName: string; start: string; end: string | null }): DemoFile {
  const ended = job.end !== null;
  return pdf(ended ? `离职证明（${job.unitName}）.pdf` : `在职证明（${job.unitName}）.pdf`, ended ? '离职证明' : '在职证明', [
    `兹证明 ${holder.fullName}（证件号码：${holder.idNumber}）`,
    ended ? `自 ${job.start} 至 ${job.end} 在我单位工作，已办理离职手续。` : `自 ${job.start} 起在我单位工作，至今在职。`,
    '特此证明。',
    `${job.unitName}（盖章）`,
    DEMO_NOTE,
  ]);
}

function pdf(fileName: string, title: string, lines: string[]): DemoFile {
  return { fileName, bytes: demoPdf({ title, lines }) };
}

function studyYears(education: Education): number {
  return education === 'BACHELOR' ? 4 : education === 'MASTER' ? 3 : 4;
}

/** A certificate number that stays the same for the same person, so that the documents agree with each other. */
function certificateNumber(holder: DemoHolder, series: '0' | '1' | '2'): string {
  return `10673${holder.graduated}${series}${holder.idNumber.slice(-7, -1)}`;
}
