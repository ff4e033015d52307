import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { AttachmentView } from '@butie/contracts';
import { errorText } from '../../lib/form-errors';
import { formatBytes } from '../../lib/format';
import { downloadAttachment, fetchAttachmentContent } from './api/attachment-content';

const PdfPages = lazy(async () => ({ default: (await import('./PdfPages')).PdfPages }));

/**
 * 预览: an image or a PDF in a dialog over the page, fetched with the session's token; 下载 saves
 * it under its own name. `attachment` null closes it.
 */
export function AttachmentPreview({ attachment: asked, onClose }: { attachment: AttachmentView | null; onClose: () => void }) {
  const { message } = App.useApp();
  // The file stays named while the dialog slides out (a dialog without a name is an accessibility fault).
  const [last, setLast] = useState(asked);
  if (asked && asked !== last) setLast(asked);
  const attachment = asked ?? last;
  const content = useQuery({
    queryKey: ['attachments', 'content', attachment?.id],
    queryFn: () => fetchAttachmentContent(attachment!.id),
    enabled: asked !== null,
    // A file does not change under its id; the blob is dropped when the dialog has been closed a while.
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const imageUrl = useObjectUrl(attachment?.mediaType.startsWith('image/') ? content.data : undefined);

  return (
    <Modal
      open={asked !== null}
      title={attachment ? `${attachment.kindLabel}：${attachment.fileName}` : ''}
      onCancel={onClose}
      width={{ xs: '100%', md: 860 }}
      className="attachment-preview"
      destroyOnHidden
      footer={
        attachment && [
          <Button
            key="download"
            icon={<DownloadOutlined aria-hidden />}
            onClick={() => void downloadAttachment(attachment).catch((error: unknown) => void message.error(errorText(error)))}
          >
            下载（{formatBytes(attachment.sizeBytes)}）
          </Button>,
          <Button key="close" type="primary" onClick={onClose}>
            关闭
          </Button>,
        ]
      }
    >
      {content.isLoading && (
        <div className="preview-loading">
          <Spin description="正在加载…" />
        </div>
      )}
      {content.error && <Alert type="error" showIcon title={errorText(content.error)} />}
      {attachment && content.data && attachment.mediaType === 'application/pdf' && (
        <Suspense fallback={<Spin description="正在打开 PDF…" />}>
          <PdfPages blob={content.data} fileName={attachment.fileName} />
        </Suspense>
      )}
      {attachment && imageUrl && <img src={imageUrl} alt={`${attachment.kindLabel}：${attachment.fileName}`} className="preview-image" data-testid="preview-image" />}
    </Modal>
  );
}

/** An object URL for the blob while it is shown, revoked when the blob changes or the preview closes. */
function useObjectUrl(blob: Blob | undefined): string | null {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url;
}
