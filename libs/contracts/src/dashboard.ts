import type { Permission } from './permissions.js';

/**
 * 首页 for staff is a to-do board (ux.md): each queue of work with its count and how long the oldest
 * item has waited. A queue shows for whoever holds its permission; later modules add theirs here.
 */
export const DASHBOARD_QUEUES = [
  { key: 'unit-registrations', label: '单位注册待审核', permission: 'unit.registration.review' },
  { key: 'person-registrations', label: '人员注册待审核', permission: 'person.registration.review' },
] as const satisfies readonly { key: string; label: string; permission: Permission }[];

export type DashboardQueueKey = (typeof DASHBOARD_QUEUES)[number]['key'];

/** One queue of GET /api/v1/dashboard, in the user's data scope. */
export interface DashboardQueueView {
  key: DashboardQueueKey;
  label: string;
  count: number;
  /** When the item waiting longest arrived (ISO 8601); null for an empty queue. */
  oldestSince: string | null;
}

/**
 * An applicant's 首页: the steps of their way to the subsidy that exist so far, and the one to take
 * next (ux.md). The application steps join when applications exist.
 */
export const APPLICANT_STEPS = [
  { key: 'registration', label: '注册审核通过' },
  { key: 'work-history', label: '维护工作经历' },
] as const;

export type ApplicantStepKey = (typeof APPLICANT_STEPS)[number]['key'];

export interface ApplicantProgressView {
  steps: { key: ApplicantStepKey; label: string; done: boolean }[];
  /** The first step not done yet; null when all are. */
  next: ApplicantStepKey | null;
}

export interface DashboardView {
  queues: DashboardQueueView[];
  /** For an approved applicant (profile.self); null for everyone else. */
  progress: ApplicantProgressView | null;
}
