import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ClassificationChange, DocumentRow, ScanInfo } from '../../../../shared/api';
import { api } from '../../api';
import { ScanViewer } from '../../components/ScanViewer';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../labels';
import { useCustomersStore } from '../../stores/customers-store';
import { useFileStore } from '../../stores/file-store';
import { useSessionStore } from '../../stores/session-store';
import { roleMay } from '../../../../shared/permissions';
import { useMayCall } from '../../components/useMayCall';
import { ClassifyModal } from './ClassifyModal';
import { CustomerTab } from './CustomerTab';
import { DocumentsTab, type DocumentRequest } from './DocumentsTab';
import { CustomerFormDrawer } from './CustomerFormDrawer';
import { DocumentModal } from './DocumentModal';
import { FileFacts } from './FileFacts';
import { FileRecordsTab } from '../records/FileRecordsTab';
import { FileLocationTab } from './FileLocationTab';
import { FileDutiesTab } from './FileDutiesTab';
import { ReasonModal } from './ReasonModal';
import { CloseCustomerModal } from './CloseCustomerModal';
import { localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';

type Dialog = null | 'addDocument' | 'edit' | 'classify' | 'reopen' | 'correctRef' | 'hold' | 'confidentiality' | 'clearFlag' | 'closeCustomer' | 'reopenCustomer' | 'resubmitReview';

/** One customer file: its documents newest first, its catalogue, the customer and its history. */
export function FileDrawer() {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const { openFileId, openFile, load: reloadList } = useCustomersStore();
  const { file, customer, categories, category, loading, load, reload, loadCategories, clear } = useFileStore();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<DocumentRow | null>(null);
  const [asking, setAsking] = useState<DocumentRequest | null>(null);
  const [lowering, setLowering] = useState<DocumentRow | null>(null);
  const session = useSessionStore((s) => s.status?.session);
  const canManage = !!session && roleMay(session.role, 'files.manage');
  const mayReopen = useMayCall('reopenFile');
  const mayAddDocument = useMayCall('addDocument');

  useEffect(() => {
    if (openFileId) {
      void loadCategories();
      void load(openFileId);
    } else clear();
  }, [openFileId, load, loadCategories, clear]);

  const afterChange = async () => {
    setDialog(null);
    setEditing(null);
    await reload();
    await reloadList();
  };

  const [viewing, setViewing] = useState<ScanInfo | null>(null);

  const active = file?.status === 'active';
  return (
    <Drawer
      open={openFileId !== null}
      onClose={() => openFile(null)}
      size="large"
      styles={{ wrapper: { width: 1000 } }}
      loading={loading && !file}
      title={
        file && (
          <Space wrap>
            <Typography.Text code data-testid="file-ref">
              {file.refNo}
            </Typography.Text>
            <span>{file.customer.name}</span>
            {file.unit && <Tag>{file.unit}</Tag>}
            <Tag color={active ? 'green' : 'default'}>{L.fileStatus[file.status]}</Tag>
          </Space>
        )
      }
      extra={
        file && (
          <Space>
            {active && mayAddDocument && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('addDocument')}>
                {t('file.addDocument')}
              </Button>
            )}
            {file.status === 'departed' && mayReopen && <Button onClick={() => setDialog('reopen')}>{t('file.reopen')}</Button>}
          </Space>
        )
      }
    >
      {file && customer && (
        <Flex vertical gap={12}>
          <FileFacts file={file} onClearFlag={() => setDialog('clearFlag')} />
          <Tabs
            items={[
              {
                key: 'documents',
                label: `${t('file.documents')} (${file.catalogue.length})`,
                children: (
                  <DocumentsTab
                    file={file}
                    categories={categories}
                    category={category}
                    onCategory={(v) => void load(file.id, v)}
                    onEdit={setEditing}
                    onAsk={setAsking}
                    onLower={setLowering}
                    onOpenScan={setViewing}
                  />
                ),
              },
              {
                key: 'catalogue',
                label: t('file.catalogue'),
                children: (
                  <DeskTable
                    size="small"
                    rowKey="seq"
                    pagination={false}
                    dataSource={file.catalogue}
                    columns={[
                      { title: t('doc.seq'), dataIndex: 'seq', width: 60 },
                      { title: t('doc.date'), dataIndex: 'docDate', width: 110 },
                      { title: t('doc.title'), dataIndex: 'title' },
                      { title: t('doc.pages'), dataIndex: 'pages', width: 60 },
                      { title: t('doc.remarks'), dataIndex: 'remarks' },
                    ]}
                  />
                ),
              },
              {
                key: 'records',
                label: t('rec.tab'),
                children: <FileRecordsTab fileId={file.id} fileLabel={[file.refNo, customer.name, file.unit].filter(Boolean).join(' ')} active={file.status !== 'destroyed'} />,
              },
              {
                key: 'duties',
                label: t('duties.tab'),
                children: <FileDutiesTab fileId={file.id} categories={categories} changed={file} />,
              },
              {
                key: 'customer',
                label: t('file.customer'),
                children: <CustomerTab file={file} customer={customer} canManage={canManage} onAction={setDialog} />,
              },
              {
                key: 'location',
                label: t('loc.location'),
                children: <FileLocationTab fileId={file.id} />,
              },
              {
                key: 'history',
                label: t('file.history'),
                children: (
                  <DeskTable<ClassificationChange>
                    size="small"
                    rowKey={(r) => `${r.at}${r.field}`}
                    pagination={false}
                    dataSource={customer.classificationHistory}
                    columns={[
                      { title: t('history.at'), dataIndex: 'at', width: 170, render: (v: string) => localDateTime(v) },
                      { title: t('history.field'), dataIndex: 'field', width: 120, render: (v: ClassificationChange['field']) => t(`history.${v}` as MessageKey) },
                      { title: t('history.from'), dataIndex: 'from' },
                      { title: t('history.to'), dataIndex: 'to' },
                      { title: t('history.by'), dataIndex: 'accountName', width: 90 },
                      { title: t('history.reason'), dataIndex: 'reason' },
                    ]}
                  />
                ),
              },
            ]}
          />
          <DocumentModal
            open={dialog === 'addDocument' || editing !== null}
            fileId={file.id}
            document={editing}
            categories={categories}
            onClose={() => {
              setDialog(null);
              setEditing(null);
            }}
            onSaved={() => void afterChange()}
          />
          <CustomerFormDrawer open={dialog === 'edit'} customer={customer} onClose={() => setDialog(null)} onSaved={() => void afterChange()} />
          <ClassifyModal open={dialog === 'classify'} customer={customer} onClose={() => setDialog(null)} onSaved={() => void afterChange()} />
          <CloseCustomerModal open={dialog === 'closeCustomer'} customer={customer} onClose={() => setDialog(null)} onSaved={afterChange} />
          <ReasonModal
            open={dialog === 'reopenCustomer'}
            title={t('customer.reopen')}
            label={t('customer.reopenReason')}
            onClose={() => setDialog(null)}
            run={async (reason) => {
              await api.reopenCustomer({ customerId: customer.id, reason });
              await afterChange();
            }}
          />
          <ReasonModal
            open={dialog === 'resubmitReview'}
            title={t('review.resubmit')}
            label={t('review.resubmitNote')}
            onClose={() => setDialog(null)}
            run={async (note) => {
              await api.resubmitFileReview({ customerId: customer.id, note });
              await afterChange();
            }}
          />
          <ReasonModal
            open={dialog === 'reopen'}
            title={t('file.reopen')}
            label={t('file.reopenReason')}
            onClose={() => setDialog(null)}
            run={async (reason) => {
              await api.reopenFile({ fileId: file.id, reason });
              await afterChange();
            }}
          />
          <ReasonModal
            open={asking !== null}
            title={asking ? t(asking.kind === 'view_confidential' ? 'approvals.requestView' : asking.kind === 'declassify' ? 'approvals.requestDeclassify' : 'approvals.requestEdit') : ''}
            label={t('approvals.requestReason')}
            onClose={() => setAsking(null)}
            run={async (reason) => {
              await api.requestApproval({ kind: asking!.kind, documentId: asking!.doc.id, reason });
              message.success(t('approvals.requested'));
            }}
          />
          <ReasonModal
            open={lowering !== null}
            title={t('doc.declassify')}
            label={t('file.reason')}
            onClose={() => setLowering(null)}
            run={async (reason) => {
              await api.setDocumentConfidentiality({ documentId: lowering!.id, confidentiality: 'ordinary', reason });
              setLowering(null);
              await afterChange();
            }}
          />
          <ReasonModal
            open={dialog === 'hold'}
            title={file.legalHold ? t('file.liftHold') : t('file.setHold')}
            label={t('file.reason')}
            onClose={() => setDialog(null)}
            run={async (reason) => {
              await api.setLegalHold({ fileId: file.id, hold: !file.legalHold, reason });
              await afterChange();
            }}
          />
          <ReasonModal
            open={dialog === 'confidentiality'}
            title={`${t('file.setConfidentiality')}：${L.confidentiality[file.confidentiality === 'confidential' ? 'ordinary' : 'confidential']}`}
            label={t('file.reason')}
            onClose={() => setDialog(null)}
            run={async (reason) => {
              await api.setFileConfidentiality({ fileId: file.id, confidentiality: file.confidentiality === 'confidential' ? 'ordinary' : 'confidential', reason });
              await afterChange();
            }}
          />
          <ReasonModal
            open={dialog === 'clearFlag'}
            title={t('file.clearFlag')}
            label={t('file.clearFlagReason')}
            onClose={() => setDialog(null)}
            run={async (reason) => {
              await api.clearFileFlag({ fileId: file.id, reason });
              await reload();
            }}
          />
          <ReasonModal
            open={dialog === 'correctRef'}
            title={t('file.correctRef')}
            label={t('file.correctRefReason')}
            onClose={() => setDialog(null)}
            run={async (reason) => {
              await api.correctFileRef({ fileId: file.id, reason });
              await afterChange();
            }}
          />
        </Flex>
      )}
      <ScanViewer scan={viewing} onClose={() => setViewing(null)} />
    </Drawer>
  );
}
