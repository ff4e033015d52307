import { ApiProperty } from '@nestjs/swagger';
import {
  APPLICANT_STEPS,
  DASHBOARD_QUEUES,
  type ApplicantProgressView,
  type ApplicantStepKey,
  type DashboardQueueKey,
  type DashboardQueueView,
  type DashboardView,
} from '@butie/contracts';

export class DashboardQueueDto implements DashboardQueueView {
  @ApiProperty({ enum: DASHBOARD_QUEUES.map((queue) => queue.key) }) key: DashboardQueueKey;
  @ApiProperty({ example: '人员注册待审核' }) label: string;
  @ApiProperty({ description: '数据范围内等待处理的件数' }) count: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '等待最久的一件提交的时间；没有待办时为 null' }) oldestSince: string | null;
}

class ApplicantStepDto {
  @ApiProperty({ enum: APPLICANT_STEPS.map((step) => step.key) }) key: ApplicantStepKey;
  @ApiProperty({ example: '维护工作经历' }) label: string;
  @ApiProperty() done: boolean;
}

class ApplicantProgressDto implements ApplicantProgressView {
  @ApiProperty({ type: ApplicantStepDto, isArray: true }) steps: ApplicantStepDto[];
  @ApiProperty({ enum: APPLICANT_STEPS.map((step) => step.key), nullable: true, type: String, description: '下一步要做的事；全部完成时为 null' })
  next: ApplicantStepKey | null;
}

export class DashboardDto implements DashboardView {
  @ApiProperty({ type: DashboardQueueDto, isArray: true, description: '当前账号有权处理的待办队列（按权限；无权处理的队列不出现）' })
  queues: DashboardQueueDto[];

  @ApiProperty({ type: ApplicantProgressDto, nullable: true, description: '审核通过的个人的办理进度；其他账号为 null' })
  progress: ApplicantProgressDto | null;
}
