import { Injectable } from '@nestjs/common';
import type { AttachmentKind, AttachmentMediaType } from '@butie/contracts';
import type { ScopedTable } from '../../common/access/scoped-access.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

/**
 * Work-history entries, declared once for the data scope: an entry belongs to its person, to the
 * person's registered unit (persons.unit_id, not the unit of the entry) and to that unit's county.
 */
export const WORK_HISTORIES_TABLE: ScopedTable = {
  what: '工作经历',
  table: 'work_histories',
  alias: 'w',
  joins: [
    { table: 'persons', alias: 'p', on: 'p.user_id = w.person_id' },
    { table: 'units', alias: 'pu', on: 'pu.id = p.unit_id' },
  ],
  id: 'w.id',
  idKind: 'uuid',
  scope: { owner: 'w.person_id', unit: 'p.unit_id', county: 'pu.county_id' },
  // Reviewers see a registrant's entries once the registration was reported (as the materials).
  othersSeeOnlyWhen: 'p.submitted_at IS NOT NULL',
};


/** One entry as the API shows it: the entry, its unit and county, and both files (left-joined). */
export interface WorkHistoryRow {
  id: string;
  person_id: string;
  unit_id: string | null;
  /** The picked unit's current name, or the typed name. */
  unit_name: string;
  county_id: string;
  county_name: string;
  start_date: string;
  end_date: string | null;
  contract_start: string;
  contract_end: string | null;
  contract_open_ended: boolean;
  created_at: Date;
  updated_at: Date;
  contract_attachment_id: string | null;
  contract_kind: AttachmentKind | null;
  contract_file_name: string | null;
  contract_media_type: AttachmentMediaType | null;
  contract_size_bytes: string | null;
  contract_sha256: string | null;
  contract_created_at: Date | null;
  proof_attachment_id: string | null;
  proof_kind: AttachmentKind | null;
  proof_file_name: string | null;
  proof_media_type: AttachmentMediaType | null;
  proof_size_bytes: string | null;
  proof_sha256: string | null;
  proof_created_at: Date | null;
}

/** What an entry stores, after the service resolved the unit and checked every rule. */
export interface WorkHistoryColumns {
  unitId: string | null;
  unitName: string;
  countyId: string;
  startDate: string;
  endDate: string | null;
  contractStart: string;
  contractEnd: string | null;
  contractOpenEnded: boolean;
  contractAttachmentId: string | null;
  proofAttachmentId: string | null;
}

/** The stored entry itself, for merging a change into it. */
export interface StoredWorkHistory {
  id: string;
  unit_id: string | null;
  unit_name: string;
  county_id: string;
  start_date: string;
  end_date: string | null;
  contract_start: string;
  contract_end: string | null;
  contract_open_ended: boolean;
  contract_attachment_id: string | null;
  proof_attachment_id: string | null;
}

export interface WorkHistoryOwner {
  /** The unit the person is registered under (persons.unit_id). */
  unit_id: string;
  entries: number;
}

export interface PickableUnit {
  id: string;
  name: string;
  county_id: string;
  status: string;
  is_virtual: boolean;
}

export interface OwnAttachment {
  id: string;
  kind: AttachmentKind;
}

const FILE_COLUMNS = (alias: string, prefix: string) =>
  `${alias}.kind AS ${prefix}_kind, ${alias}.file_name AS ${prefix}_file_name, ${alias}.media_type AS ${prefix}_media_type,
   ${alias}.size_bytes AS ${prefix}_size_bytes, ${alias}.sha256 AS ${prefix}_sha256, ${alias}.created_at AS ${prefix}_created_at`;

const ENTRY_SELECT = `
  SELECT w.id, w.person_id, w.unit_id, COALESCE(u.name, w.unit_name) AS unit_name, w.county_id, r.name AS county_name,
         to_char(w.start_date, 'YYYY-MM-DD') AS start_date, to_char(w.end_date, 'YYYY-MM-DD') AS end_date,
         to_char(w.contract_start, 'YYYY-MM-DD') AS contract_start, to_char(w.contract_end, 'YYYY-MM-DD') AS contract_end,
         w.contract_open_ended, w.created_at, w.updated_at,
         w.contract_attachment_id, ${FILE_COLUMNS('ca', 'contract')},
         w.proof_attachment_id, ${FILE_COLUMNS('pa', 'proof')}
    FROM work_histories w
    JOIN regions r ON r.id = w.county_id
    LEFT JOIN units u ON u.id = w.unit_id
    LEFT JOIN attachments ca ON ca.id = w.contract_attachment_id
    LEFT JOIN attachments pa ON pa.id = w.proof_attachment_id`;

const STORED_COLUMNS = `id, unit_id, unit_name, county_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
  to_char(contract_start, 'YYYY-MM-DD') AS contract_start, to_char(contract_end, 'YYYY-MM-DD') AS contract_end, contract_open_ended,
  contract_attachment_id, proof_attachment_id`;

