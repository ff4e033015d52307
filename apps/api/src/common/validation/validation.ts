import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@butie/contracts';
import { AppError } from '../errors/app-error.js';

/** Flattens class-validator's tree into field-keyed messages (`address.city`) that a form can show. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, message: constraint === 'whitelistValidation' ? `不允许的字段：${field}` : message });
    }
    if (error.children && error.children.length > 0) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

/** Whitelist, refuse unknown fields (nested too), transform into the DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
