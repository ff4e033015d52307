import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

/**
 * Puts the API's field errors next to their fields. Returns true when at least one field took a
 * message, so the caller only shows a general message for the rest. `fieldOf` maps an API field to
 * the form's where they differ (e.g. `from` and `to` both to one date-range field).
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldOf: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  // Every registered field, also those still empty (getFieldsValue(true) leaves those out).
  const known = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.fields) {
    const name = fieldOf[field] ?? field;
    if (!known.has(name)) continue;
    const messages = byField.get(name) ?? [];
    if (!messages.includes(message)) byField.set(name, [...messages, message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.detail : '操作失败，请稍后重试';
}