/** Named queries of work histories; every one runs in the caller's unit of work. */
@Injectable()
export class WorkHistoryRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** A person's entries, newest start first (served by work_histories_person_idx). */
  async findForPerson(personId: string): Promise<WorkHistoryRow[]> {
    return await this.uow.tx.query<WorkHistoryRow[]>(`${ENTRY_SELECT} WHERE w.person_id = $1 ORDER BY w.start_date DESC, w.id DESC`, [personId]);
  }

  async countForPerson(personId: string): Promise<number> {
    const [row] = await this.uow.tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM work_histories WHERE person_id = $1`, [personId]);
    return row.n;
  }

  /** The person's current job (no end date) other than `exceptId`: its unit's name, or null. */
  async findOtherCurrentJob(personId: string, exceptId: string | null): Promise<string | null> {
    const [row] = await this.uow.tx.query<{ name: string }[]>(
      `SELECT coalesce(u.name, w.unit_name) AS name FROM work_histories w LEFT JOIN units u ON u.id = w.unit_id
        WHERE w.person_id = $1 AND w.end_date IS NULL AND ($2::uuid IS NULL OR w.id <> $2::uuid) LIMIT 1`,
      [personId, exceptId],
    );
    return row?.name ?? null;
  }

  async findById(id: string): Promise<WorkHistoryRow | null> {
    const [row] = await this.uow.tx.query<WorkHistoryRow[]>(`${ENTRY_SELECT} WHERE w.id = $1`, [id]);
    return row ?? null;
  }

  /** Whether the person lies in the user's data scope (an applicant: only themselves). */

  /**
   * Locks the person's row for the rest of the transaction, so that two entries written at once
   * are counted one after the other; with the registered unit the shared-file rule needs.
   */
  async lockOwner(personId: string): Promise<WorkHistoryOwner | null> {
    const [row] = await this.uow.tx.query<WorkHistoryOwner[]>(
      `SELECT p.unit_id, (SELECT count(*)::int FROM work_histories w WHERE w.person_id = p.user_id) AS entries
         FROM persons p WHERE p.user_id = $1 FOR NO KEY UPDATE OF p`,
      [personId],);
    return row ?? null;
  }

  /** The stored entry, locked against a concurrent change. */
  async lockById(id: string): Promise<StoredWorkHistory | null> {
    const [row] = await this.uow.tx.query<StoredWorkHistory[]>(`SELECT ${STORED_COLUMNS} FROM work_histories WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  /**
   * A unit named from the picker, as far as an entry needs it. Read here rather than through the
   * units module's service because it is one fixed lookup of the status the units module writes.
   */
  async findUnit(unitId: string): Promise<PickableUnit | null> {
    const [row] = await this.uow.tx.query<PickableUnit[]>(`SELECT id, name, county_id, status, is_virtual FROM units WHERE id = $1`, [unitId]);
    return row ?? null;
  }

  async isCounty(regionId: string): Promise<boolean> {
    const rows = await this.uow.tx.query<unknown[]>(`SELECT 1 FROM regions WHERE id = $1 AND level = 'COUNTY'`, [regionId]);
    return rows.length > 0;
  }

  /** Which of `ids` are files of `ownerId` (with their kind); others' files and unknown ids are simply absent. */
  async findAttachmentsOfOwner(ownerId: string, ids: readonly string[]): Promise<Map<string, OwnAttachment>> {
    if (ids.length === 0) return new Map();
    const rows = await this.uow.tx.query<OwnAttachment[]>(`SELECT id, kind FROM attachments WHERE owner_id = $1 AND id = ANY($2::uuid[])`, [
      ownerId,
      [...new Set(ids)],
    ]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async insert(personId: string, columns: WorkHistoryColumns): Promise<string> {
    const [row] = await this.uow.tx.query<{ id: string }[]>(
      `INSERT INTO work_histories (person_id, unit_id, unit_name, county_id, start_date, end_date, contract_start, contract_end,
                                   contract_open_ended, contract_attachment_id, proof_attachment_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [personId, ...columnValues(columns)],);
    return row.id;
  }

  async update(id: string, columns: WorkHistoryColumns): Promise<void> {
    await this.uow.tx.query(
      `UPDATE work_histories SET unit_id = $2, unit_name = $3, county_id = $4, start_date = $5, end_date = $6, contract_start = $7,
              contract_end = $8, contract_open_ended = $9, contract_attachment_id = $10, proof_attachment_id = $11, updated_at = now()
        WHERE id = $1`,
      [id, ...columnValues(columns)],
    );
  }

  async delete(id: string): Promise<void> {
    await this.uow.tx.query(`DELETE FROM work_histories WHERE id = $1`, [id]);
  }

  /** Whether an entry names the file as its contract or proof (it must then not be deleted). */
  async isAttachmentInUse(attachmentId: string): Promise<boolean> {
    const rows = await this.uow.tx.query<unknown[]>(
      `SELECT 1 FROM work_histories WHERE contract_attachment_id = $1 OR proof_attachment_id = $1 LIMIT 1`,
      [attachmentId],);
    return rows.length > 0;
  }
}

function columnValues(c: WorkHistoryColumns): unknown[] {
  return [c.unitId, c.unitName, c.countyId, c.startDate, c.endDate, c.contractStart, c.contractEnd, c.contractOpenEnded, c.contractAttachmentId, c.proofAttachmentId];
}
