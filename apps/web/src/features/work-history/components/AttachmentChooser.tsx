import { EyeOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AttachmentKind, AttachmentView } from '@butie/contracts';
import { AttachmentPreview } from '../../../components/attachments/AttachmentPreview';
import { useMyAttachments } from '../../../components/attachments/api/my-attachments';
import { UploadAttachmentButton } from '../../../components/attachments/UploadAttachmentButton';
import { formatBytes, formatDateTime } from '../../../lib/format';

interface Props {
  /** The attachment id (antd Form.Item passes value and onChange). */
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  /** Which of the person's files may be chosen here. */
  kinds: readonly AttachmentKind[];
  /** The kind a new upload gets. */
  uploadKind: AttachmentKind;
  /** What the field is (劳动合同, 证明材料), for the placeholder and the names of its buttons. */
  what: string;
  /** Files the entry already names, shown before the person's list has arrived. */
  known?: (AttachmentView | null)[];
  testId: string;
}

/**
 * One file of an entry: one of the person's uploaded files of the right kind, or a new upload
 * (which is chosen at once), with 预览 of the chosen one. Clearing leaves the entry without it.
 */
export function AttachmentChooser({ value, onChange, id, kinds, uploadKind, what, known = [], testId }: Props) {
  const mine = useMyAttachments();
  const [uploaded, setUploaded] = useState<AttachmentView[]>([]);
  const [previewing, setPreviewing] = useState<AttachmentView | null>(null);

  const files = useMemo(() => {
    const byId = new Map<string, AttachmentView>();
    for (const file of [...(mine.data?.items ?? []), ...uploaded, ...known]) {
      if (file && kinds.includes(file.kind) && !byId.has(file.id)) byId.set(file.id, file);
    }
    return [...byId.values()].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
  }, [mine.data, uploaded, known, kinds]);
  const chosen = files.find((file) => file.id === value) ?? null;

  return (
    <div className="wh-file-field" data-testid={testId}>
      <Select
        id={id}
        aria-label={`选择已上传的${what}`}
        className="wh-file-select"
        value={value ?? undefined}
        onChange={(next: string | undefined) => onChange?.(next ?? null)}
        allowClear
        loading={mine.isLoading}
        placeholder={files.length > 0 ? `从已上传的${what}中选择，或上传新文件` : `尚未上传${what}，请上传文件`}
        notFoundContent={`没有可选择的${what}文件`}
        options={files.map((file) => ({ value: file.id, label: file.fileName, file }))}
        optionRender={(option) => (
          <div className="wh-file-option">
            <div className="wh-file-option-name">{option.data.file.fileName}</div>
            <Typography.Text type="secondary" className="wh-file-option-meta">
              {option.data.file.kindLabel} · {formatBytes(option.data.file.sizeBytes)} · {formatDateTime(option.data.file.uploadedAt, 'minutes')} 上传
            </Typography.Text>
          </div>
        )}
      />
      <div className="wh-file-actions">
        <Button icon={<EyeOutlined aria-hidden />} disabled={!chosen} onClick={() => setPreviewing(chosen)} aria-label={`预览${what}`} data-testid={`${testId}-preview`}>
          预览
        </Button>
        <UploadAttachmentButton
          kind={uploadKind}
          maxFileBytes={mine.data?.usage.maxFileBytes}
          label="上传新文件"
          testId={`${testId}-upload`}
          onUploaded={(attachment) => {
            setUploaded((list) => [attachment, ...list]);
            onChange?.(attachment.id);
          }}
        />
      </div>
      <AttachmentPreview attachment={previewing} onClose={() => setPreviewing(null)} />
    </div>
  );
}
