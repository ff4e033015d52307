import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isYearMonth } from '@butie/contracts';

interface Props {
  id?: string;
  /** `YYYY-MM`, as the API takes and gives months. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}

/**
 * A year and month as an antd Form control holding the API's `YYYY-MM` string, the month twin of
 * DayField: typed or picked, and on a phone the month panel opens instead of the keyboard.
 */
export function MonthField({ id, value, onChange, placeholder = '请选择年月', allowClear = true, ...aria }: Props) {
  return (
    <DatePicker
      id={id}
      picker="month"
      format="YYYY-MM"
      aria-label={aria['aria-label']}
      value={isYearMonth(value) ? dayjs(`${value}-01`) : null}
      onChange={(month: Dayjs | null) => onChange?.(month ? month.format('YYYY-MM') : null)}
      // Typed text that is no month leaves the field empty (and its rule says so) instead of the
      // last month silently staying the value behind it.
      onBlur={(event) => {
        const text = (event.target as HTMLInputElement).value.trim();
        if (text !== (value ?? '') && !isYearMonth(text)) onChange?.(null);
      }}
      placeholder={placeholder}
      allowClear={allowClear}
      inputReadOnly={window.matchMedia?.('(max-width: 575px)').matches}
      style={{ width: '100%' }}
    />
  );
}
