import { App, Button, Card, Flex, Form, Input, InputNumber, Radio, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BundleCheck, BundleProblem, OpenedBundle } from '../../../../shared/api';
import { localDate } from '../../../../shared/dates';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { FolderInput } from '../../components/FolderInput';
import { JobProgressView, useJob } from '../../components/JobProgressView';
import { useT, type MessageKey } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';

type ExportForm = { year: number; building?: string; folder: string; confidential: 'include' | 'exclude' | 'encrypt'; password?: string; approvalId?: number };

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The year's check (what would stop the bundle), the export with its progress, and the bundle made, ready to open. */
export function BundleExportTab({ run, onOpened }: { run: (action: () => Promise<unknown>) => Promise<boolean>; onOpened: (bundle: OpenedBundle, password?: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const archiveDir = useSessionStore((s) => s.status?.archiveDir) ?? '';
  const [form] = Form.useForm<ExportForm>();
  const [check, setCheck] = useState<BundleCheck | null>(null);
  const { job, follow, cancel } = useJob();
  const result = job?.kind === 'bundle-export' ? job.result : undefined;
  const confidential = Form.useWatch('confidential', form);

  const start = (v: ExportForm) =>
    run(async () => {
      const { jobId } = await api.startBundleExport(v);
      await follow(jobId);
    });

  const problemColumns = [
    { title: t('bundle.problem'), dataIndex: 'kind', width: 200, render: (k: BundleProblem['kind']) => <Tag color="orange">{t(`bundle.problem_${k}` as MessageKey)}</Tag> },
    { title: t('customers.refNo'), dataIndex: 'refNo', width: 220 },
    { title: t('customers.name'), dataIndex: 'name' },
    { title: t('inspect.detail'), dataIndex: 'detail' },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary">{t('bundle.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: Number(localDate(new Date()).slice(0, 4)), confidential: 'exclude', folder: archiveDir ? `${archiveDir}${archiveDir.includes('\\') ? '\\' : '/'}bundles` : '' }}
        onFinish={(v) => void start(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="year" label={t('bundle.year')} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
        <Form.Item name="building" label={t('bundle.building')}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="folder" label={t('bundle.folder')} rules={[{ required: true, whitespace: true }]} extra={t('bundle.folderHint')} style={{ maxWidth: 560 }}>
          <FolderInput ariaLabel={t('bundle.folder')} />
        </Form.Item>
        <Form.Item name="confidential" label={t('bundle.confidential')}>
          <Radio.Group options={(['exclude', 'include', 'encrypt'] as const).map((value) => ({ value, label: t(`bundle.confidential_${value}` as MessageKey) }))} />
        </Form.Item>
        {confidential === 'encrypt' && (
          <Form.Item name="password" label={t('bundle.password')} rules={[{ required: true, min: 12 }]} extra={t('bundle.passwordHint')}>
            <Input.Password style={{ width: 240 }} autoComplete="new-password" />
          </Form.Item>
        )}
        {confidential !== 'exclude' && (
          <Form.Item name="approvalId" label={t('bundle.approvalId')} extra={t('bundle.approvalHint')}>
            <InputNumber min={1} />
          </Form.Item>
        )}
      </Form>
      <Space>
        <Button onClick={() => void run(async () => setCheck(await api.checkBundle({ year: form.getFieldValue('year'), building: form.getFieldValue('building') || undefined })))}>
          {t('bundle.check')}
        </Button>
        {confidential !== 'exclude' && (
          <Button
            onClick={() =>
              void run(async () => {
                const approval = await api.requestBundleApproval({ year: form.getFieldValue('year'), reason: t('bundle.approvalReason') });
                form.setFieldsValue({ approvalId: approval.id });
                message.success(t('bundle.approvalAsked', { id: approval.id }));
              })
            }
          >
            {t('bundle.askApproval')}
          </Button>
        )}
        <Button type="primary" disabled={job?.state === 'running'} onClick={() => form.submit()}>
          {t('bundle.export')}
        </Button>
      </Space>
      {check && (
        <Card size="small" title={t('bundle.checkResult', { tenants: check.tenants, problems: check.problems.length })} data-testid="bundle-check">
          <DeskTable<BundleProblem> size="small" rowKey={(p) => `${p.kind}-${p.fileId}-${p.detail ?? ''}`} pagination={false} dataSource={check.problems} columns={problemColumns} />
        </Card>
      )}
      {job && (
        <Card size="small" title={t('bundle.progress')} data-testid="bundle-job">
          <JobProgressView job={job} onCancel={() => void run(cancel)} cancelledText={t('bundle.cancelled')} />
          {result && (
            <Result
              status="success"
              title={t('bundle.done')}
              subTitle={t('bundle.doneDetail', { tenants: result.tenants, documents: result.documents, scans: result.scans, size: megabytes(result.bytes) })}
              extra={[
                <Typography.Paragraph key="path" copyable data-testid="bundle-path">
                  {result.folder ?? result.zip}
                </Typography.Paragraph>,
                <Button
                  key="open"
                  type="primary"
                  onClick={() =>
                    void run(async () => {
                      const path = result.folder ?? result.zip;
                      const password = form.getFieldValue('password') as string | undefined;
                      onOpened(await api.openBundle({ path, password }), password);
                    })
                  }
                >
                  {t('bundle.open')}
                </Button>,
              ]}
            />
          )}
          {result && result.problems.length > 0 && (
            <DeskTable<BundleProblem> size="small" rowKey={(p) => `${p.kind}-${p.fileId}-${p.detail ?? ''}`} pagination={false} dataSource={result.problems} columns={problemColumns} />
          )}
        </Card>
      )}
    </Flex>
  );
}
