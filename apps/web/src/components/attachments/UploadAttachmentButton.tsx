import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Upload } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_KIND_LABELS, type AttachmentKind, type AttachmentView } from '@butie/contracts';
import { ApiError } from '../../lib/api-client';
import { errorText } from '../../lib/form-errors';
import { formatBytes } from '../../lib/format';
import { useUploadAttachment } from './api/upload-attachment';

/** What the file picker offers; the API judges the content itself (magic bytes), whatever the name. */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ACCEPTED_NAME = /\.(pdf|jpe?g|png)$/i;

interface Props {
  kind: AttachmentKind | undefined;
  /** The per-file limit the API announced (AttachmentUsage.maxFileBytes); refused here before sending. */
  maxFileBytes?: number;
  onUploaded?: (attachment: AttachmentView) => void;
  disabled?: boolean;
  label?: string;
  testId?: string;
}

/**
 * 上传: picks one file, checks what can be checked before sending (a kind chosen, the size, a PDF or
 * image name), uploads it with a progress bar, and reports the API's refusal in its own words.
 */
export function UploadAttachmentButton({ kind, maxFileBytes, onUploaded, disabled, label = '选择文件并上传', testId = 'upload-file' }: Props) {
  const { message } = App.useApp();
  const uploading = useUploadAttachment();
  const [progress, setProgress] = useState<number | null>(null);

  const send = async (file: File) => {
    if (!kind) return void message.warning('请先选择附件类型');
    if (maxFileBytes && file.size > maxFileBytes) {
      return void message.error(`「${file.name}」为 ${formatBytes(file.size)}，超过单个文件 ${formatBytes(maxFileBytes)} 的上限`);
    }
    if (file.size === 0) return void message.error(`「${file.name}」是空文件`);
    if (!ACCEPTED_NAME.test(file.name)) return void message.error(`「${file.name}」不是 PDF、JPG 或 PNG 文件`);
    setProgress(0);
    try {
      const attachment = await uploading.mutateAsync({ kind, file, onProgress: setProgress });
      message.success(`已上传「${attachment.fileName}」（${ATTACHMENT_KIND_LABELS[kind]}）`);
      onUploaded?.(attachment);
    } catch (error) {
      const detail = error instanceof ApiError && error.fields.length > 0 ? error.fields.map((field) => field.message).join('；') : errorText(error);
      message.error(detail);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="material-upload-button">
      <Upload
        accept={ACCEPTED_FILES}
        showUploadList={false}
        disabled={disabled || progress !== null}
        // The file goes through our own client (token, refresh, progress), never antd's request.
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} disabled={disabled} loading={progress !== null} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      {progress !== null && <Progress percent={Math.round(progress * 100)} size="small" aria-label="上传进度" style={{ width: 160 }} />}
    </div>
  );
}
