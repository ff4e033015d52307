import { DatePicker, Grid } from 'antd';
import type { Dayjs } from 'dayjs';

export type DateRange = [Dayjs | null, Dayjs | null];

/**
 * A from–to date filter as an antd Form control. On a wide screen the two-month range picker; on
 * a phone, where two months do not fit (past months were cut off), two one-month pickers. A range
 * cannot be picked backwards in either.
 */
export function DateRangeField({ id, value, onChange }: { id?: string; value?: DateRange | null; onChange?: (value: DateRange) => void }) {
  const screens = Grid.useBreakpoint();
  const [from, to] = value ?? [null, null];
  if (screens.md) {
    return <DatePicker.RangePicker id={id} allowEmpty={[true, true]} value={[from, to]} onChange={(range) => onChange?.([range?.[0] ?? null, range?.[1] ?? null])} />;
  }
  return (
    <div className="date-range-stacked">
      <DatePicker
        id={id}
        value={from}
        placeholder="起始日期"
        inputReadOnly
        disabledDate={(day) => !!to && day.isAfter(to, 'day')}
        onChange={(day) => onChange?.([day, to])}
      />
      <span aria-hidden="true">至</span>
      <DatePicker
        aria-label="截止日期"
        value={to}
        placeholder="截止日期"
        inputReadOnly
        disabledDate={(day) => !!from && day.isBefore(from, 'day')}
        onChange={(day) => onChange?.([from, day])}
      />
    </div>
  );
}
