import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Result, Typography, Upload } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { registerFields, type RegisterImportIssue, type RegisterImportPreview, type RegisterImportResult } from '../../../shared/api';
import type { RegisterSheet } from '../../../shared/domain';
import type { ArchiveError } from '../../../shared/errors';
import { api } from '../api';
import { toArchiveError } from '../errors';
import { readAsBase64 } from '../files';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { DeskTable } from './DeskTable';
import { ErrorAlert } from './ErrorAlert';
import { JobProgressView, useJob } from './JobProgressView';

/**
 * Going live from paper: the desk's old Excel register of documents (卷内目录) or of box
 * positions. Choose the workbook, read the check (every bad row with its number), import all or
 * nothing in the background.
 */
export function RegisterImportModal({ register, open, onClose, onImported }: { register: RegisterSheet; open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const L = useLabels();
  const [fileBase64, setFileBase64] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<RegisterImportPreview | null>(null);
  const [result, setResult] = useState<RegisterImportResult | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const { job, follow, cancel, clear } = useJob((ended) => {
    if (ended.kind === 'register-import' && ended.result) {
      setResult(ended.result);
      onImported();
    }
  });
  const importing = job?.state === 'running';

  useLayoutEffect(() => {
    if (open) {
      setFileBase64(null);
      setFileName('');
      setPreview(null);
      setResult(null);
      setError(null);
      clear();
    }
  }, [open, clear]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(toArchiveError(e));
    } finally {
      setBusy(false);
    }
  };

  const columns = registerFields[register].map((f) => L.registerField[f]).join('、');
  return (
    <Modal title={t(`registerImport.title_${register}`)} open={open} onCancel={() => !importing && onClose()} closable={!importing} keyboard={!importing} width={900} footer={null} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {result ? (
        <Result status="success" title={t(`registerImport.done_${register}`, { imported: result.imported, unchanged: result.unchanged })} extra={<Button onClick={onClose}>{t('common.close')}</Button>} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(`registerImport.hint_${register}`, { columns })}
          </Typography.Paragraph>
          <Upload.Dragger
            disabled={importing}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void run(async () => {
                const base64 = await readAsBase64(file);
                setFileBase64(base64);
                setFileName(file.name);
                setPreview(await api.previewRegisterImport({ register, fileBase64: base64 }));
              });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{fileName || t('import.choose')}</p>
          </Upload.Dragger>
          {preview && fileBase64 && (
            <>
              {preview.ready ? (
                <Alert type="success" showIcon title={t('registerImport.ready', { count: preview.rowCount, adds: preview.adds, unchanged: preview.unchanged })} />
              ) : preview.issues.length === 0 ? (
                <Alert type="info" showIcon title={t('import.nothingToDo', { count: preview.rowCount })} />
              ) : (
                <Alert type="error" showIcon title={t('import.issues', { count: preview.issues.length })} />
              )}
              {preview.issues.length > 0 && (
                <DeskTable<RegisterImportIssue>
                  data-testid="register-import-issues"
                  size="small"
                  rowKey={(i) => `${i.row}-${i.field}-${i.code}`}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  dataSource={preview.issues}
                  columns={[
                    { title: t('import.row'), dataIndex: 'row', width: 70 },
                    { title: t('import.field'), dataIndex: 'field', width: 140, render: (f: RegisterImportIssue['field']) => (f ? L.registerField[f] : '') },
                    { title: t('import.problem'), dataIndex: 'code', wrap: true, render: (c: RegisterImportIssue['code']) => L.importIssue[c] },
                    { title: t('import.value'), dataIndex: 'value', width: 220, wrap: true },
                  ]}
                />
              )}
              {job && <JobProgressView job={job} onCancel={() => void run(cancel)} cancelledText={t('import.cancelled')} />}
              <Button
                type="primary"
                disabled={!preview.ready || importing}
                loading={busy || importing}
                onClick={() =>
                  void run(async () => {
                    const { jobId } = await api.startRegisterImport({ register, fileBase64 });
                    await follow(jobId);
                  })
                }
              >
                {t('import.commit')}
              </Button>
            </>
          )}
        </Flex>
      )}
    </Modal>
  );
}
