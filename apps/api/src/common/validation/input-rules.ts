import type { FieldError } from '@butie/contracts';

/**
 * Characters no request may carry in any string, key or value: C0 controls other than tab, line
 * feed and carriage return (NUL above all: PostgreSQL cannot store it), DEL, and the invisible
 * ones that make a name look blank or read backwards (zero-width space, direction marks and
 * overrides, word joiner, BOM). The zero-width joiners (U+200C, U+200D) stay: emoji and some
 * scripts need them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const NEVER_ALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Tab and line breaks: allowed only in a field declared multi-line (see @MultiLine()). */
export const LINE_BREAKS_OR_TABS = /[\t\n\r]/;

/** Whether a string can be stored and shown as it is: no forbidden control, no lone surrogate. */
export function isAcceptableText(text: string): boolean {
  return !NEVER_ALLOWED.test(text) && text.isWellFormed();
}

// Nest's pipe would silently delete these keys at any depth (a prototype-pollution guard). A field
// that vanishes hides a client's mistake (or probe) and lets the rest of the request through, so
// they are refused like every other unknown field.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BAD_TEXT = '含有不允许的字符（控制字符、不可见字符或无效的 Unicode）';

/**
 * What no request may carry anywhere in its body, query or path, found in one walk: text that is
 * not acceptable (as a value, or in a key: the parent is named), and prototype keys.
 */
export function refusedInputFields(value: unknown): FieldError[] {
  const found: FieldError[] = [];
  // An explicit stack: the body's depth is bounded already, but a query or params object is not ours.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isAcceptableText(current)) found.push({ field: path || '(请求内容)', message: BAD_TEXT });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const field = path ? `${path}.${key}` : key;
        if (!isAcceptableText(key)) found.push({ field: path || '(字段名)', message: BAD_TEXT });
        else if (PROTOTYPE_KEYS.has(key)) found.push({ field, message: `不允许的字段：${field}` });
        else stack.push({ value: item, path: field });
      }
    }
  }
  return found.reverse();
}
