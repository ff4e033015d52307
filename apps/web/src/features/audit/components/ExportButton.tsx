import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { LOG_EXPORT_MAX_ROWS } from '@butie/contracts';
import { errorText } from '../../../lib/form-errors';
import { useLogExport, type LogKind } from '../api/export';

/** 导出 Excel of the list as filtered now (the address's filters, not unsent changes in the form). */
export function ExportButton({ kind, filter }: { kind: LogKind; filter: Record<string, string | undefined> }) {
  const exporting = useLogExport(kind);
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={exporting.isPending}
      title={`按当前筛选条件导出，最多 ${LOG_EXPORT_MAX_ROWS.toLocaleString('zh-CN')} 条`}
      onClick={() => exporting.mutate(filter, { onError: (error) => void message.error(errorText(error)) })}
    >
      {exporting.isPending ? '正在导出…' : '导出 Excel'}
    </Button>
  );
}
