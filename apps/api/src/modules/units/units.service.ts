import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { notFound } from '../../common/errors/app-error.js';
import { DEFAULT_PAGE_SIZE } from '../../common/paging/keyset.js';
import { mapPickerItem, mapUnit, type CountyOptionDto, type UnitDto, type UnitListQueryDto, type UnitPageDto, type UnitPickerPageDto, type UnitPickerQueryDto } from './units.dto.js';
import { UnitsRepository } from './units.repository.js';

/** Units as the other modules and the public see them: the list by scope, one unit, the picker, the virtual units. */
@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  /**
   * Every county gets exactly one virtual unit, created with it and already approved (domain §2).
   * Written in the caller's unit of work; the manager argument is kept for the regions module's
   * present call and is not used (the open transaction comes from the unit of work).
   */
  async createVirtualUnit(_manager: unknown, county: { id: string; name: string }): Promise<{ id: string }> {
    return { id: await this.units.insertVirtualUnit(county) };
  }

  async list(user: AuthUser, query: UnitListQueryDto): Promise<UnitPageDto> {
    const page = await this.units.findListPage(user, {
      countyId: query.countyId,
      status: query.status,
      keyword: query.keyword || undefined,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    return { items: page.items.map(mapUnit), nextCursor: page.nextCursor };
  }

  async get(user: AuthUser, id: string): Promise<UnitDto> {
    const row = await this.units.findVisibleUnit(user, id);
    if (!row) throw notFound('单位');
    return mapUnit(row);
  }

  async picker(query: UnitPickerQueryDto): Promise<UnitPickerPageDto> {
    const page = await this.units.findPickerPage({
      keyword: query.keyword || undefined,
      countyId: query.countyId,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    return { items: page.items.map(mapPickerItem), nextCursor: page.nextCursor };
  }

  async counties(): Promise<CountyOptionDto[]> {
    return this.units.findCounties();
  }
}
