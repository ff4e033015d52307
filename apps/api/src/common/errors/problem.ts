import type { ErrorCode, FieldError, Problem } from '@butie/contracts';
import { errorInfo } from './error-table.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemDocument(
  code: ErrorCode,
  detail: string,
  extras: { instance?: string; requestId?: string; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
): Problem {
  const { status, title } = errorInfo(code);
  const problem: Problem = {
    type: `https://butietong.example.gov.cn/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code,
    detail,
  };
  if (extras.instance) problem.instance = extras.instance;
  if (extras.requestId) problem.requestId = extras.requestId;
  if (extras.errors && extras.errors.length > 0) problem.errors = extras.errors;
  return { ...extras.extensions, ...problem };
}
