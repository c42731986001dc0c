import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Modal, Result, Row, Select, Steps, Typography, Upload } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { importFields, type ImportField, type ImportIssue, type ImportPreview, type ImportResult } from '../../../../shared/api';
import { JobProgressView, useJob } from '../../components/JobProgressView';
import { ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readAsBase64 } from '../../files';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { toArchiveError } from '../../errors';
import { DeskTable } from '../../components/DeskTable';

/**
 * Excel import in three steps: choose the workbook, map and check (a dry run), import all or
 * nothing as a background job with a progress bar and a cancel (a large sheet takes a minute).
 */
export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const L = useLabels();
  const [fileBase64, setFileBase64] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [mapping, setMapping] = useState<Partial<Record<ImportField, string>>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const { job, follow, cancel, clear } = useJob((ended) => {
    if (ended.kind === 'customer-import' && ended.result) {
      setResult(ended.result);
      onImported();
    }
  });
  const importing = job?.state === 'running';

  // Before paint, so the form is reset before anyone can type into it.
  useLayoutEffect(() => {
    if (open) {
      setFileBase64(null);
      setPreview(null);
      setResult(null);
      setError(null);
      setMapping({});
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
          <Upload.Dragger
            disabled={importing}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void (async () => {
                const base64 = await readAsBase64(file);
                setFileBase64(base64);
                setFileName(file.name);
                await check(base64);
              })();
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
              {preview.issues.length > 0 && (
                <DeskTable<ImportIssue>
                  data-testid="import-issues"
                  size="small"
                  rowKey={(i) => `${i.row}-${i.field}-${i.code}`}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  dataSource={preview.issues}
                  columns={[
                    { title: t('import.row'), dataIndex: 'row', width: 70 },
                    { title: t('import.field'), dataIndex: 'field', width: 140, render: fieldLabel },
                    { title: t('import.problem'), dataIndex: 'code', render: (c: ImportIssue['code']) => L.importIssue[c] },
                    { title: t('import.value'), dataIndex: 'value' },
                  ]}
                />
              )}
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
