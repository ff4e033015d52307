import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { AppError } from '../errors/app-error.js';

/**
 * A calendar day only: IsISO8601 alone lets through '2025', weeks and ordinal dates, and year 0000,
 * which PostgreSQL's date cast refuses (a 500).
 */
export const CALENDAR_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** An optional YYYY-MM-DD query field that must be a day that exists; `label` names it in the refusal. */
export function OptionalCalendarDay(label: string): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Matches(CALENDAR_DAY, { message: `${label}格式须为 YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${label}须为存在的日期` }),
  );
}

/**
 * A range that ends before it starts would silently match nothing: refuse it, naming both fields.
 * (A cross-field rule, so it is checked by the service rather than by one field's decorator.)
 */
export function assertDayOrder(range: { from?: string; to?: string }, fields: { from: string; to: string } = { from: 'from', to: 'to' }): void {
  if (range.from && range.to && range.from > range.to) {
    throw new AppError('VALIDATION_FAILED', `截止日期 ${range.to} 早于起始日期 ${range.from}，请调整日期范围`, {
      fields: [
        { field: fields.from, message: '起始日期不能晚于截止日期' },
        { field: fields.to, message: '截止日期不能早于起始日期' },
      ],
    });
  }
}
