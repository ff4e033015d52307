import type { FormInstance } from 'antd';
import type { FieldError } from '@butie/contracts';
import { ApiError } from './api-client';
import { hasNamePath, toNamePath } from './name-path';

/**
 * Puts the API's field errors (problem+json `errors: [{field, message}]`) next to their fields,
 * nested ones included: `members[1].name` or `members.1.name` lands on the field named
 * `['members', 1, 'name']` of a Form.List. Returns true when at least one field took a message, so
 * the caller only shows a general message for the rest. `fieldOf` maps an API field to the form's
 * where they differ (e.g. `from` and `to` both to one date-range field; dotted for nested names).
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldOf: Record<string, string> = {}): boolean {
  return error instanceof ApiError && placeFieldErrors(form, error.fields, fieldOf);
}

/**
 * The same for errors a shared rule of `@butie/contracts` found before anything was sent, so that
 * the form shows them exactly where the API would.
 */
export function placeFieldErrors(form: FormInstance, fields: readonly FieldError[], fieldOf: Record<string, string> = {}): boolean {
  if (fields.length === 0) return false;
  clearFieldErrors(form);
  // Every registered field, also those still empty (getFieldsValue(true) leaves those out).
  const registered: unknown = form.getFieldsValue();
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const { field, message } of fields) {
    const name = toNamePath(fieldOf[field] ?? field);
    if (name.length === 0 || !hasNamePath(registered, name)) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}

/**
 * Takes away the messages the last refusal placed: a field fixed since must not keep an error about
 * its old value (antd leaves set errors until the field itself changes).
 */
export function clearFieldErrors(form: FormInstance): void {
  form.setFields(form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => ({ name: field.name, errors: [] })));
}

/** Field errors the form has no field for, as lines for the general message. */
export function unplacedFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const registered: unknown = form.getFieldsValue();
  return error.fields.filter(({ field }) => !hasNamePath(registered, toNamePath(field))).map(({ message }) => message);
}

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.detail : '操作失败，请稍后重试';
}
