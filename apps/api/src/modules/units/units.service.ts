import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { assertInScope, dataScopeOf, restrictToScope } from '../../common/access/data-scope.js';
import { mapUnit, type UnitDto, type UnitListQuery, type UnitPage, type UnitRow } from './units.dto.js';
import { Unit } from './unit.entity.js';

// How units relate to the data scope: a unit row is in its county and is its own unit.
const UNIT_SCOPE = { county: 'u.county_id', unit: 'u.id' };

@Injectable()
export class UnitsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every county gets exactly one virtual unit, created with it and already approved (domain §2). */
  async createVirtualUnit(manager: EntityManager, county: { id: string; name: string }): Promise<Unit> {
    const repository = manager.getRepository(Unit);
    return repository.save(
      repository.create({ name: `${county.name}虚拟单位`, countyId: county.id, isVirtual: true, status: 'APPROVED', creditCode: null }),
    );
  }

  async list(user: AuthUser, query: UnitListQuery): Promise<UnitPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.db
      .createQueryBuilder()
      .from('units', 'u')
      .innerJoin('regions', 'r', 'r.id = u.county_id');
    restrictToScope(qb, dataScopeOf(user), UNIT_SCOPE);
    if (query.countyId) qb.andWhere('u.county_id = :countyId', { countyId: query.countyId });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.keyword) qb.andWhere(`u.name ILIKE :keyword`, { keyword: `%${query.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const total = await qb.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await qb
      .select(['u.id AS id', 'u.name AS name', 'u.is_virtual AS is_virtual', 'u.county_id AS county_id', 'r.name AS county_name', 'u.status AS status'])
      .orderBy('r.code')
      .addOrderBy('u.is_virtual', 'DESC')
      .addOrderBy('u.name')
      .addOrderBy('u.id')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<UnitRow>();
    return { items: rows.map(mapUnit), total: total?.total ?? 0, page, pageSize };
  }

  async get(user: AuthUser, id: string): Promise<UnitDto> {
    const row = await this.db
      .createQueryBuilder()
      .from('units', 'u')
      .innerJoin('regions', 'r', 'r.id = u.county_id')
      .select(['u.id AS id', 'u.name AS name', 'u.is_virtual AS is_virtual', 'u.county_id AS county_id', 'r.name AS county_name', 'u.status AS status'])
      .where('u.id = :id', { id })
      .getRawOne<UnitRow>();
    assertInScope(dataScopeOf(user), row ? { countyId: row.county_id, unitId: row.id } : null, '单位');
    return mapUnit(row!);
  }
}
