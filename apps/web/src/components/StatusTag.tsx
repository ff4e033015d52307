import { Tag } from 'antd';
import { STATUS_COLOURS } from '@butie/contracts';

/** A status with the same colour wherever it appears. */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{label}</Tag>;
}
