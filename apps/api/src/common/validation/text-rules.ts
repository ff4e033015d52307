/**
 * Characters no request may carry in any string, key or value: C0 controls other than tab, line
 * feed and carriage return (NUL above all: PostgreSQL cannot store it), DEL, and the invisible
 * ones that make a name look blank or read backwards (zero-width space, direction marks and
 * overrides, word joiner, BOM). The zero-width joiners (U+200C, U+200D) stay: emoji and some
 * scripts need them.
 */
const NEVER_ALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Tab and line breaks: allowed only in a field declared multi-line (see @MultiLine()). */
export const LINE_BREAKS_OR_TABS = /[\t\n\r]/;

/** Whether a string can be stored and shown as it is: no forbidden control, no lone surrogate. */
export function isAcceptableText(text: string): boolean {
  return !NEVER_ALLOWED.test(text) && text.isWellFormed();
}

/** The field paths (`a.b[2]`, or `a` for a bad key) under `value` holding unacceptable text. */
export function unacceptableTextFields(value: unknown, root = ''): string[] {
  const found: string[] = [];
  // An explicit stack: the body's depth is bounded already, but a query or params object is not ours.
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isAcceptableText(current)) found.push(path || '(请求内容)');
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const field = path ? `${path}.${key}` : key;
        if (!isAcceptableText(key)) found.push(path || '(字段名)');
        else stack.push({ value: item, path: field });
      }
    }
  }
  return found.reverse();
}
