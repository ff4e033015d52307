import { Alert, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_KIND_LABELS, type AttachmentKind } from '@butie/contracts';
import { errorText } from '../../lib/form-errors';
import { formatBytes } from '../../lib/format';
import { useDeleteAttachment } from './api/delete-attachment';
import { useMyAttachments } from './api/my-attachments';
import { MaterialList } from './MaterialList';
import { UploadAttachmentButton } from './UploadAttachmentButton';
import './materials.css';

interface Props {
  /** The kinds offered for upload; every file of the person is listed (the quota counts them all). */
  kinds: readonly AttachmentKind[];
  /** Whether files may be uploaded and deleted now; with the reason shown when not. */
  editable: boolean;
  lockedReason?: string;
}

/**
 * 证明材料 of the signed-in person (上传附件 → 附件类型 → 浏览 → 上传, then 预览 / 下载 / 删除), with
 * what they have used of their quota, as domain §3.2 and 维护个人材料 describe.
 */
export function MaterialsPanel({ kinds, editable, lockedReason }: Props) {
  const list = useMyAttachments();
  const remove = useDeleteAttachment();
  const [kind, setKind] = useState<AttachmentKind | undefined>(undefined);

  if (list.isLoading) return <Skeleton active />;
  if (list.error || !list.data) return <Alert type="error" showIcon title={errorText(list.error)} />;

  const { items, usage } = list.data;
  const missing = kinds.filter((k) => k !== 'OTHER' && !items.some((item) => item.kind === k));
  const full = usage.files >= usage.maxFiles || usage.bytes >= usage.maxBytes;

  return (
    <div data-testid="materials-panel">
      {editable && (
        <div className="material-upload">
          <Select
            aria-label="附件类型"
            placeholder="选择附件类型"
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[k] }))}
            data-testid="attachment-kind"
          />
          <UploadAttachmentButton kind={kind} maxFileBytes={usage.maxFileBytes} disabled={full} />
        </div>
      )}
      <Typography.Text type="secondary" className="material-usage" data-testid="material-usage">
        支持 PDF、JPG、PNG，单个文件不超过 {formatBytes(usage.maxFileBytes)}。已上传 {usage.files} 个文件，共 {formatBytes(usage.bytes)}（上限 {usage.maxFiles} 个、
        {formatBytes(usage.maxBytes)}）{full ? '，已达上限，请先删除不需要的文件' : ''}。
      </Typography.Text>
      {missing.length > 0 && (
        <Alert type="info" showIcon className="material-missing" title={`尚未上传：${missing.map((k) => ATTACHMENT_KIND_LABELS[k]).join('、')}`} />
      )}
      {!editable && lockedReason && <Alert type="warning" showIcon className="material-missing" title={lockedReason} />}
      <MaterialList items={items} onDelete={editable ? (attachment) => remove.mutateAsync(attachment.id) : undefined} emptyText="还没有上传材料" />
    </div>
  );
}
