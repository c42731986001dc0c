import { EditOutlined, FileImageOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ClassificationChange, Contact, DocumentRevision, DocumentRow, ScanInfo } from '../../../../shared/api';
import { api } from '../../api';
import { ScanViewer } from '../../components/ScanViewer';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../labels';
import { useCustomersStore } from '../../stores/customers-store';
import { useFileStore } from '../../stores/file-store';
import { useSessionStore } from '../../stores/session-store';
import { roleMay } from '../../../../shared/permissions';
import { useMayCall } from '../../components/useMayCall';
import { approverRank } from '../../../../shared/domain';
import { ClassifyModal } from './ClassifyModal';
import { CustomerFormDrawer } from './CustomerFormDrawer';
import { DocumentModal } from './DocumentModal';
import { FileLocationTab } from './FileLocationTab';
import { ReasonModal } from './ReasonModal';
import { localDate, localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';

type Dialog = null | 'addDocument' | 'edit' | 'classify' | 'reopen' | 'correctRef' | 'hold' | 'confidentiality' | 'clearFlag';

/** One customer file: its documents newest first, its catalogue, the customer and its history. */
export function FileDrawer() {
  const t = useT();
  const L = useLabels();
  const { message, modal } = App.useApp();
  const { openFileId, openFile, load: reloadList } = useCustomersStore();
  const { file, customer, categories, category, loading, load, reload, loadCategories, clear } = useFileStore();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<DocumentRow | null>(null);
  const [asking, setAsking] = useState<{ kind: 'edit_original' | 'view_confidential' | 'declassify'; doc: DocumentRow } | null>(null);
  const [lowering, setLowering] = useState<DocumentRow | null>(null);
  const session = useSessionStore((s) => s.status?.session);
  const canManage = !!session && roleMay(session.role, 'files.manage');
  const mayReopen = useMayCall('reopenFile');
  const mayAddDocument = useMayCall('addDocument');
  const isApprover = !!session && approverRank[session.role] > 0;

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

  const categoryLabel = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? (L.locale === 'zh-CN' ? c.labelZh : c.labelEn) : code;
  };

  const [viewing, setViewing] = useState<ScanInfo | null>(null);
  const openScan = (scan: ScanInfo) => setViewing(scan);

  const showRevisions = async (doc: DocumentRow) => {
    const revisions = await api.listDocumentRevisions({ documentId: doc.id });
    modal.info({
      title: `${t('doc.revisions')}：${doc.title}`,
      width: 720,
      content: (
        <DeskTable<DocumentRevision>
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={revisions}
          columns={[
            { title: t('doc.version'), dataIndex: 'version', width: 60 },
            { title: t('history.at'), dataIndex: 'at', render: (v: string) => localDateTime(v) },
            { title: t('history.by'), dataIndex: 'accountName' },
            { title: t('history.reason'), dataIndex: 'reason' },
            { title: t('doc.title'), render: (_: unknown, r) => `${r.restricted ? t('doc.restricted') : r.before.title}（${r.before.docDate}，${r.before.pages}）` },
          ]}
        />
      ),
    });
  };

  const active = file?.status === 'active';
  const contactRows = (contacts: Contact[]) => (
    <DeskTable<Contact>
      size="small"
      pagination={false}
      rowKey={(c) => `${c.name}${c.phone ?? ''}`}
      dataSource={contacts}
      columns={[
        { title: t('form.contactName'), dataIndex: 'name' },
        { title: t('form.contactTitle'), dataIndex: 'title' },
        { title: t('form.contactPhone'), dataIndex: 'phone' },
      ]}
    />
  );

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
          {file.labelOutOfDate && <Alert type="warning" showIcon title={t('file.labelWarning', { label: file.labelName })} />}
          {file.flag && (
            <Alert
              type="warning"
              showIcon
              data-testid="file-flag"
              title={`${t('file.flag')}：${file.flag.note}`}
              action={
                <Button size="small" onClick={() => setDialog('clearFlag')}>
                  {t('file.clearFlag')}
                </Button>
              }
            />
          )}
          {file.status === 'departed' && <Alert type="info" showIcon title={t('file.closed', { date: localDate(file.closedAt ?? '') })} />}
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('file.retention')}>
              {L.retention[file.retention]}（{L.retentionEvent[file.retentionEvent]}）
            </Descriptions.Item>
            <Descriptions.Item label={t('file.retentionDue')}>{file.retention === 'permanent' ? '—' : (file.retentionDueDate ?? t('file.retentionPending'))}</Descriptions.Item>
            <Descriptions.Item label={t('customers.location')}>{[file.customer.building, file.customer.floor].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('file.confidentiality')}>{L.confidentiality[file.confidentiality]}</Descriptions.Item>
            <Descriptions.Item label={t('file.legalHold')} span={2}>
              {file.legalHold ? <Tag color="purple">{file.legalHoldReason}</Tag> : '—'}
            </Descriptions.Item>
            {file.aliases.length > 0 && (
              <Descriptions.Item label={t('file.aliases')} span={3}>
                {file.aliases.map((a) => (
                  <Tag key={a.refNo}>
                    {a.refNo}（{a.reason}）
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'documents',
                label: `${t('file.documents')} (${file.catalogue.length})`,
                children: (
                  <Flex vertical gap={8}>
                    <Select
                      allowClear
                      placeholder={t('file.allCategories')}
                      style={{ width: 260 }}
                      value={category}
                      onChange={(v: string | undefined) => void load(file.id, v)}
                      options={categories.map((c) => ({ value: c.code, label: L.locale === 'zh-CN' ? c.labelZh : c.labelEn }))}
                      aria-label={t('file.allCategories')}
                    />
                    <DeskTable<DocumentRow>
                      data-testid="documents-table"
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={file.documents}
                      locale={{ emptyText: <Empty description={t('file.noDocuments')} /> }}
                      columns={[
                        { title: t('doc.date'), dataIndex: 'docDate', width: 110 },
                        { title: t('doc.category'), dataIndex: 'category', width: 170, render: categoryLabel },
                        {
                          title: t('doc.title'),
                          dataIndex: 'title',
                          render: (v: string, r) => (
                            <Space size={4} wrap>
                              {r.restricted ? (
                                <>
                                  <Tag color="red">{t('doc.restricted')}</Tag>
                                  <Button size="small" type="link" onClick={() => setAsking({ kind: 'view_confidential', doc: r })}>
                                    {t('approvals.requestView')}
                                  </Button>
                                </>
                              ) : (
                                <span>{v}</span>
                              )}
                              {r.version > 1 && (
                                <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => void showRevisions(r)}>
                                  v{r.version}
                                </Tag>
                              )}
                              {r.confidentiality !== 'ordinary' && <Tag color="red">{L.confidentiality[r.confidentiality]}</Tag>}
                              {r.confidentiality === 'confidential' &&
                                active &&
                                (session?.role === 'general_manager' ? (
                                  <Button size="small" type="link" onClick={() => setLowering(r)}>
                                    {t('doc.declassify')}
                                  </Button>
                                ) : (
                                  canManage && (
                                    <Button size="small" type="link" onClick={() => setAsking({ kind: 'declassify', doc: r })}>
                                      {t('approvals.requestDeclassify')}
                                    </Button>
                                  )
                                ))}
                            </Space>
                          ),
                        },
                        { title: t('doc.pages'), dataIndex: 'pages', width: 60 },
                        { title: t('doc.originalOrCopy'), dataIndex: 'isOriginal', width: 90, render: (v: boolean) => (v ? t('doc.original') : t('doc.copy')) },
                        {
                          title: t('doc.scans'),
                          dataIndex: 'scans',
                          width: 170,
                          render: (scans: ScanInfo[]) => (
                            <Space size={4} wrap>
                              {scans.map((s) => (
                                <Button
                                  key={s.id}
                                  size="small"
                                  type="link"
                                  icon={s.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
                                  onClick={() => openScan(s)}
                                  title={`SHA-256 ${s.sha256}`}
                                >
                                  {s.fileName}
                                </Button>
                              ))}
                            </Space>
                          ),
                        },
                        {
                          key: 'actions',
                          width: 120,
                          render: (_: unknown, r) =>
                            active &&
                            !r.restricted && (
                              <Space size={2} direction="vertical">
                                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`${t('doc.edit')} ${r.title}`}>
                                  {r.isOriginal ? t('doc.correct') : t('doc.edit')}
                                </Button>
                                {r.isOriginal && !isApprover && (
                                  <Button size="small" type="link" onClick={() => setAsking({ kind: 'edit_original', doc: r })}>
                                    {t('approvals.requestEdit')}
                                  </Button>
                                )}
                              </Space>
                            ),
                        },
                      ]}
                    />
                  </Flex>
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
                key: 'customer',
                label: t('file.customer'),
                children: (
                  <Flex vertical gap={12}>
                    <Space>
                      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                        {t('file.edit')}
                      </Button>
                      <Button onClick={() => setDialog('classify')}>{t('file.classify')}</Button>
                      <Button onClick={() => setDialog('correctRef')}>{t('file.correctRef')}</Button>
                      {canManage && <Button onClick={() => setDialog('confidentiality')}>{t('file.setConfidentiality')}</Button>}
                      {canManage && <Button onClick={() => setDialog('hold')}>{file.legalHold ? t('file.liftHold') : t('file.setHold')}</Button>}
                    </Space>
                    <Descriptions size="small" column={2} bordered>
                      <Descriptions.Item label={L.field.kind}>{L.kind[customer.kind]}</Descriptions.Item>
                      <Descriptions.Item label={L.field.classification}>
                        {L.classification[customer.classification]}
                        {customer.valueGrade && ` · ${L.valueGrade[customer.valueGrade]}`}
                        {customer.specialTags.map((tag) => (
                          <Tag key={tag} style={{ marginInlineStart: 6 }}>
                            {tag}
                          </Tag>
                        ))}
                        {customer.blacklisted && (
                          <Tag color="red">
                            {t('customers.blacklisted')}：{customer.blacklistReason}
                          </Tag>
                        )}
                      </Descriptions.Item>
                      <Descriptions.Item label={L.field.phone}>{customer.phone}</Descriptions.Item>
                      <Descriptions.Item label={L.field.fax}>{customer.fax}</Descriptions.Item>
                      <Descriptions.Item label={L.field.address} span={2}>
                        {customer.address}
                      </Descriptions.Item>
                      <Descriptions.Item label={L.field.units}>{customer.units.join('、')}</Descriptions.Item>
                      <Descriptions.Item label={`${L.field.moveInDate} / ${L.field.moveOutDate}`}>
                        {customer.moveInDate ?? '—'} / {customer.moveOutDate ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={L.field.legalRepresentative}>{customer.legalRepresentative}</Descriptions.Item>
                      <Descriptions.Item label={t('classify.lastReviewed')}>{customer.lastReviewedAt ? localDate(customer.lastReviewedAt) : '—'}</Descriptions.Item>
                      <Descriptions.Item label={L.field.notes} span={2}>
                        {customer.notes}
                      </Descriptions.Item>
                    </Descriptions>
                    <Typography.Title level={5}>{t('form.contacts')}</Typography.Title>
                    {contactRows(customer.contacts)}
                    <Typography.Title level={5}>{t('form.emergencyContacts')}</Typography.Title>
                    {contactRows(customer.emergencyContacts)}
                  </Flex>
                ),
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
