import { Injectable } from '@nestjs/common';
import type { AttachmentKind, AttachmentMediaType, RegistrationStatus } from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopedAccess, type ScopedTable } from '../../common/access/scoped-access.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

/** One row of `attachments`, as the module uses it. */
export interface Attachment {
  id: string;
  ownerId: string;
  kind: AttachmentKind;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

export interface NewAttachment {
  ownerId: string;
  kind: AttachmentKind;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

export interface Usage {
  files: number;
  bytes: number;
}

/** What decides whether the owner may delete a material now. */
export interface DeletionFacts {
  attachment: Attachment;
  registrationStatus: RegistrationStatus | null;
  /** Work-history entries whose 劳动合同 or 证明材料 this file is. */
  workHistoryRefs: number;
}

/**
 * Materials belong to a person (the owner), who belongs to a unit in a county: the owner sees
 * theirs, the unit its registrants', county staff those of the county's units — once the person
 * has reported the registration (注册并上报). Before that the draft and its materials are the
 * person's own, as the registration itself is (the unit's queue shows no drafts either).
 */
export const ATTACHMENTS_TABLE: ScopedTable = {
  what: '材料',
  table: 'attachments',
  alias: 'a',
  joins: [
    { table: 'persons', alias: 'p', on: 'p.user_id = a.owner_id' },
    { table: 'units', alias: 'un', on: 'un.id = p.unit_id' },
  ],
  id: 'a.id',
  idKind: 'uuid',
  scope: { owner: 'a.owner_id', unit: 'p.unit_id', county: 'un.county_id' },
  othersSeeOnlyWhen: 'p.submitted_at IS NOT NULL',
};

const COLUMNS = `a.id, a.owner_id AS "ownerId", a.kind, a.file_name AS "fileName", a.media_type AS "mediaType",
  a.size_bytes::float8 AS "sizeBytes", a.sha256, a.storage_key AS "storageKey", a.created_at AS "createdAt"`;

/** The owner's list is bounded by the quota (at most 100 files, see ATTACHMENT_QUOTA_FILES). */
const OWN_LIST_LIMIT = 100;

/** Named queries over `attachments`. */
@Injectable()
export class AttachmentsRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ScopedAccess,
  ) {}

  async usageOf(ownerId: string): Promise<Usage> {
    const [row] = await this.uow.tx.query<Usage[]>(
      `SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::float8 AS bytes FROM attachments WHERE owner_id = $1`,
      [ownerId],);
    return row;
  }

  /** Serialises the uploads of one account until the transaction ends, so that two at once cannot both fit the quota. */
  async lockUploadsOf(ownerId: string): Promise<void> {
    await this.uow.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('attachments:' || $1::text, 0))`, [ownerId]);
  }

  async insert(row: NewAttachment): Promise<Attachment> {
    const [inserted] = await this.uow.tx.query<Attachment[]>(
      `INSERT INTO attachments AS a (owner_id, kind, file_name, media_type, size_bytes, sha256, storage_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [row.ownerId, row.kind, row.fileName, row.mediaType, row.sizeBytes, row.sha256, row.storageKey],);
    return inserted;
  }

  /** The owner's materials, newest first, optionally of one kind. */
  async listOwned(ownerId: string, kind: AttachmentKind | null): Promise<Attachment[]> {
    return await this.uow.tx.query<Attachment[]>(
      `SELECT ${COLUMNS} FROM attachments a WHERE a.owner_id = $1 AND ($2::varchar IS NULL OR a.kind = $2)
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${OWN_LIST_LIMIT}`,
      [ownerId, kind],);
  }

  /** A person's materials of the given kinds, oldest first (the caller has checked the scope). */
  async listForPerson(personId: string, kinds: readonly AttachmentKind[]): Promise<Attachment[]> {
    return await this.uow.tx.query<Attachment[]>(
      `SELECT ${COLUMNS} FROM attachments a WHERE a.owner_id = $1 AND a.kind = ANY($2::varchar[])
        ORDER BY a.created_at, a.id LIMIT ${OWN_LIST_LIMIT}`,
      [personId, kinds],);
  }

  /** Which of `ids` the owner owns (unknown and foreign ids are simply absent). */
  async findOwned(ownerId: string, ids: readonly string[]): Promise<Attachment[]> {
    if (ids.length === 0) return [];
    return await this.uow.tx.query<Attachment[]>(`SELECT ${COLUMNS} FROM attachments a WHERE a.owner_id = $1 AND a.id = ANY($2::uuid[])`, [
      ownerId,
      [...new Set(ids)],
    ]);
  }

  /** The material if it lies in the user's data scope (the owner's own, the unit's, the county's). */
  async findVisible(user: AuthUser, id: string): Promise<Attachment | null> {
    const row = await this.access
      .scopedQuery(user, ATTACHMENTS_TABLE)
      .select([
        'a.id AS id',
        'a.owner_id AS "ownerId"',
        'a.kind AS kind',
        'a.file_name AS "fileName"',
        'a.media_type AS "mediaType"',
        'a.size_bytes::float8 AS "sizeBytes"',
        'a.sha256 AS sha256',
        'a.storage_key AS "storageKey"',
        'a.created_at AS "createdAt"',
      ])
      .andWhere('a.id = :attachmentId', { attachmentId: id })
      .getRawOne<Attachment>();
    return row ?? null;
  }

  /**
   * The owner's material locked for deletion, with the state of what it belongs to. The person's
   * row is share-locked first, so that a submission (a guarded UPDATE of it) cannot slip in between
   * this check and the delete; a work-history entry taking the file meanwhile waits on the row lock.
   */
  /** The owner's registration status (null: no registration), held against a review starting meanwhile. */
  async lockRegistrationStatusOf(ownerId: string): Promise<RegistrationStatus | null> {
    const [person] = await this.uow.tx.query<{ status: RegistrationStatus }[]>(`SELECT registration_status AS status FROM persons WHERE user_id = $1 FOR SHARE`, [ownerId]);
    return person?.status ?? null;
  }

  async lockOwnedForDeletion(ownerId: string, id: string): Promise<DeletionFacts | null> {
    const [person] = await this.uow.tx.query<{ status: RegistrationStatus }[]>(`SELECT registration_status AS status FROM persons WHERE user_id = $1 FOR SHARE`, [
      ownerId,
    ]);
    const [row] = await this.uow.tx.query<(Attachment & { workHistoryRefs: number })[]>(
      `SELECT ${COLUMNS},
              (SELECT count(*)::int FROM work_histories w WHERE w.contract_attachment_id = a.id OR w.proof_attachment_id = a.id) AS "workHistoryRefs"
         FROM attachments a WHERE a.id = $1 AND a.owner_id = $2 FOR UPDATE`,
      [id, ownerId],);
    if (!row) return null;
    const { workHistoryRefs, ...attachment } = row;
    return { attachment, registrationStatus: person?.status ?? null, workHistoryRefs };
  }

  async deleteById(id: string): Promise<void> {
    await this.uow.tx.query(`DELETE FROM attachments WHERE id = $1`, [id]);
  }
}
