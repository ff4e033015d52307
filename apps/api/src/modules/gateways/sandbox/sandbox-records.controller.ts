import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SandboxDegreeView, SandboxPage, SandboxSocialSecurityView } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.js';
import {
  CertificateNumberParams,
  IdNumberParams,
  SandboxDegreeDto,
  SandboxDegreePageDto,
  SandboxDegreeViewDto,
  SandboxListQuery,
  SandboxSocialSecurityDto,
  SandboxSocialSecurityPageDto,
  SandboxSocialSecurityViewDto,
} from './sandbox-records.dto.js';
import { SandboxRecordsService } from './sandbox-records.service.js';

/** `If-None-Match: *` makes a PUT create only (RFC 9110 §13.1.2): 新增 never overwrites a record. */
const CREATE_ONLY = ApiHeader({ name: 'If-None-Match', required: false, description: '为 * 时只新增：已有同号记录则 412 PRECONDITION_FAILED，不覆盖' });
const createOnly = (header: string | undefined) => header?.trim() === '*';

const ONLY_IN_SANDBOX = '仅在沙箱社保接口开启时存在（SOCIAL_SECURITY_PROVIDER=sandbox）；接入真实社保系统后此路径不存在。';

/** 沙箱数据 · 社保: registered only while the social-security sandbox is on. */
@ApiTags('sandbox')
@ApiBearerAuth()
@Controller('sandbox/social-security')
export class SandboxSocialSecurityController {
  constructor(private readonly sandbox: SandboxRecordsService) {}

  @Get()
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '沙箱社保记录列表', description: `按证件号码排序；prefix 为证件号码开头。${ONLY_IN_SANDBOX}` })
  @ApiOkResponse({ type: SandboxSocialSecurityPageDto })
  list(@Query() query: SandboxListQuery): Promise<SandboxPage<SandboxSocialSecurityView>> {
    return this.sandbox.listSocialSecurity(query);
  }

  @Get(':idNumber')
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '沙箱社保记录', description: ONLY_IN_SANDBOX })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: SandboxSocialSecurityViewDto })
  show(@Param() params: IdNumberParams): Promise<SandboxSocialSecurityView> {
    return this.sandbox.showSocialSecurity(params.idNumber);
  }

  @Put(':idNumber')
  @RequirePermission('sandbox.manage')
  @ApiOperation({
    summary: '新增或修改沙箱社保记录',
    description: `整条替换。未参保时无参保状态、缴费期间和最早缴费年月；参保时须有状态和最早缴费年月，缴费期间不早于最早缴费年月。unavailable=true 时查询此人如同社保系统故障（503）。记入操作日志。${ONLY_IN_SANDBOX}`,
  })
  @CREATE_ONLY
  @ApiProblems('VALIDATION_FAILED', 'PRECONDITION_FAILED')
  @ApiOkResponse({ type: SandboxSocialSecurityViewDto })
  put(
    @CurrentUser() user: AuthUser,
    @Param() params: IdNumberParams,
    @Body() dto: SandboxSocialSecurityDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Client() client: ClientInfo,
  ): Promise<SandboxSocialSecurityView> {
    return this.sandbox.putSocialSecurity(user, params.idNumber, dto, client, createOnly(ifNoneMatch));
  }

  @Delete(':idNumber')
  @HttpCode(204)
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '删除沙箱社保记录', description: `删除后此人在社保系统中“无参保记录”。记入操作日志。${ONLY_IN_SANDBOX}` })
  @ApiProblems('NOT_FOUND')
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param() params: IdNumberParams, @Client() client: ClientInfo): Promise<void> {
    return this.sandbox.deleteSocialSecurity(user, params.idNumber, client);
  }
}

const ONLY_IN_DEGREE_SANDBOX = '仅在沙箱学历接口开启时存在（DEGREE_PROVIDER=sandbox）；接入教育部学历查询后此路径不存在。';

/** 沙箱数据 · 学历: registered only while the degree sandbox is on. */
@ApiTags('sandbox')
@ApiBearerAuth()
@Controller('sandbox/degrees')
export class SandboxDegreesController {
  constructor(private readonly sandbox: SandboxRecordsService) {}

  @Get()
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '沙箱学历记录列表', description: `按证书编号排序；prefix 为证书编号开头。${ONLY_IN_DEGREE_SANDBOX}` })
  @ApiOkResponse({ type: SandboxDegreePageDto })
  list(@Query() query: SandboxListQuery): Promise<SandboxPage<SandboxDegreeView>> {
    return this.sandbox.listDegrees(query);
  }

  @Get(':certificateNumber')
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '沙箱学历记录', description: ONLY_IN_DEGREE_SANDBOX })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: SandboxDegreeViewDto })
  show(@Param() params: CertificateNumberParams): Promise<SandboxDegreeView> {
    return this.sandbox.showDegree(params.certificateNumber);
  }

  @Put(':certificateNumber')
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '新增或修改沙箱学历记录', description: `整条替换；unavailable=true 时查询此证书如同接口故障（503）。记入操作日志。${ONLY_IN_DEGREE_SANDBOX}` })
  @CREATE_ONLY
  @ApiProblems('VALIDATION_FAILED', 'PRECONDITION_FAILED')
  @ApiOkResponse({ type: SandboxDegreeViewDto })
  put(
    @CurrentUser() user: AuthUser,
    @Param() params: CertificateNumberParams,
    @Body() dto: SandboxDegreeDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Client() client: ClientInfo,
  ): Promise<SandboxDegreeView> {
    return this.sandbox.putDegree(user, params.certificateNumber, dto, client, createOnly(ifNoneMatch));
  }

  @Delete(':certificateNumber')
  @HttpCode(204)
  @RequirePermission('sandbox.manage')
  @ApiOperation({ summary: '删除沙箱学历记录', description: `删除后查询此证书为“查无此证”。记入操作日志。${ONLY_IN_DEGREE_SANDBOX}` })
  @ApiProblems('NOT_FOUND')
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param() params: CertificateNumberParams, @Client() client: ClientInfo): Promise<void> {
    return this.sandbox.deleteDegree(user, params.certificateNumber, client);
  }
}
