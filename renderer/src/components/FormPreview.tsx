import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { RenderedForm } from '../../../shared/api';
import { type ArchiveError } from '../../../shared/errors';
import type { FormId } from '../../../shared/forms';
import type { FormParams } from '../../../shared/schemas';
import { api } from '../api';
import { toArchiveError } from '../errors';
import { saveBase64 } from '../files';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

export interface FormRequest {
  formId: FormId;
  blank: boolean;
  params: FormParams;
}

/**
 * Print preview of a form exactly as the archive renders it (the same HTML the PDF is made from),
 * then print (Chromium's print dialog) or save as PDF. Both are recorded in the audit log.
 */
export function FormPreview({ request, onClose, onPrinted }: { request: FormRequest | null; onClose: () => void; onPrinted?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form, setForm] = useState<RenderedForm | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    setForm(null);
    setError(null);
    if (request) api.renderForm(request).then(setForm, (e) => setError(toArchiveError(e)));
  }, [request]);

  const print = async () => {
    frame.current?.contentWindow?.print();
    try {
      await api.recordFormPrinted(request!);
      onPrinted?.();
    } catch (e) {
      setError(toArchiveError(e));
    }
  };
  const savePdf = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api.exportFormPdf(request!);
      saveBase64(file.dataBase64, file.mime, file.fileName);
      message.success(t('forms.pdfSaved', { name: file.fileName }));
    } catch (e) {
      setError(toArchiveError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={form?.title ?? t('forms.preview')}
      open={!!request}
      onCancel={onClose}
      width={form?.orientation === 'landscape' ? 1240 : 940}
      style={{ top: 20 }}
      footer={
        <Space>
          <Button icon={<FilePdfOutlined />} loading={busy} disabled={!form} onClick={() => void savePdf()}>
            {t('forms.savePdf')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!form} onClick={() => void print()}>
            {t('labels.print')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {form ? (
        <iframe
          ref={frame}
          data-testid="form-preview"
          title={form.title}
          srcDoc={form.html}
          // Same origin so the page can print it; no scripts run inside.
          sandbox="allow-same-origin allow-modals"
          style={{ width: '100%', height: '75vh', border: 'none' }}
        />
      ) : (
        !error && <Spin style={{ display: 'block', margin: 48 }} />
      )}
    </Modal>
  );
}
