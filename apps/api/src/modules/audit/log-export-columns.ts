import {
  describeUserAgent,
  LOGIN_EVENT_KIND_LABELS,
  LOGIN_METHOD_LABELS,
  loginFailureLabel,
  OPERATION_ACTIONS,
  ROLE_LABELS,
  type OperationAction,
} from '@butie/contracts';
import type { LoginEventRow, OperationLogRow } from './audit-logs.repository.js';
import type { LoginEventFilter, OperationLogFilter } from './audit.dto.js';
import type { XlsxColumn } from './xlsx-export.js';

const text = (value: string | null) => value ?? '';

/** The auditor's Excel files: Chinese headers, words rather than codes, the raw header kept last. */
export const LOGIN_EVENT_COLUMNS: XlsxColumn<LoginEventRow>[] = [
  { header: '时间', width: 20, value: (row) => row.at },
  { header: '账号', width: 18, value: (row) => text(row.username) },
  { header: '姓名', width: 12, value: (row) => text(row.fullName) },
  { header: '角色', width: 14, value: (row) => (row.role ? ROLE_LABELS[row.role] : '') },
  { header: '结果', width: 8, value: (row) => (row.success ? '成功' : '失败') },
  { header: '失败原因', width: 20, value: (row) => loginFailureLabel(row.reason) },
  { header: '类型', width: 14, value: (row) => LOGIN_EVENT_KIND_LABELS[row.kind] ?? row.kind },
  { header: '方式', width: 12, value: (row) => (row.method ? LOGIN_METHOD_LABELS[row.method] : '') },
  { header: 'IP 地址', width: 16, value: (row) => text(row.ip) },
  { header: '浏览器', width: 22, value: (row) => describeUserAgent(row.userAgent)?.client ?? '' },
  { header: '操作系统', width: 16, value: (row) => describeUserAgent(row.userAgent)?.system ?? '' },
  { header: '浏览器标识（原文）', width: 60, value: (row) => text(row.userAgent) },
];

export const OPERATION_LOG_COLUMNS: XlsxColumn<OperationLogRow>[] = [
  { header: '时间', width: 20, value: (row) => row.at },
  { header: '操作人', width: 18, value: (row) => text(row.actorUsername) },
  { header: '角色', width: 14, value: (row) => (row.actorRole ? ROLE_LABELS[row.actorRole] : '') },
  { header: '操作', width: 16, value: (row) => OPERATION_ACTIONS[row.action as OperationAction] ?? row.action },
  { header: '内容', width: 60, value: (row) => row.summary },
  { header: 'IP 地址', width: 16, value: (row) => text(row.ip) },
  { header: '请求编号', width: 26, value: (row) => text(row.requestId) },
];

function dateText(filter: { from?: string; to?: string }): string | null {
  if (!filter.from && !filter.to) return null;
  return `日期 ${filter.from ?? '不限'} 至 ${filter.to ?? '不限'}`;
}

/** The filters in words, for the 导出说明 sheet. */
export function loginEventFilterText(filter: LoginEventFilter): string {
  const parts = [
    filter.username ? `账号 ${filter.username}` : null,
    filter.success === undefined ? null : `结果 ${filter.success ? '成功' : '失败'}`,
    filter.kind ? `类型 ${LOGIN_EVENT_KIND_LABELS[filter.kind]}` : null,
    dateText(filter),
  ];
  return parts.filter(Boolean).join('；') || '不限';
}

export function operationFilterText(filter: OperationLogFilter): string {
  const parts = [
    filter.actor ? `操作人 ${filter.actor}` : null,
    filter.action ? `操作 ${OPERATION_ACTIONS[filter.action as OperationAction] ?? filter.action}` : null,
    dateText(filter),
  ];
  return parts.filter(Boolean).join('；') || '不限';
}
