import { DeleteOutlined, DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentView } from '@butie/contracts';
import { errorText } from '../../lib/form-errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { downloadAttachment } from './api/attachment-content';
import { AttachmentPreview } from './AttachmentPreview';
import './materials.css';

interface Props {
  items: AttachmentView[];
  /** Given: each file has 删除 (the owner's list while the record is editable). */
  onDelete?: (attachment: AttachmentView) => Promise<unknown>;
  emptyText?: string;
}

/**
 * Files with their kind, size and time, and 预览 (in a dialog on the page) and 下载 for each; 删除
 * where the caller allows it. Used by the owner and by reviewers alike.
 */
export function MaterialList({ items, onDelete, emptyText = '暂无材料' }: Props) {
  const { message } = App.useApp();
  const [previewing, setPreviewing] = useState<AttachmentView | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  const remove = async (attachment: AttachmentView) => {
    setDeleting(attachment.id);
    try {
      await onDelete!(attachment);
      message.success(`已删除「${attachment.fileName}」`);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <ul className="material-list" aria-label="材料列表">
        {items.map((item) => (
          <li key={item.id} className="material-item" data-testid="material-item">
            <span className="material-icon" aria-hidden>
              {item.mediaType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
            </span>
            <div className="material-body">
              <div className="material-name">
                <Tag>{item.kindLabel}</Tag>
                <Typography.Text ellipsis={{ tooltip: item.fileName }} className="material-file-name">
                  {item.fileName}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary" className="material-meta">
                {formatBytes(item.sizeBytes)} · {formatDateTime(item.uploadedAt, 'minutes')} 上传
              </Typography.Text>
            </div>
            <Space size={4} wrap className="material-actions">
              <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setPreviewing(item)} aria-label={`预览 ${item.fileName}`}>
                预览
              </Button>
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden />}
                aria-label={`下载 ${item.fileName}`}
                onClick={() => void downloadAttachment(item).catch((error: unknown) => void message.error(errorText(error)))}
              >
                下载
              </Button>
              {onDelete && (
                <Popconfirm
                  title={`删除「${item.fileName}」？`}
                  description="删除后不能恢复，可重新上传。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void remove(item)}
                >
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={deleting === item.id} aria-label={`删除 ${item.fileName}`}>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </li>
        ))}
      </ul>
      <AttachmentPreview attachment={previewing} onClose={() => setPreviewing(null)} />
    </>
  );
}
