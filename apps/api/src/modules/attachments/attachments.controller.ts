import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser, ClientInfo } from '../../common/auth/auth-user.js';
import { Client, CurrentUser, RequirePermission, SignedLink } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  AttachmentContentQuery,
  AttachmentDownloadLinkDto,
  AttachmentDownloadQuery,
  AttachmentDto,
  AttachmentListDto,
  AttachmentListQuery,
  UploadAttachmentBody,
} from './attachments.dto.js';
import { AttachmentsService } from './attachments.service.js';
import { contentHeaders } from './upload/content-headers.js';
import { AcceptsMultipart } from './upload/multipart.js';

const WHAT = '材料';

@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @AcceptsMultipart()
  @ApiBearerAuth()
  @RequirePermission('person.registration.self')
  @ApiOperation({
    summary: '上传证明材料（multipart/form-data：kind、file）',
    description:
      '本人（含尚未审核通过的注册账号）上传；注册「待审核」期间不能上传（409 MATERIALS_UNDER_REVIEW）。文件以流的方式写入存储，不整个读入内存；只接受 PDF、JPEG、PNG，按文件内容判断（与文件名、声明的类型无关），' +
      '超过单个文件上限（默认 10 MB）时中途停止并答 413；空文件 400 FILE_EMPTY。文件名只用于显示（UTF-8、NFC，去掉路径，最长 255 字符；含控制字符 400）。' +
      '每个账号有文件数与总大小限额（默认 30 个、100 MB），超出 409 ATTACHMENT_QUOTA_EXCEEDED（maxFiles、maxBytes、files、bytes）。' +
      '文件存储暂时不可用时 503 STORAGE_UNAVAILABLE（带 Retry-After）。任何拒绝都不留下记录或文件。',
  })
  @ApiBody({ type: UploadAttachmentBody })
  @ApiProblems('VALIDATION_FAILED', 'MALFORMED_REQUEST', 'FILE_EMPTY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'ATTACHMENT_QUOTA_EXCEEDED', 'MATERIALS_UNDER_REVIEW', 'STORAGE_UNAVAILABLE')
  @ApiCreatedResponse({ type: AttachmentDto })
  upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Client() client: ClientInfo): Promise<AttachmentDto> {
    return this.attachments.upload(user, request, client);
  }

  @Get()
  @ApiBearerAuth()
  @RequirePermission('person.registration.self')
  @ApiOperation({ summary: '本人的证明材料（可按类型筛选）与上传限额', description: '新上传的在前；条数不超过限额，不分页。' })
  @ApiOkResponse({ type: AttachmentListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: AttachmentListQuery): Promise<AttachmentListDto> {
    return this.attachments.listOwn(user, query.kind ?? null);
  }

  // Every signed-in account reaches the handler; the service lets through the owner
  // (person.registration.self) and reviewers holding person.read whose data scope covers the owner.
  @Get(':id/content')
  @ApiBearerAuth()
  @RequirePermission('account.self')
  @ApiOperation({
    summary: '预览或下载证明材料',
    description:
      '本人可读；注册上报（注册并上报）后，数据范围覆盖本人的审核人员（本人所在单位、该单位所在区县的人员）也可读；其他人一律 404（未上报的草稿只有本人可见）。' +
      '默认 inline（图片与 PDF 在页面内预览），' +
      '?download=1 为附件下载；Content-Disposition 带 UTF-8 文件名（filename*），X-Content-Type-Options: nosniff，类型为按内容判断的类型。',
  })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: '文件内容', schema: { type: 'string', format: 'binary' } })
  @ApiProblems('NOT_FOUND', 'STORAGE_UNAVAILABLE')
  async content(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe(WHAT)) id: string,
    @Query() query: AttachmentContentQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, object } = await this.attachments.openContent(user, id);
    await reply
      .status(200)
      .headers(contentHeaders(attachment, object.size, query.download === '1' ? 'attachment' : 'inline'))
      .send(object.stream);
  }

  // The SPA saves a file through this link rather than a fetched blob: the browser then names the
  // file from Content-Disposition (a blob's name is lost in some browsers and in WeChat's), and a
  // large file streams to disk instead of through the page's memory.
  @Post(':id/download-link')
  @ApiBearerAuth()
  @RequirePermission('account.self')
  @ApiOperation({
    summary: '证明材料的下载链接（1 分钟内有效）',
    description:
      '与预览同样的读取范围（本人；数据范围覆盖本人的审核人员），其他人 404。给出同源地址 /api/v1/attachments/{id}/download?token=…：' +
      '浏览器直接打开即以附件下载（Content-Disposition 带 UTF-8 文件名），不需要 Authorization 头。令牌只对这一份材料与当前登录有效，1 分钟后或注销后失效。',
  })
  @ApiCreatedResponse({ type: AttachmentDownloadLinkDto })
  @ApiProblems('NOT_FOUND')
  downloadLink(@CurrentUser() user: AuthUser, @Param('id', uuidPipe(WHAT)) id: string): Promise<AttachmentDownloadLinkDto> {
    return this.attachments.downloadLink(user, id);
  }

  // No per-client budget: a wrong token costs one HMAC, and a reviewer's office shares one address.
  @Get(':id/download')
  @SignedLink()
  @ApiOperation({
    summary: '按下载链接下载证明材料',
    description:
      '令牌来自「下载链接」接口；无效、过期、属于另一份材料或登录已结束时 401 LINK_INVALID。读取范围在下载时再检查一次（其间失去范围 404）。',
  })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: '文件内容（Content-Disposition: attachment）', schema: { type: 'string', format: 'binary' } })
  @ApiProblems('STORAGE_UNAVAILABLE')
  async download(@Param('id', uuidPipe(WHAT)) id: string, @Query() query: AttachmentDownloadQuery, @Res() reply: FastifyReply): Promise<void> {
    const { attachment, object } = await this.attachments.openDownload(query.token, id);
    await reply.status(200).headers(contentHeaders(attachment, object.size, 'attachment')).send(object.stream);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequirePermission('person.registration.self')
  @ApiOperation({
    summary: '删除本人的证明材料',
    description: '只有本人可删，且仅当所属记录可修改时：注册「待审核」期间、或被工作经历引用时 409 ATTACHMENT_NOT_DELETABLE。他人的材料 404。',
  })
  @ApiNoContentResponse({ description: '已删除（记录与文件）' })
  @ApiProblems('NOT_FOUND', 'ATTACHMENT_NOT_DELETABLE')
  delete(@CurrentUser() user: AuthUser, @Param('id', uuidPipe(WHAT)) id: string, @Client() client: ClientInfo): Promise<void> {
    return this.attachments.delete(user, id, client);
  }
}
