import { Alert, Button, Col, Flex, Form, Modal, Result, Row, Select, Steps, Typography } from 'antd';
import { useState } from 'react';
import { importFields, type ImportField, type ImportIssue, type ImportPreview, type ImportResult } from '../../../../shared/api';
import { JobProgressView } from '../../components/JobProgressView';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { ImportIssuesTable, useImportDialog, WorkbookDrop } from '../../components/ImportParts';

/**
 * Excel import in three steps: choose the workbook, map and check (a dry run), import all or
 * nothing as a background job with a progress bar and a cancel (a large sheet takes a minute).
 */
export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const L = useLabels();
  const [mapping, setMapping] = useState<Partial<Record<ImportField, string>>>({});
  const { error, setError, run, busy, fileBase64, fileName, chosen, preview, setPreview, result, job, follow, cancel, importing } = useImportDialog<ImportPreview, ImportResult>(
    open,
    'customer-import',
    onImported,
    () => setMapping({}),
  );

  const check = (base64: string, given?: Partial<Record<ImportField, string>>) =>
    run(async () => {
      const p = await api.previewCustomerImport({ fileBase64: base64, mapping: given as Record<string, string> | undefined });
      setPreview(p);
      setMapping(p.mapping);
    });

  const step = result ? 2 : preview ? 1 : 0;
  const fieldLabel = (f: ImportField | null) => (f ? L.field[f] : '');

  return (
    // While the job runs the dialog stays open: its cancel is the way out.
    <Modal title={t('import.title')} open={open} onCancel={() => !importing && onClose()} closable={!importing} keyboard={!importing} width={900} footer={null} destroyOnHidden>
      <Steps current={step} size="small" style={{ marginBottom: 16 }} items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {result ? (
        <Result status="success" title={t('import.done', { imported: result.imported, updated: result.updated, files: result.files })} extra={<Button onClick={onClose}>{t('common.close')}</Button>} />
      ) : (
        <Flex vertical gap={12}>
          <WorkbookDrop
            fileName={fileName}
            disabled={importing}
            onChosen={(base64, name) => {
              chosen(base64, name);
              void check(base64);
            }}
          />
          {preview && fileBase64 && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('import.mapping')}
              </Typography.Title>
              <Form layout="vertical" size="small">
                <Row gutter={12}>
                  {importFields.map((field) => (
                    <Col span={6} key={field}>
                      <Form.Item label={L.field[field]} style={{ marginBottom: 6 }}>
                        <Select
                          allowClear
                          placeholder={t('import.notMapped')}
                          value={mapping[field]}
                          onChange={(header: string | undefined) => setMapping({ ...mapping, [field]: header })}
                          options={preview.headers.map((h) => ({ value: h, label: h }))}
                        />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Form>
              <Flex gap={8} align="center">
                <Button loading={busy} disabled={importing} onClick={() => void check(fileBase64, Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)))}>
                  {t('import.check')}
                </Button>
                <Typography.Text type="secondary">{t('import.rows', { count: preview.rowCount })}</Typography.Text>
              </Flex>
              {preview.ready ? (
                <Alert type="success" showIcon title={t('import.ready', { count: preview.rowCount, creates: preview.creates, updates: preview.updates, unchanged: preview.unchanged })} />
              ) : preview.issues.length === 0 ? (
                <Alert type="info" showIcon title={t('import.nothingToDo', { count: preview.rowCount })} />
              ) : (
                <Alert type="error" showIcon title={t('import.issues', { count: preview.issues.length })} />
              )}
              {preview.issues.length > 0 && <ImportIssuesTable<ImportIssue> testId="import-issues" issues={preview.issues} fieldLabel={fieldLabel} />}
              {job ? (
                <>
                  {importing && <Alert type="info" showIcon title={t('import.running')} />}
                  <JobProgressView job={job} onCancel={() => void run(cancel)} cancelledText={t('import.cancelled')} />
                </>
              ) : null}
              <Button
                type="primary"
                disabled={!preview.ready || importing}
                loading={busy || importing}
                onClick={() =>
                  void run(async () => {
                    const { jobId } = await api.startCustomerImport({ fileBase64, mapping: mapping as Record<string, string> });
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
