import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { CreateCountyDto, RegionDto } from './regions.dto.js';
import { RegionsService } from './regions.service.js';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @RequirePermission('region.read')
  @ApiOperation({ summary: '市与区县（含各区县的虚拟单位）' })
  @ApiOkResponse({ type: [RegionDto] })
  list(): Promise<RegionDto[]> {
    return this.regions.list();
  }

  @Post('counties')
  @RequirePermission('region.manage')
  @ApiProblems('REGION_CODE_TAKEN', 'REGION_NAME_TAKEN')
  @ApiOperation({ summary: '新建区县，同时创建该区县的虚拟单位' })
  @ApiCreatedResponse({ type: RegionDto })
  createCounty(@CurrentUser() user: AuthUser, @Body() dto: CreateCountyDto, @Client() client: ClientInfo): Promise<RegionDto> {
    return this.regions.createCounty(user, dto, client);
  }
}
