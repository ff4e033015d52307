import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PolicyHistoryPage, PolicyVersionView } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { positiveIntPipe } from '../../common/validation/uuid.pipe.js';
import { ChangeParametersDto, ChangeStandardsDto, PolicyHistoryPageDto, PolicyHistoryQueryDto, PolicyVersionDto } from './policy.dto.js';
import { PolicyService } from './policy.service.js';

const CHANGE_RULES =
  '保存为新的版本（版本号加 1），已提交的申报仍按其提交时的版本计算。baseVersion 为修改所依据的版本：期间他人已保存新版本则 409 POLICY_VERSION_CHANGED（currentVersion）。' +
  '校验：每个学历的标准期间不重叠、无空档、最后一段长期有效，金额为正整数分；年月 YYYY-MM；合同年限 1–10、最多月数 1–120、公示 1–30 个工作日、市级比例 0–100；' +
  '不符合或与当前版本相同时 422 POLICY_INVALID（errors[].field 指明字段）。每次修改记入变更记录与操作日志。';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get()
  @RequirePermission('policy.read')
  @ApiOperation({ summary: '当前政策参数', description: '补贴标准（按学历、有效期）、最早缴费年月要求、劳动合同年限、最多补贴月数、市县承担比例、公示工作日数' })
  @ApiOkResponse({ type: PolicyVersionDto })
  current(): Promise<PolicyVersionView> {
    return this.policy.showCurrent();
  }

  @Get('history')
  @RequirePermission('policy.read')
  @ApiOperation({ summary: '政策参数变更记录', description: '每个版本：修改人、时间、说明，以及与上一版相比的改动（原值、新值）；新版本在前' })
  @ApiOkResponse({ type: PolicyHistoryPageDto })
  history(@Query() query: PolicyHistoryQueryDto): Promise<PolicyHistoryPage> {
    return this.policy.history(query);
  }

  @Get('versions/:version')
  @RequirePermission('policy.read')
  @ApiOperation({ summary: '某一版本的政策参数', description: '申报记录所用的版本号；不存在的版本 404' })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: PolicyVersionDto })
  version(@Param('version', positiveIntPipe('政策参数版本')) version: string): Promise<PolicyVersionView> {
    return this.policy.showVersion(Number(version));
  }

  @Put('standards')
  @RequirePermission('policy.manage')
  @ApiOperation({ summary: '修改补贴标准', description: `standards 为全部学历的全部期间（整体替换）。${CHANGE_RULES}` })
  @ApiProblems('POLICY_INVALID', 'POLICY_VERSION_CHANGED')
  @ApiOkResponse({ type: PolicyVersionDto })
  changeStandards(@CurrentUser() user: AuthUser, @Body() dto: ChangeStandardsDto, @Client() client: ClientInfo): Promise<PolicyVersionView> {
    return this.policy.changeStandards(user, dto, client);
  }

  @Put('parameters')
  @RequirePermission('policy.manage')
  @ApiOperation({ summary: '修改其他政策参数', description: `最早缴费年月要求、劳动合同年限、最多补贴月数、市级承担比例、公示工作日数。${CHANGE_RULES}` })
  @ApiProblems('POLICY_INVALID', 'POLICY_VERSION_CHANGED')
  @ApiOkResponse({ type: PolicyVersionDto })
  changeParameters(@CurrentUser() user: AuthUser, @Body() dto: ChangeParametersDto, @Client() client: ClientInfo): Promise<PolicyVersionView> {
    return this.policy.changeParameters(user, dto, client);
  }
}
