import { Injectable } from '@nestjs/common';
import { APPLICANT_STEPS, can, DASHBOARD_QUEUES, type ApplicantProgressView, type DashboardQueueKey, type DashboardView } from '@butie/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { PersonsService } from '../accounts/persons/persons.service.js';
import { UnitRegistrationsService } from '../units/unit-registrations.service.js';
import { WorkHistoryService } from '../work-history/work-history.service.js';

type Summary = { count: number; oldest: Date | null };

/**
 * 首页's to-do board: each queue the user's permissions open, counted in their data scope by the
 * module that owns the queue. A module with a new queue adds one line to `sources`.
 */
@Injectable()
export class DashboardService {
  private readonly sources: Record<DashboardQueueKey, (user: AuthUser) => Promise<Summary>>;

  constructor(
    units: UnitRegistrationsService,
    persons: PersonsService,
    private readonly workHistories: WorkHistoryService,
  ) {
    this.sources = {
      'unit-registrations': (user) => units.pendingReview(user),
      'person-registrations': (user) => persons.pendingReview(user),
    };
  }

  async forUser(user: AuthUser): Promise<DashboardView> {
    const queues = DASHBOARD_QUEUES.filter((queue) => can(user, queue.permission));
    const [summaries, progress] = await Promise.all([Promise.all(queues.map((queue) => this.sources[queue.key](user))), this.progressOf(user)]);
    return {
      progress,
      queues: queues.map((queue, index) => ({
        key: queue.key,
        label: queue.label,
        count: summaries[index].count,
        oldestSince: summaries[index].oldest?.toISOString() ?? null,
      })),
    };
  }

  /** An approved applicant's steps: registered (they would not hold profile.self otherwise), work history kept. */
  private async progressOf(user: AuthUser): Promise<ApplicantProgressView | null> {
    if (!can(user, 'profile.self')) return null;
    const done = { registration: true, 'work-history': (await this.workHistories.countOwn(user)) > 0 };
    const steps = APPLICANT_STEPS.map((step) => ({ key: step.key, label: step.label, done: done[step.key] }));
    return { steps, next: steps.find((step) => !step.done)?.key ?? null };
  }
}
