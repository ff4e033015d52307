import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { OPINION_MAX_LENGTH, REGISTRATION_STATUSES, type RegistrationStatus } from '@butie/contracts';
import { KeysetQuery } from '../paging/keyset-query.js';
import { MultiLine } from '../validation/validation.js';
import { OptionalCalendarDay } from '../validation/calendar-day.js';

/** The body of every 退回 (and later 不予通过): the 审核意见, mandatory and bounded, line breaks allowed. */
export class OpinionDto {
  @ApiProperty({ example: '请补充学历证书电子注册备案表', maxLength: OPINION_MAX_LENGTH, description: '审核意见（必填，一次性告知全部问题）' })
  @IsDefined({ message: '请填写审核意见' })
  @IsString({ message: '请填写审核意见' })
  @MultiLine()
  @MaxLength(OPINION_MAX_LENGTH, { message: `审核意见最多 ${OPINION_MAX_LENGTH} 字` })
  opinion: string;
}

/** The body of an approval (审核通过): an opinion may be given (同意、材料齐全…), and is kept in the trail. */
export class ApprovalDto {
  @ApiPropertyOptional({ example: '材料齐全，同意', maxLength: OPINION_MAX_LENGTH, description: '审核意见（选填）' })
  @IsOptional()
  @IsString({ message: '审核意见须为文本' })
  @MultiLine()
  @MaxLength(OPINION_MAX_LENGTH, { message: `审核意见最多 ${OPINION_MAX_LENGTH} 字` })
  opinion?: string;
}

/** A registration reaches its reviewer's queue once submitted: every status but 未上报 (DRAFT). */
export type QueueStatus = Exclude<RegistrationStatus, 'DRAFT'>;
export const REGISTRATION_QUEUE_STATUSES = REGISTRATION_STATUSES.filter((status): status is QueueStatus => status !== 'DRAFT');

/**
 * What every review queue filters by besides its own fields: the days of submission, whole days in
 * BUSINESS_TIME_ZONE (Beijing time by default), on the keyset cursor. The service checks their order.
 */
export class SubmittedDaysQuery extends KeysetQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: '提交日期起（含；按业务时区 BUSINESS_TIME_ZONE 计日，默认北京时间）' })
  @OptionalCalendarDay('提交日期起')
  submittedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '提交日期止（含；不能早于起始日期）' })
  @OptionalCalendarDay('提交日期止')
  submittedTo?: string;
}
