import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { LimitPerClient } from '../../common/rate-limit/client-rate-limit.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { CountyOptionDto, UnitDto, UnitListQueryDto, UnitPageDto, UnitPickerPageDto, UnitPickerQueryDto } from './units.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiBearerAuth()
  @RequirePermission('unit.read')
  @ApiOperation({
    summary: '单位列表（按数据范围：全市 / 本区县 / 本单位）',
    description: '按创建时间倒序，游标分页（cursor 取上一页的 nextCursor，每页至多 100 条）；篡改的 cursor 返回 400。',
  })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: UnitPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: UnitListQueryDto): Promise<UnitPageDto> {
    return this.units.list(user, query);
  }

  @Public()
  @LimitPerClient()
  @Get('picker')
  @ApiOperation({
    summary: '选择单位（公开，无需登录）',
    description:
      '仅审核通过的单位（不含区县虚拟单位），按单位名称排序，游标分页；keyword 匹配单位名称（包含）或统一社会信用代码（开头）。' +
      '只返回编号、名称、统一社会信用代码与区县，不含联系电话、地址与账号信息。按客户端地址限流。',
  })
  @ApiOkResponse({ type: UnitPickerPageDto })
  picker(@Query() query: UnitPickerQueryDto): Promise<UnitPickerPageDto> {
    return this.units.picker(query);
  }

  @Public()
  @LimitPerClient()
  @Get('counties')
  @ApiOperation({ summary: '可注册的区县（公开，无需登录）', description: '单位注册表单的「所在区县」选项，按区县代码排序。' })
  @ApiOkResponse({ type: CountyOptionDto, isArray: true })
  counties(): Promise<CountyOptionDto[]> {
    return this.units.counties();
  }

  @Get(':id')
  @ApiBearerAuth()
  @RequirePermission('unit.read')
  @ApiOperation({ summary: '单位详情；范围外的单位与不存在的单位一样返回 404' })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe('单位')) id: string): Promise<UnitDto> {
    return this.units.get(user, id);
  }
}
