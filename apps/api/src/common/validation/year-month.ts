import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isYearMonth } from '@butie/contracts';

/**
 * A month the system knows: `YYYY-MM` from 1950-01 to 2199-12 (isYearMonth of @butie/contracts).
 * The bounds keep a typo such as 0000-01 … 9999-12 from becoming a hundred thousand months.
 */
export function IsYearMonth(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isYearMonth', validator: { validate: (value: unknown) => isYearMonth(value) } }, options);
}
