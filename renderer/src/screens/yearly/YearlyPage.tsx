import { App, Button, Card, Descriptions, Drawer, Flex, Form, Image, Input, InputNumber, List, Radio, Result, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BundleCheck, BundleProblem, BundleTenantIndex, BundleVerifyReport, OpenedBundle } from '../../../../shared/api';
import { type ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgressView, useJob } from '../../components/JobProgressView';
import { useAction } from '../../components/useAction';
import { toArchiveError } from '../../errors';
import { saveBase64 } from '../../files';
import { useT, type MessageKey } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';
import { DeskTable } from '../../components/DeskTable';
import { FolderInput } from '../../components/FolderInput';

type ExportForm = { year: number; building?: string; folder: string; confidential: 'include' | 'exclude' | 'encrypt'; password?: string; approvalId?: number };

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** 年度归档: the yearly departed-tenant bundle — check, export with progress, verify, open read-only. */
export function YearlyPage() {
  const t = useT();
  const { error, setError, run } = useAction();
  const { message } = App.useApp();
  const archiveDir = useSessionStore((s) => s.status?.archiveDir) ?? '';
  const [form] = Form.useForm<ExportForm>();
  const [check, setCheck] = useState<BundleCheck | null>(null);
  const { job, follow, cancel } = useJob();
  const result = job?.kind === 'bundle-export' ? job.result : undefined;
  const [opened, setOpened] = useState<{ bundle: OpenedBundle; password?: string } | null>(null);
  const [tab, setTab] = useState('export');

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
    <>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'export',
            label: t('bundle.tabExport'),
            children: (
              <Flex vertical gap={16}>
                <Typography.Paragraph type="secondary">{t('bundle.intro')}</Typography.Paragraph>
                <Form
                  form={form}
                  layout="inline"
                  initialValues={{ year: dayjs().year(), confidential: 'exclude', folder: archiveDir ? `${archiveDir}${archiveDir.includes('\\') ? '\\' : '/'}bundles` : '' }}
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
                                setOpened({ bundle: await api.openBundle({ path, password }), password });
                                setTab('open');
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
            ),
          },
          { key: 'open', label: t('bundle.tabOpen'), children: <BundleBrowser opened={opened} onOpen={(bundle, password) => setOpened({ bundle, password })} onError={setError} /> },
        ]}
      />
    </>
  );
}

function BundleBrowser({
  opened,
  onOpen,
  onError,
}: {
  opened: { bundle: OpenedBundle; password?: string } | null;
  onOpen: (b: OpenedBundle, password?: string) => void;
  onError: (e: ArchiveError) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ path: string; password?: string }>();
  const [report, setReport] = useState<BundleVerifyReport | null>(null);
  const [tenant, setTenant] = useState<BundleTenantIndex | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const bundle = opened?.bundle;
  const fetchFile = async (file: string) => {
    try {
      return await api.readBundleFile({ path: bundle!.path, file, password: opened?.password });
    } catch (e) {
      onError(toArchiveError(e));
      return null;
    }
  };
  return (
    <Flex vertical gap={12}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          void api.openBundle(v).then(
            (b) => {
              setReport(null);
              onOpen(b, v.password);
            },
            (e) => onError(toArchiveError(e)),
          )
        }
      >
        <Form.Item name="path" label={t('bundle.path')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 460 }} />
        </Form.Item>
        <Form.Item name="password" label={t('bundle.password')}>
          <Input.Password style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit">{t('bundle.open')}</Button>
      </Form>
      {bundle && (
        <>
          <Descriptions size="small" bordered column={3} data-testid="bundle-info">
            <Descriptions.Item label={t('bundle.year')}>{bundle.year}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.organisation')}>{bundle.organisation}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.exportedAt')}>{dayjs(bundle.exportedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.path')} span={3}>
              {bundle.path}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button onClick={() => void api.verifyBundle({ path: bundle.path, password: opened?.password }).then(setReport, (e) => onError(toArchiveError(e)))}>{t('bundle.verify')}</Button>
            {report &&
              (report.ok ? (
                <Tag color="green" data-testid="bundle-verify">
                  {t('bundle.verifyOk', { files: report.files })}
                </Tag>
              ) : (
                <Tag color="red" data-testid="bundle-verify">
                  {t('bundle.verifyFailed', { n: report.problems.length })}
                </Tag>
              ))}
          </Space>
          {report && !report.ok && <List size="small" dataSource={report.problems} renderItem={(p) => <List.Item>{`${p.kind}: ${p.path}`}</List.Item>} />}
          <DeskTable<BundleTenantIndex>
            data-testid="bundle-tenants"
            size="small"
            rowKey="folder"
            dataSource={bundle.tenants}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(r) => ({ onClick: () => setTenant(r), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('bundle.floor'), dataIndex: 'floor', width: 70 },
              { title: t('customers.refNo'), dataIndex: 'refNo', width: 230 },
              { title: t('customers.name'), dataIndex: 'name' },
              { title: t('customers.unit'), dataIndex: 'unit', width: 100 },
              { title: t('bundle.moveOut'), dataIndex: 'moveOutDate', width: 110 },
              { title: t('bundle.documents'), key: 'docs', width: 80, render: (_: unknown, r) => r.documents.length },
            ]}
          />
        </>
      )}
      <Drawer
        title={tenant ? `${tenant.refNo} ${tenant.name}` : ''}
        open={!!tenant}
        onClose={() => {
          setTenant(null);
          setImage(null);
        }}
        size="large"
      >
        {tenant && (
          <Flex vertical gap={12}>
            <Space wrap>
              {(['catalogue.pdf', 'registration.pdf', 'documents.csv', 'customer.json'] as const).map((name) => (
                <Button key={name} size="small" onClick={() => void fetchFile(`${tenant.folder}/${name}`).then((f) => f && saveBase64(f.dataBase64, f.mime, `${tenant.refNo}-${name}`))}>
                  {t(`bundle.file_${name.replace('.', '_')}` as MessageKey)}
                </Button>
              ))}
            </Space>
            <DeskTable
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={tenant.documents}
              columns={[
                { title: t('bundle.seq'), dataIndex: 'seq', width: 50 },
                { title: t('doc.title'), dataIndex: 'title' },
                { title: t('doc.date'), dataIndex: 'docDate', width: 110 },
                { title: t('doc.pages'), dataIndex: 'pages', width: 60 },
                {
                  title: t('bundle.scans'),
                  key: 'scans',
                  render: (_: unknown, d: BundleTenantIndex['documents'][number]) =>
                    d.scans.map((s) =>
                      s.path ? (
                        <Button
                          key={s.path}
                          size="small"
                          type="link"
                          onClick={() =>
                            void fetchFile(`${tenant.folder}/${s.path}`).then((f) => {
                              if (!f) return;
                              if (f.mime.startsWith('image/')) setImage(`data:${f.mime};base64,${f.dataBase64}`);
                              else saveBase64(f.dataBase64, f.mime, s.fileName);
                            })
                          }
                        >
                          {s.fileName}
                        </Button>
                      ) : (
                        <Tag key={s.fileName}>{t('bundle.withheld', { name: s.fileName })}</Tag>
                      ),
                    ),
                },
              ]}
            />
            {image && <Image src={image} alt="scan" data-testid="bundle-scan" />}
          </Flex>
        )}
      </Drawer>
    </Flex>
  );
}
