import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { violatedUniqueIndex } from '../../database/database-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitsService } from '../units/units.service.js';
import { mapRegion, type CreateCountyDto, type RegionDto, type RegionRow } from './regions.dto.js';
import { Region } from './region.entity.js';

const REGION_SELECT = `
  SELECT r.id, r.code, r.name, r.level, r.parent_id, vu.id AS virtual_unit_id, vu.name AS virtual_unit_name
    FROM regions r LEFT JOIN units vu ON vu.county_id = r.id AND vu.is_virtual`;

/** The city and its counties (domain §2). Regions are public knowledge, so every staff role may list them. */
@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RegionDto[]> {
    const rows = (await this.db.query(`${REGION_SELECT} ORDER BY r.level = 'COUNTY', r.code`)) as RegionRow[];
    return rows.map(mapRegion);
  }

  async findById(id: string): Promise<Region | null> {
    return this.db.getRepository(Region).findOneBy({ id });
  }

  async city(): Promise<Region> {
    const city = await this.db.getRepository(Region).findOneBy({ level: 'CITY' });
    if (!city) throw new AppError('INTERNAL', '系统尚未设置所属城市');
    return city;
  }

  /** A county and its virtual unit are created together, or neither is. */
  async createCounty(actor: AuthUser, dto: CreateCountyDto, client: ClientInfo): Promise<RegionDto> {
    const city = await this.city();
    let id: string;
    try {
      id = await this.db.transaction(async (manager) => {
        const county = await this.insertCounty(manager, city.id, dto);
        await this.audit.recordOperation(
          actor,
          client,
          { action: 'COUNTY_CREATE', targetType: 'REGION', targetId: county.id, summary: `新建区县 ${dto.name}（${dto.code}）及其虚拟单位` },
          manager,
        );
        return county.id;
      });
    } catch (error) {
      // A concurrent request took the code or name between our check and our insert.
      const index = violatedUniqueIndex(error);
      if (index === 'regions_code_key') throw codeTaken(dto.code);
      if (index === 'regions_county_name_key') throw nameTaken(dto.name);
      throw error;
    }
    const [row] = (await this.db.query(`${REGION_SELECT} WHERE r.id = $1`, [id])) as RegionRow[];
    return mapRegion(row);
  }

  /** Also used by the demo seed. */
  async insertCounty(manager: EntityManager, cityId: string, dto: { code: string; name: string }): Promise<Region> {
    const taken = (await manager.query(`SELECT lower(code) = lower($1) AS same_code FROM regions WHERE lower(code) = lower($1) OR (parent_id = $2 AND name = $3)`, [
      dto.code,
      cityId,
      dto.name,
    ])) as { same_code: boolean }[];
    if (taken.some((row) => row.same_code)) throw codeTaken(dto.code);
    if (taken.length > 0) throw nameTaken(dto.name);
    const repository = manager.getRepository(Region);
    const county = await repository.save(repository.create({ code: dto.code, name: dto.name, level: 'COUNTY', parentId: cityId }));
    await this.units.createVirtualUnit(manager, county);
    return county;
  }
}

function codeTaken(code: string): AppError {
  return new AppError('REGION_CODE_TAKEN', `区县代码 ${code} 已被使用`, { fields: [{ field: 'code', message: '该代码已被使用' }] });
}

function nameTaken(name: string): AppError {
  return new AppError('REGION_NAME_TAKEN', `区县 ${name} 已存在`, { fields: [{ field: 'name', message: '该区县已存在' }] });
}
