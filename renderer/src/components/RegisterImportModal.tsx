import { Alert, Button, Flex, Modal, Result, Typography } from 'antd';
import { registerFields, type RegisterImportIssue, type RegisterImportPreview, type RegisterImportResult } from '../../../shared/api';
import type { RegisterSheet } from '../../../shared/domain';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { ImportIssuesTable, useImportDialog, WorkbookDrop } from './ImportParts';
import { ErrorAlert } from './ErrorAlert';
import { JobProgressView } from './JobProgressView';

/**
 * Going live from paper: the desk's old Excel register of documents (卷内目录) or of box
 * positions. Choose the workbook, read the check (every bad row with its number), import all or
 * nothing in the background.
 */
export function RegisterImportModal({ register, open, onClose, onImported }: { register: RegisterSheet; open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const L = useLabels();
  const { error, setError, run, busy, fileBase64, fileName, chosen, preview, setPreview, result, job, follow, cancel, importing } = useImportDialog<RegisterImportPreview, RegisterImportResult>(
    open,
    'register-import',
    onImported,
  );

  const columns = registerFields[register].map((f) => L.registerField[f]).join('、');
  return (
    <Modal title={t(`registerImport.title_${register}`)} open={open} onCancel={() => !importing && onClose()} closable={!importing} keyboard={!importing} width={900} footer={null} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {result ? (
        <Result
          status="success"
          title={t(`registerImport.done_${register}`, { imported: result.imported, unchanged: result.unchanged })}
          extra={<Button onClick={onClose}>{t('common.close')}</Button>}
        />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(`registerImport.hint_${register}`, { columns })}
          </Typography.Paragraph>
          <WorkbookDrop
            fileName={fileName}
            disabled={importing}
            onChosen={(base64, name) => {
              chosen(base64, name);
              void run(async () => setPreview(await api.previewRegisterImport({ register, fileBase64: base64 })));
            }}
          />
          {preview && fileBase64 && (
            <>
              {preview.ready ? (
                <Alert type="success" showIcon title={t('registerImport.ready', { count: preview.rowCount, adds: preview.adds, unchanged: preview.unchanged })} />
              ) : preview.issues.length === 0 ? (
                <Alert type="info" showIcon title={t('import.nothingToDo', { count: preview.rowCount })} />
              ) : (
                <Alert type="error" showIcon title={t('import.issues', { count: preview.issues.length })} />
              )}
              {preview.issues.length > 0 && <ImportIssuesTable<RegisterImportIssue> testId="register-import-issues" issues={preview.issues} fieldLabel={(f) => (f ? L.registerField[f] : '')} />}
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
