import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FieldError } from '@butie/contracts';
import { AppError } from '../errors/app-error.js';
import { LINE_BREAKS_OR_TABS } from './input-rules.js';

/** Nest's own (English) messages, in the language of every other detail. */
const NEST_MESSAGES: Record<string, string> = {
  isObject: '请求内容须为 JSON 对象',
};

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * class-validator's English default, for a constraint a DTO gave no message of its own: in Chinese,
 * with the limit it names. A DTO's own message (already Chinese) is kept as it is.
 */
// Without the field's name: a form shows the message next to the field, and `errors[].field`
// names it for an integrator (an English property name would reach the user otherwise).
const DEFAULT_MESSAGES: Record<string, (limit: string | undefined) => string> = {
  maxLength: (n) => `最多 ${n} 个字符`,
  minLength: (n) => `至少 ${n} 个字符`,
  isLength: () => '长度不符合要求',
  isString: () => '须为文本',
  isInt: () => '须为整数',
  isNumber: () => '须为数字',
  min: (n) => `不能小于 ${n}`,
  max: (n) => `不能大于 ${n}`,
  isBoolean: () => '须为 true 或 false',
  isIn: () => '取值不在允许范围内',
  isEnum: () => '取值不在允许范围内',
  isUuid: () => '须为有效的编号',
  isNotEmpty: () => '不能为空',
  isEmail: () => '须为有效的电子邮箱',
  isIso8601: () => '须为有效的日期',
  isDateString: () => '须为有效的日期',
  arrayMaxSize: (n) => `最多 ${n} 项`,
  arrayMinSize: (n) => `至少 ${n} 项`,
  isArray: () => '须为数组',
};

function inChinese(constraint: string, field: string, message: string): string {
  if (constraint === 'whitelistValidation') return `不允许的字段：${field}`;
  if (NEST_MESSAGES[constraint]) return NEST_MESSAGES[constraint];
  if (CHINESE.test(message)) return message;
  const limit = /-?\d+(\.\d+)?/.exec(message)?.[0];
  return DEFAULT_MESSAGES[constraint]?.(limit) ?? '不符合要求';
}

/** Flattens class-validator's tree into field-keyed messages (`address.city`) that a form can show. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // One message a field: the rule written first in the DTO (decorators run bottom-up, so it is
    // checked last), which by our convention is the one that says what the field must be — a
    // missing opinion is 「请填写审核意见」, not 「最多 500 字」.
    const broken = Object.entries(error.constraints ?? {});
    const [constraint, message] = broken[broken.length - 1] ?? [];
    if (constraint && message !== undefined) result.push({ field, message: inChinese(constraint, field, message) });
    if (error.children && error.children.length > 0) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

const MULTILINE_KEY = 'butie:multiline';
// Where @ApiProperty keeps a field's documented schema (@nestjs/swagger's DECORATORS.API_MODEL_PROPERTIES).
const API_PROPERTY_KEY = 'swagger/apiModelProperties';

/** A text field that may hold line breaks and tabs (an opinion, a note); every other text may not. */
export const MultiLine = (): PropertyDecorator => (target, key) => Reflect.defineMetadata(MULTILINE_KEY, true, target, key);

/**
 * Rules every DTO field follows without saying so: null only where the field's documented schema
 * says `nullable: true` (optional means "may be left out", not "may be null"), and line breaks or
 * tabs only in a @MultiLine() field.
 */
export function implicitFieldErrors(dto: object, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const prototype = Object.getPrototypeOf(dto) as object;
  for (const [key, value] of Object.entries(dto)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (value === null) {
      const documented = Reflect.getMetadata(API_PROPERTY_KEY, prototype, key) as { nullable?: boolean } | undefined;
      if (documented?.nullable !== true) errors.push({ field, message: '不能为 null（不填请省略该字段）' });
    } else if (typeof value === 'string') {
      if (LINE_BREAKS_OR_TABS.test(value) && !Reflect.getMetadata(MULTILINE_KEY, prototype, key)) {
        errors.push({ field, message: '不能包含换行符或制表符' });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isDto(item)) errors.push(...implicitFieldErrors(item, `${field}[${index}]`));
      });
    } else if (isDto(value)) {
      errors.push(...implicitFieldErrors(value, field));
    }
  }
  return errors;
}

/** An instance of a DTO class (nested DTOs are instances after transformation), not a plain value. */
function isDto(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype !== null && prototype !== Object.prototype && prototype !== Array.prototype;
}

/** The most field errors one answer lists: a request of thousands of bad keys gets a bounded answer. */
const MAX_LISTED = 20;
/** The most messages the detail repeats. */
const MAX_IN_DETAIL = 5;

/**
 * 400 VALIDATION_FAILED naming what is wrong: each message once per field, at most 20 fields, and a
 * detail of the first few messages (with the count of the rest).
 */
export function validationFailed(fields: FieldError[]): AppError {
  const seen = new Set<string>();
  const unique = fields.filter(({ field, message }) => !seen.has(`${field}\u0000${message}`) && seen.add(`${field}\u0000${message}`));
  const messages = [...new Set(unique.map((f) => f.message))];
  const shown = messages.slice(0, MAX_IN_DETAIL).join('；');
  const detail = messages.length > MAX_IN_DETAIL ? `${shown}；等 ${unique.length} 处不符合要求` : shown;
  return new AppError('VALIDATION_FAILED', detail || '请求内容不符合要求', { fields: unique.slice(0, MAX_LISTED) });
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    // Request bodies, queries and params only: what a custom decorator (@CurrentUser) gives is ours.
    if (metadata.type !== 'custom' && metadata.metatype && isDto(result) && result instanceof metadata.metatype) {
      const errors = implicitFieldErrors(result);
      if (errors.length > 0) throw validationFailed(errors);
    }
    return result;
  }
}

/** Whitelist, refuse unknown fields (nested too), transform into the DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Every rule runs (fieldErrors keeps the one that tells most); stopping at the first would keep
    // the last-written one, the least telling.
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(fieldErrors(errors)),
  });
}

/** Leading and trailing blanks are no part of a typed-in value (a name, a code, a keyword). */
export const Trimmed = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const KEYWORD_MAX_LENGTH = 64;

/** The free-text search of a list: optional, trimmed, bounded; `description` says what it matches. */
export const OptionalKeyword = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: KEYWORD_MAX_LENGTH }),
    IsOptional(),
    Trimmed(),
    IsString({ message: '关键字须为文本' }),
    MaxLength(KEYWORD_MAX_LENGTH, { message: `关键字最多 ${KEYWORD_MAX_LENGTH} 个字` }),
  );
