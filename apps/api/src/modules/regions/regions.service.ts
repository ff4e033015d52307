import { Injectable } from '@nestjs/common';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { violatedUniqueIndex } from '../../database/database-errors.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitsService } from '../units/units.service.js';
import { mapRegion, type CreateCountyDto, type RegionDto } from './regions.dto.js';
import { RegionsRepository, type Region } from './regions.repository.js';

export type { Region };

/** The city and its counties (domain §2). Regions are public knowledge, so every staff role may list them. */
@Injectable()
export class RegionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly regions: RegionsRepository,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RegionDto[]> {
    return (await this.regions.listWithVirtualUnits()).map(mapRegion);
  }

  async findById(id: string): Promise<Region | null> {
    return this.regions.findById(id);
  }

  async city(): Promise<Region> {
    const city = await this.regions.findCity();
    if (!city) throw new AppError('INTERNAL', '系统尚未设置所属城市');
    return city;
  }

  /** A county and its virtual unit are created together, or neither is. */
  async createCounty(actor: AuthUser, dto: CreateCountyDto, client: ClientInfo): Promise<RegionDto> {
    const city = await this.city();
    let id: string;
    try {
      id = await this.uow.run(async () => {
        const county = await this.insertCounty(city.id, dto);
        await this.audit.recordOperation(actor, client, {
          action: 'COUNTY_CREATE',
          targetType: 'REGION',
          targetId: county.id,
          summary: `新建区县 ${dto.name}（${dto.code}）及其虚拟单位`,
        });
        return county.id;
      });
    } catch (error) {
      // A concurrent request took the code or name between our check and our insert.
      const index = violatedUniqueIndex(error);
      if (index === 'regions_code_key') throw codeTaken(dto.code);
      if (index === 'regions_county_name_key') throw nameTaken(dto.name);
      throw error;
    }
    return mapRegion((await this.regions.findWithVirtualUnit(id))!);
  }

  /** A county with its virtual unit, in the caller's unit of work (or its own). Also used by the demo seed. */
  async insertCounty(cityId: string, dto: { code: string; name: string }): Promise<Region> {
    return this.uow.run(async () => {
      const clashes = await this.regions.findClashes(cityId, dto.code, dto.name);
      if (clashes.codeTaken) throw codeTaken(dto.code);
      if (clashes.nameTaken) throw nameTaken(dto.name);
      const county = await this.regions.insertCounty(cityId, dto.code, dto.name);
      // The units module still takes the manager; it is this unit of work's transaction.
      await this.units.createVirtualUnit(this.uow.tx, county);
      return county;
    });
  }
}

function codeTaken(code: string): AppError {
  return new AppError('REGION_CODE_TAKEN', `区县代码 ${code} 已被使用`, { fields: [{ field: 'code', message: '该代码已被使用' }] });
}

function nameTaken(name: string): AppError {
  return new AppError('REGION_NAME_TAKEN', `区县 ${name} 已存在`, { fields: [{ field: 'name', message: '该区县已存在' }] });
}
