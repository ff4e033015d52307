import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkHistoryList, WorkHistoryView } from '@butie/contracts';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { CreateWorkHistoryDto, UpdateWorkHistoryDto, WorkHistoryDto, WorkHistoryListDto, WorkHistoryListQueryDto } from './work-history.dto.js';
import { WorkHistoryService } from './work-history.service.js';

const WHAT = '工作经历';

const ENTRY_RULES =
  '单位：从单位列表选择（unitId，所在县区取该单位的县区）或填写单位名称并选择县区（unitName + countyId）。' +
  '日期 YYYY-MM-DD：入职日期不晚于今天；离职日期为空表示目前在职，不早于入职日期、不晚于今天；劳动合同终止日期不早于起始日期；' +
  '无固定期限（contractOpenEnded）时不填终止日期。日期问题一次全部列出（400 VALIDATION_FAILED，errors[].field）。' +
  '文件须为本人上传：劳动合同为「劳动合同」类，证明材料为「证明材料」或「其他」类；仅当目前在职且为注册所在单位时，二者可为同一文件；' +
  '否则 400 WORK_HISTORY_ATTACHMENT_INVALID（errors[].field 指明哪个文件）。响应中 contractLastsThreeYears 为合同期限是否满 3 年。';

@ApiTags('work-histories')
@ApiBearerAuth()
@Controller('work-histories')
export class WorkHistoryController {
  constructor(private readonly histories: WorkHistoryService) {}

  // Two readers with different permissions (profile.self: the applicant; person.read: reviewers),
  // so the guard admits every signed-in account and the service checks which one the caller is.
  @Get()
  @RequirePermission('account.self')
  @ApiOperation({
    summary: '工作经历列表',
    description:
      '不带 personId：本人的工作经历（审核通过的个人，需要 profile.self）。带 personId：审核人员（person.read）查看其数据范围内人员的工作经历' +
      '（单位查看本单位注册人员，县区人员查看本县区）；范围外的人员 404。按入职日期倒序。',
  })
  @ApiProblems('NOT_FOUND')
  @ApiOkResponse({ type: WorkHistoryListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: WorkHistoryListQueryDto): Promise<WorkHistoryList> {
    return this.histories.list(user, query.personId);
  }

  @Post()
  @RequirePermission('profile.self')
  @ApiOperation({ summary: '新增工作经历', description: ENTRY_RULES })
  @ApiProblems('WORK_HISTORY_ATTACHMENT_INVALID', 'WORK_HISTORY_LIMIT_REACHED')
  @ApiCreatedResponse({ type: WorkHistoryDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWorkHistoryDto, @Client() client: ClientInfo): Promise<WorkHistoryView> {
    return this.histories.create(user, dto, client);
  }

  @Patch(':id')
  @RequirePermission('profile.self')
  @ApiOperation({
    summary: '修改本人的工作经历',
    description:
      `只改给出的字段，修改后整条记录按新增的规则重新检查。给出 unitId 改为所选单位；unitId 为 null 并给出 unitName/countyId 改为填写的单位。` +
      `contractOpenEnded: true 清除终止日期；只给出终止日期即为固定期限。文件字段为 null 表示移除。他人的工作经历 404。${ENTRY_RULES}`,
  })
  @ApiProblems('WORK_HISTORY_ATTACHMENT_INVALID')
  @ApiOkResponse({ type: WorkHistoryDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe(WHAT)) id: string,
    @Body() dto: UpdateWorkHistoryDto,
    @Client() client: ClientInfo,
  ): Promise<WorkHistoryView> {
    return this.histories.update(user, id, dto, client);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('profile.self')
  @ApiOperation({ summary: '删除本人的工作经历', description: '已上传的文件保留在个人材料中。他人的工作经历 404。' })
  @ApiNoContentResponse({ description: '已删除' })
  remove(@CurrentUser() user: AuthUser, @Param('id', uuidPipe(WHAT)) id: string, @Client() client: ClientInfo): Promise<void> {
    return this.histories.remove(user, id, client);
  }
}
