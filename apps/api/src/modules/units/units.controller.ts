import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { UnitDto, UnitListQuery, UnitPage } from './units.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermission('unit.read')
  @ApiOperation({ summary: '单位列表（按数据范围：全市 / 本区县 / 本单位）' })
  @ApiOkResponse({ type: UnitPage })
  list(@CurrentUser() user: AuthUser, @Query() query: UnitListQuery): Promise<UnitPage> {
    return this.units.list(user, query);
  }

  @Get(':id')
  @RequirePermission('unit.read')
  @ApiOperation({ summary: '单位详情；范围外的单位与不存在的单位一样返回 404' })
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('单位')) id: string): Promise<UnitDto> {
    return this.units.get(user, id);
  }
}
