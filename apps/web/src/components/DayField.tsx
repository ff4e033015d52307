import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { parseCalendarDay } from '../lib/format';

interface Props {
  id?: string;
  /** `YYYY-MM-DD`, as the API takes and gives dates. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabledDate?: (day: Dayjs) => boolean;
  'aria-label'?: string;
}

/**
 * A calendar day as an antd Form control holding the API's `YYYY-MM-DD` string (not a dayjs
 * object), so a form's values go to the API and come back from it unchanged. Typed or picked; on a
 * phone the keyboard stays away (`inputReadOnly`) and the calendar opens instead.
 */
export function DayField({ id, value, onChange, placeholder = '请选择日期', disabledDate, ...aria }: Props) {
  return (
    <DatePicker
      id={id}
      aria-label={aria['aria-label']}
      value={parseCalendarDay(value)}
      onChange={(day: Dayjs | null) => onChange?.(day ? day.format('YYYY-MM-DD') : null)}
      placeholder={placeholder}
      disabledDate={disabledDate}
      inputReadOnly={window.matchMedia?.('(max-width: 575px)').matches}
      style={{ width: '100%' }}
    />
  );
}

/** Days after today cannot be picked (birth dates, starts of work). */
export const notInFuture = (day: Dayjs) => day.isAfter(dayjs(), 'day');
