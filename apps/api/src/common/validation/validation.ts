import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@butie/contracts';
import { AppError } from '../errors/app-error.js';

/** Nest's own (English) messages, in the language of every other detail. */
const NEST_MESSAGES: Record<string, string> = {
  isObject: '请求内容须为 JSON 对象',
};

/** Flattens class-validator's tree into field-keyed messages (`address.city`) that a form can show. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, message: constraint === 'whitelistValidation' ? `不允许的字段：${field}` : (NEST_MESSAGES[constraint] ?? message) });
    }
    if (error.children && error.children.length > 0) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

// Nest's pipe silently deletes these keys at any depth (a prototype-pollution guard). A field that
// vanishes hides a client's mistake (or probe) and lets the rest of the request through, so they
// are refused like every other unknown field.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where `value` holds a prototype key, as field paths (`address.constructor`). */
export function prototypeKeyFields(value: unknown): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  // An explicit stack: a deeply nested body must not overflow the call stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current) || seen.has(current)) continue;
    seen.add(current);
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) found.push(field);
      else stack.push({ value: (current as Record<string, unknown>)[key], path: field });
    }
  }
  return found;
}

class StrictValidationPipe extends ValidationPipe {
  protected override stripProtoKeys(value: unknown): void {
    const fields = prototypeKeyFields(value);
    if (fields.length > 0) {
      const errors = fields.map((field) => ({ field, message: `不允许的字段：${field}` }));
      throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), { fields: errors });
    }
    super.stripProtoKeys(value);
  }
}

/** Whitelist, refuse unknown fields (nested too), transform into the DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldErrors(errors);
      const summary = fields.map((f) => f.message).join('；');
      return new AppError('VALIDATION_FAILED', summary || '请求内容不符合要求', { fields });
    },
  });
}
