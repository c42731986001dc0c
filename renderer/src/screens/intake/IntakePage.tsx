import { DeleteOutlined, EyeOutlined, FolderAddOutlined, InboxOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { ReceivedScan, ScanIntakeStatus, WaitingScan } from '../../../../shared/api';
import { localDateTime } from '../../../../shared/dates';
import { errorMessage } from '../../../../shared/labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { ScanViewer, type ViewedScan } from '../../components/ScanViewer';
import { useApi } from '../../components/useApi';
import { readAsBase64 } from '../../files';
import { useLocaleStore, useT } from '../../i18n';
import { useLabels } from '../../labels';
import { ReasonModal } from '../customers/ReasonModal';
import { FileWaitingScanModal } from './FileWaitingScanModal';

/** How often the screen asks how the intake stands while it is open. */
const POLL_MS = 1500;

const loadWaiting = async (id: number): Promise<ViewedScan> => {
  const { pages, ...data } = await api.getWaitingScan({ partId: id });
  return { data, text: { state: 'read', pages } };
};

/**
 * 扫描入库: a stack scanned in one go. Files come from the scan folder (设置) or are dropped here;
 * each is split at its cover sheets into the files they name. What no sheet placed waits below
 * (待归档扫描件) until the clerk files it.
 */
export function IntakePage() {
  const t = useT();
  const L = useLabels();
  const locale = useLocaleStore((s) => s.locale);
  const { message } = App.useApp();
  const status = useApi(() => api.scanIntakeStatus(), [], null as ScanIntakeStatus | null);
  const waiting = useApi(() => api.listWaitingScans(), [], [] as WaitingScan[]);
  const [sent, setSent] = useState<ReceivedScan[]>([]);
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null);
  const [viewing, setViewing] = useState<WaitingScan | null>(null);
  const [filing, setFiling] = useState<WaitingScan | null>(null);
  const [discarding, setDiscarding] = useState<WaitingScan | null>(null);
  const [cover, setCover] = useState<FormRequest | null>(null);
  const s = status.data;
  const partsWaiting = s?.partsWaiting ?? 0;

  const reloadStatus = status.reload;
  const reloadWaiting = waiting.reload;
  useEffect(() => {
    const timer = setInterval(reloadStatus, POLL_MS);
    return () => clearInterval(timer);
  }, [reloadStatus]);
  // New parts appear when a file has been split: the list follows the count and the newest file's state.
  const newest = s?.recent[0] ? `${s.recent[0].id}:${s.recent[0].state}` : '';
  useEffect(() => reloadWaiting(), [partsWaiting, newest, reloadWaiting]);

  /** Files dropped or picked: sent one at a time (a batch can be large), each said what became of it. */
  const send = async (files: File[]) => {
    const out: ReceivedScan[] = [];
    setSending({ done: 0, total: files.length });
    for (const [i, file] of files.entries()) {
      try {
        out.push(...(await api.receiveScans({ files: [{ fileName: file.name, dataBase64: await readAsBase64(file) }] })));
      } catch (e) {
        const error = e as { code?: string; details?: Record<string, unknown> };
        out.push({ fileName: file.name, outcome: 'refused', error: { code: (error.code ?? 'INTERNAL') as never, details: error.details } });
      }
      setSending({ done: i + 1, total: files.length });
    }
    setSending(null);
    setSent(out);
    status.reload();
  };

  const outcomeText = (r: ReceivedScan) =>
    r.outcome === 'received'
      ? t('intake.received', { name: r.fileName, pages: r.pages ?? 0 })
      : r.outcome === 'duplicate'
        ? t('intake.duplicate', { name: r.fileName })
        : errorMessage(r.error!.code, locale, r.error!.details);

  const summaryText = (r: ScanIntakeStatus['recent'][number]) => {
    if (r.state === 'waiting') return t('intake.state.waiting');
    if (r.state === 'unreadable') return t('intake.state.unreadable');
    const m = r.summary!;
    return [
      m.documents ? t('intake.sum.documents', { n: m.documents }) : '',
      m.scans ? t('intake.sum.scans', { n: m.scans }) : '',
      m.waiting ? t('intake.sum.waiting', { n: m.waiting }) : '',
      m.blank ? t('intake.sum.blank', { n: m.blank }) : '',
    ]
      .filter(Boolean)
      .join(t('intake.sum.sep'));
  };

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={status.error ?? waiting.error} onClose={() => (status.clearError(), waiting.clearError())} />
      <Flex gap={12} align="stretch">
        <Card size="small" style={{ flex: 1 }} title={t('intake.folder')}>
          <Flex vertical gap={6}>
            {s?.folder ? (
              <Typography.Text data-testid="scan-folder">
                <FolderAddOutlined /> {s.folder}{' '}
                {s.watching ? <Tag color="green">{t('intake.watching')}</Tag> : s.folderProblem ? <Tag color="red">{t('intake.folderProblem')}</Tag> : <Tag>{t('intake.notWatching')}</Tag>}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('intake.noFolder')}</Typography.Text>
            )}
            <div data-testid="intake-progress">
              {s?.current ? (
                <>
                  <Typography.Text>{t('intake.current', { name: s.current.fileName, page: s.current.page, pages: s.current.pages })}</Typography.Text>
                  <Progress percent={s.current.pages ? Math.round((s.current.page / s.current.pages) * 100) : 0} size="small" />
                </>
              ) : (
                <Typography.Text type="secondary">{s?.filesWaiting ? t('intake.queued', { n: s.filesWaiting }) : t('intake.idle')}</Typography.Text>
              )}
              {s?.current && s.filesWaiting > 1 && <Typography.Text type="secondary">{t('intake.queuedMore', { n: s.filesWaiting - 1 })}</Typography.Text>}
            </div>
            <Space>
              <Button icon={<PrinterOutlined />} onClick={() => setCover({ formId: 'scan-cover', blank: true, params: {} })}>
                {t('intake.blankCover')}
              </Button>
            </Space>
          </Flex>
        </Card>
        <div style={{ width: 420 }}>
          <Upload.Dragger
            multiple
            showUploadList={false}
            accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff"
            disabled={!!sending}
            beforeUpload={(file, list) => {
              // One call for the whole drop: antd calls this once per file, with the list each time.
              if (file === list[0]) void send(list as unknown as File[]);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{sending ? t('intake.sending', { done: sending.done, total: sending.total }) : t('intake.drop')}</p>
            <p className="ant-upload-hint">{t('intake.dropHint')}</p>
          </Upload.Dragger>
        </div>
      </Flex>
      {sent.length > 0 && (
        <Alert
          data-testid="intake-sent"
          closable={{ onClose: () => setSent([]) }}
          type={sent.some((r) => r.outcome === 'refused') ? 'warning' : 'success'}
          showIcon
          title={
            <Flex vertical>
              {sent.map((r, i) => (
                <span key={i}>{outcomeText(r)}</span>
              ))}
            </Flex>
          }
        />
      )}
      {s && s.refused.length > 0 && (
        <Alert
          data-testid="intake-refused"
          type="warning"
          showIcon
          title={t('intake.refusedTitle')}
          description={
            <Flex vertical>
              {s.refused.map((r) => (
                <span key={r.fileName}>{errorMessage(r.error.code, locale, r.error.details)}</span>
              ))}
            </Flex>
          }
        />
      )}
      <Card size="small" title={t('intake.waitingTitle', { n: waiting.data.length })}>
        <Table<WaitingScan>
          data-testid="waiting-scans"
          size="small"
          rowKey="id"
          dataSource={waiting.data}
          loading={waiting.loading && waiting.data.length === 0}
          pagination={waiting.data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: t('intake.waitingNone') }}
          columns={[
            {
              title: t('intake.col.source'),
              render: (_v, w) => (
                <Flex vertical>
                  <span>{w.sourceName}</span>
                  <Typography.Text type="secondary">{t('intake.pagesOf', { pages: w.pages, list: w.sourcePages.join('、') })}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('intake.col.why'),
              width: 240,
              render: (_v, w) => (
                <Flex vertical>
                  <span>{L.intakeWaitReason[w.reason]}</span>
                  {w.hintFile && <Typography.Text type="secondary">{`${w.hintFile.refNo} ${w.hintFile.customerName}`}</Typography.Text>}
                  {w.hintBoxCode && <Typography.Text type="secondary">{t('intake.box', { code: w.hintBoxCode })}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: t('intake.col.read'),
              render: (_v, w) => (
                <Flex vertical>
                  {w.title && <span>{w.title}</span>}
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                    {w.excerpt}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('intake.col.received'), width: 130, render: (_v, w) => localDateTime(w.receivedAt) },
            {
              title: '',
              width: 220,
              render: (_v, w) => (
                <Space size={4}>
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(w)}>
                    {t('intake.view')}
                  </Button>
                  <Button size="small" type="primary" onClick={() => setFiling(w)}>
                    {t('intake.file')}
                  </Button>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('intake.discard')} onClick={() => setDiscarding(w)} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('intake.recentTitle')}>
        <Table
          data-testid="intake-recent"
          size="small"
          rowKey="id"
          dataSource={s?.recent ?? []}
          pagination={false}
          locale={{ emptyText: t('intake.recentNone') }}
          columns={[
            { title: t('intake.col.file'), dataIndex: 'fileName', ellipsis: true },
            { title: t('intake.col.from'), width: 110, render: (_v, r) => (r.origin === 'folder' ? t('intake.fromFolder') : t('intake.fromDesk')) },
            { title: t('intake.col.pages'), width: 60, dataIndex: 'pages' },
            { title: t('intake.col.result'), render: (_v, r) => summaryText(r) },
            { title: t('intake.col.received'), width: 130, render: (_v, r) => localDateTime(r.receivedAt) },
            { title: t('intake.col.by'), width: 90, dataIndex: 'receivedBy' },
          ]}
        />
      </Card>
      <ScanViewer scan={viewing && { id: viewing.id, fileName: viewing.fileName }} load={loadWaiting} onClose={() => setViewing(null)} />
      <FileWaitingScanModal
        scan={filing}
        onClose={() => setFiling(null)}
        onFiled={() => {
          setFiling(null);
          message.success(t('intake.filed'));
          waiting.reload();
          status.reload();
        }}
      />
      <ReasonModal
        open={!!discarding}
        title={t('intake.discardTitle', { name: discarding?.fileName ?? '' })}
        label={t('intake.discardReason')}
        onClose={() => setDiscarding(null)}
        run={async (reason) => {
          await api.discardWaitingScan({ partId: discarding!.id, reason });
          waiting.reload();
          status.reload();
        }}
      />
      <FormPreview request={cover} onClose={() => setCover(null)} />
    </Flex>
  );
}
