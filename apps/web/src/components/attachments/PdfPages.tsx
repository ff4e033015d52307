import { Alert, Spin } from 'antd';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn at most; a longer document is for downloading. */
const MAX_PAGES = 30;

/**
 * A PDF drawn page by page on canvases with pdf.js, the width of the dialog. Not the browser's own
 * viewer: phones (Android Chrome, iOS Safari) do not show a PDF inside a page, and the reviewer
 * must see every material without leaving it. Loaded only when a PDF is opened (its own chunk).
 */
export function PdfPages({ blob, fileName }: { blob: Blob; fileName: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number } | 'loading' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let document: PDFDocumentProxy | null = null;
    const target = holder.current;
    const draw = async () => {
      const data = new Uint8Array(await blob.arrayBuffer());
      // No eval and no WebAssembly: the page's policy allows neither, and pdf.js has plain fallbacks.
      document = await getDocument({ data, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', isEvalSupported: false, useWasm: false })
        .promise;
      const shown = Math.min(document.numPages, MAX_PAGES);
      if (cancelled) return;
      setState({ pages: document.numPages, shown });
      const width = target?.clientWidth ?? 800;
      for (let number = 1; number <= shown && !cancelled; number++) {
        const page = await document.getPage(number);
        const base = page.getViewport({ scale: 1 });
        // Sharp on high-density screens, as wide as the dialog.
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        const canvas = window.document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = '100%';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${fileName} 第 ${number} 页`);
        canvas.className = 'pdf-page';
        await page.render({ canvas, viewport }).promise;
        if (!cancelled) target?.append(canvas);
      }
    };
    draw().catch(() => {
      if (!cancelled) setState('failed');
    });
    return () => {
      cancelled = true;
      target?.replaceChildren();
      void document?.destroy();
    };
  }, [blob, fileName]);

  return (
    <div className="pdf-pages">
      {state === 'loading' && <Spin description="正在打开 PDF…" />}
      {state === 'failed' && <Alert type="warning" showIcon title="这个 PDF 无法在页面中显示，请下载后查看" />}
      {typeof state === 'object' && state.pages > state.shown && (
        <Alert type="info" showIcon title={`共 ${state.pages} 页，此处显示前 ${state.shown} 页，请下载查看全部`} className="page-alert" />
      )}
      <div ref={holder} data-testid="pdf-pages" />
    </div>
  );
}
