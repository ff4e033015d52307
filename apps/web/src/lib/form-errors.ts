import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

/**
 * Puts the API's field errors next to their fields. Returns true when at least one field took a
 * message, so the caller only shows a general message for the rest.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const byField = new Map<string, string[]>();
  for (const field of error.fields) {
    if (!known.has(field.field)) continue;
    byField.set(field.field, [...(byField.get(field.field) ?? []), field.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.detail : '操作失败，请稍后重试';
}
