import { DownloadOutlined, FileTextOutlined, LeftOutlined, RightOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Space, Spin, Typography } from 'antd';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { ScanData, ScanInfo, ScanPageText, ScanText } from '../../../shared/api';
import type { ArchiveError } from '../../../shared/errors';
import { api } from '../api';
import { toArchiveError } from '../errors';
import { base64ToBlob, saveBase64 } from '../files';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

// The worker is a file of the app itself: nothing is fetched from a network, and the CSP's
// script-src 'self' covers it.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Zoom steps in percent; 100% shows an A4 page about as wide as the desk's screen allows. */
const ZOOMS = [25, 50, 75, 100, 150, 200, 300, 400];
const DEFAULT_ZOOM = ZOOMS.indexOf(100);
const PDF_SCALE_AT_100 = 1.4;

/** A scan's bytes and its pages' text as read so far (`state` says where reading stands). */
export interface ViewedScan {
  data: ScanData;
  text: { state: ScanText['state']; pages: ScanPageText[] };
}

/** A scan of the archive: its bytes (recorded as a view) and its text. */
async function archiveScan(scanId: number): Promise<ViewedScan> {
  const data = await api.getScan({ scanId });
  const text = await api.getScanText({ scanId }).catch(() => ({ state: 'unreadable' as const, pages: [] }));
  return { data, text };
}

/**
 * A scan shown inside the app (看扫描件): a PDF page by page or an image, with zoom and rotate,
 * and the text read from the page beside it. Opening it is recorded in the audit log as a view
 * (the archive records it when the bytes are read). `load` shows another kind of scan (pages
 * waiting to be filed).
 */
export function ScanViewer({ scan, onClose, load }: { scan: Pick<ScanInfo, 'id' | 'fileName'> | null; onClose: () => void; load?: (id: number) => Promise<ViewedScan> }) {
  const t = useT();
  const [data, setData] = useState<ScanData | null>(null);
  const [text, setText] = useState<ViewedScan['text'] | null>(null);
  const [showText, setShowText] = useState(true);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(DEFAULT_ZOOM);
  const [rotation, setRotation] = useState(0);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    setData(null);
    setText(null);
    setError(null);
    setPdf(null);
    setPage(1);
    setZoom(DEFAULT_ZOOM);
    setRotation(0);
    setUnreadable(false);
    if (!scan) return;
    let alive = true;
    let url: string | null = null;
    let doc: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const viewed = await (load ?? archiveScan)(scan.id);
        if (!alive) return;
        const d = viewed.data;
        setData(d);
        setText(viewed.text);
        if (d.mime === 'application/pdf') {
          const bytes = Uint8Array.from(atob(d.dataBase64), (c) => c.charCodeAt(0));
          doc = await getDocument({ data: bytes, isEvalSupported: false }).promise;
          if (alive) setPdf(doc);
        } else {
          url = URL.createObjectURL(base64ToBlob(d.dataBase64, d.mime));
          setImageUrl(url);
        }
      } catch (e) {
        if (!alive) return;
        // A scan the archive returned but that does not parse as a PDF is said so, not shown blank.
        if (e instanceof Error && e.name === 'InvalidPDFException') setUnreadable(true);
        else setError(toArchiveError(e));
      }
    })();
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
      setImageUrl(null);
      void doc?.destroy();
    };
  }, [scan, load]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let task: ReturnType<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']> | null = null;
    void (async () => {
      const p = await pdf.getPage(page);
      const viewport = p.getViewport({ scale: (ZOOMS[zoom]! / 100) * PDF_SCALE_AT_100, rotation });
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current;
      if (!c) return;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({ canvas: c, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      await task.promise.catch(() => undefined);
    })();
    return () => task?.cancel();
  }, [pdf, page, zoom, rotation]);

  const pages = pdf?.numPages ?? 1;
  const rotated = rotation % 180 !== 0;
  const pageText = text?.pages.find((p) => p.pageNo === page);
  const noText =
    text?.state === 'withheld'
      ? t('scan.textWithheld')
      : text?.state === 'unreadable'
        ? t('scan.textUnreadable')
        : text?.state === 'waiting' || text?.state === 'reading'
          ? t('scan.textWaiting')
          : t('scan.textNone');
  return (
    <Modal title={scan ? `${t('scan.viewTitle')}：${scan.fileName}` : ''} open={!!scan} onCancel={onClose} footer={null} width="min(1200px, 96vw)" style={{ top: 16 }} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {unreadable && <Alert type="warning" showIcon title={t('scan.unreadable')} />}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space>
          {data?.mime === 'application/pdf' && (
            <>
              <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage(page - 1)} aria-label={t('scan.prevPage')} />
              <Typography.Text data-testid="scan-page">{t('scan.page', { page, pages })}</Typography.Text>
              <Button icon={<RightOutlined />} disabled={page >= pages} onClick={() => setPage(page + 1)} aria-label={t('scan.nextPage')} />
            </>
          )}
          <Button icon={<ZoomOutOutlined />} disabled={zoom <= 0} onClick={() => setZoom(zoom - 1)} aria-label={t('scan.zoomOut')} />
          <Typography.Text data-testid="scan-zoom" style={{ minWidth: 48, textAlign: 'center', display: 'inline-block' }}>{`${ZOOMS[zoom]}%`}</Typography.Text>
          <Button icon={<ZoomInOutlined />} disabled={zoom >= ZOOMS.length - 1} onClick={() => setZoom(zoom + 1)} aria-label={t('scan.zoomIn')} />
          <Button icon={<RotateRightOutlined />} onClick={() => setRotation((rotation + 90) % 360)} aria-label={t('scan.rotate')} />
          <Button icon={<FileTextOutlined />} type={showText ? 'primary' : 'default'} ghost={showText} onClick={() => setShowText(!showText)}>
            {t('scan.text')}
          </Button>
        </Space>
        {data && (
          <Button icon={<DownloadOutlined />} onClick={() => saveBase64(data.dataBase64, data.mime, data.fileName)}>
            {t('scan.saveCopy')}
          </Button>
        )}
      </Flex>
      <Flex gap={8}>
        <div data-testid="scan-view" style={{ flex: 1, minWidth: 0, height: 'calc(100vh - 190px)', overflow: 'auto', background: '#f0f0f0', textAlign: 'center', padding: 8 }}>
          {!data && !error && <Spin />}
          {data?.mime === 'application/pdf' && <canvas ref={canvas} data-testid="scan-canvas" style={{ background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.2)' }} />}
          {imageUrl && (
            // Rotated a quarter turn, the image's box swaps width and height: the margin keeps it in view.
            <img
              src={imageUrl}
              alt={scan?.fileName}
              data-testid="scan-image"
              style={{ width: `${ZOOMS[zoom]}%`, transform: `rotate(${rotation}deg)`, transformOrigin: 'center', margin: rotated ? '20% 0' : 0, background: '#fff' }}
            />
          )}
        </div>
        {showText && (
          <div data-testid="scan-text" style={{ width: 300, flex: 'none', height: 'calc(100vh - 190px)', overflow: 'auto', border: '1px solid #f0f0f0', padding: '8px 12px' }}>
            <Typography.Text type="secondary">{t('scan.textOfPage', { page })}</Typography.Text>
            {pageText?.text ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} copyable={{ text: pageText.text }}>
                {pageText.text}
              </Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {text ? noText : ''}
              </Typography.Paragraph>
            )}
          </div>
        )}
      </Flex>
    </Modal>
  );
}
