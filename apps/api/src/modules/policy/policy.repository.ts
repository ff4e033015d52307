import { Injectable } from '@nestjs/common';
import type { SubsidyPolicy } from '@butie/contracts';
import { keysetSelect, type KeysetOrder, type KeysetPage } from '../../common/paging/keyset.js';
import { fetchKeysetPage } from '../../common/paging/keyset-page.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

export interface PolicyVersionRow {
  version: number;
  params: SubsidyPolicy;
  note: string;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Date;
}

/** A version with the one before it (null for version 1), for the history's differences. */
export interface PolicyHistoryRow extends PolicyVersionRow {
  previous_params: SubsidyPolicy | null;
  keyset_sort: string;
  keyset_id: string;
}

/** Newest first; the primary key serves it. */
export const POLICY_HISTORY_ORDER: KeysetOrder = { sort: 'v.version', sortKind: 'bigint', id: 'v.version', idKind: 'bigint', direction: 'DESC' };

const VERSION_COLUMNS = `v.version, v.params, v.note, v.changed_by, u.full_name AS changed_by_name, v.changed_at`;
const FROM_VERSIONS = `FROM policy_versions v LEFT JOIN users u ON u.id = v.changed_by`;

/** Named queries over the policy versions (append-only: they are added and read, never changed). */
@Injectable()
export class PolicyRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async findCurrent(): Promise<PolicyVersionRow> {
    const [row] = await this.uow.tx.query<PolicyVersionRow[]>(`SELECT ${VERSION_COLUMNS} ${FROM_VERSIONS} ORDER BY v.version DESC LIMIT 1`);
    return row;
  }

  async findVersion(version: number): Promise<PolicyVersionRow | null> {
    const [row] = await this.uow.tx.query<PolicyVersionRow[]>(`SELECT ${VERSION_COLUMNS} ${FROM_VERSIONS} WHERE v.version = $1`, [version]);
    return row ?? null;
  }

  /** The next version; a concurrent change that took the number first fails on the primary key. */
  async insertVersion(version: number, params: SubsidyPolicy, note: string, changedBy: string): Promise<void> {
    await this.uow.tx.query(`INSERT INTO policy_versions (version, params, note, changed_by) VALUES ($1, $2, $3, $4)`, [
      version,
      JSON.stringify(params),
      note,
      changedBy,
    ]);
  }

  /** 政策参数变更记录: newest first, each version with the one before it. */
  async findHistoryPage(cursor: string | undefined, limit: number): Promise<KeysetPage<PolicyHistoryRow>> {
    const qb = this.uow.tx
      .createQueryBuilder()
      .select([...VERSION_COLUMNS.split(', '), 'p.params AS previous_params', ...keysetSelect(POLICY_HISTORY_ORDER)])
      .from('policy_versions', 'v')
      .leftJoin('users', 'u', 'u.id = v.changed_by')
      .leftJoin('policy_versions', 'p', 'p.version = v.version - 1');
    return fetchKeysetPage<PolicyHistoryRow>(qb, POLICY_HISTORY_ORDER, cursor, limit);
  }
}
