import { Injectable } from '@nestjs/common';
import type { RegionLevel } from '@butie/contracts';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { RegionRow } from './regions.dto.js';

/** A region as the other modules need it: which county or city an account or a unit belongs to. */
export interface Region {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

const REGION_COLUMNS = `id, code, name, level, parent_id AS "parentId"`;

const REGION_WITH_VIRTUAL_UNIT = `
  SELECT r.id, r.code, r.name, r.level, r.parent_id, vu.id AS virtual_unit_id, vu.name AS virtual_unit_name
    FROM regions r LEFT JOIN units vu ON vu.county_id = r.id AND vu.is_virtual`;

/** Named queries over the city and its counties. */
@Injectable()
export class RegionsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The city first, then the counties by code, each with its virtual unit. */
  async listWithVirtualUnits(): Promise<RegionRow[]> {
    return await this.uow.tx.query<RegionRow[]>(`${REGION_WITH_VIRTUAL_UNIT} ORDER BY r.level = 'COUNTY', r.code`);
  }

  async findWithVirtualUnit(id: string): Promise<RegionRow | null> {
    const [row] = await this.uow.tx.query<RegionRow[]>(`${REGION_WITH_VIRTUAL_UNIT} WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async findById(id: string): Promise<Region | null> {
    const [row] = await this.uow.tx.query<Region[]>(`SELECT ${REGION_COLUMNS} FROM regions WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findCity(): Promise<Region | null> {
    const [row] = await this.uow.tx.query<Region[]>(`SELECT ${REGION_COLUMNS} FROM regions WHERE level = 'CITY'`);
    return row ?? null;
  }

  /** Which of a new county's code (any letter case, any region) and name (among the city's counties) are taken. */
  async findClashes(cityId: string, code: string, name: string): Promise<{ codeTaken: boolean; nameTaken: boolean }> {
    const rows = await this.uow.tx.query<{ same_code: boolean }[]>(
      `SELECT lower(code) = lower($1) AS same_code FROM regions WHERE lower(code) = lower($1) OR (parent_id = $2 AND name = $3)`,
      [code, cityId, name],);
    return { codeTaken: rows.some((row) => row.same_code), nameTaken: rows.length > 0 };
  }

  async insertCity(code: string, name: string): Promise<Region> {
    const [row] = await this.uow.tx.query<Region[]>(`INSERT INTO regions (code, name, level) VALUES ($1, $2, 'CITY') RETURNING ${REGION_COLUMNS}`, [code, name]);
    return row;
  }

  async insertCounty(cityId: string, code: string, name: string): Promise<Region> {
    const [row] = await this.uow.tx.query<Region[]>(
      `INSERT INTO regions (code, name, level, parent_id) VALUES ($1, $2, 'COUNTY', $3) RETURNING ${REGION_COLUMNS}`,
      [code, name, cityId],);
    return row;
  }
}
