import { EditOutlined, FileImageOutlined, FilePdfOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { CoverSheetModal } from './CoverSheetModal';
import { App, Button, Empty, Flex, Select, Space, Tag } from 'antd';
import type { DocumentCategory, DocumentRevision, DocumentRow, FileDetail, ScanInfo } from '../../../../shared/api';
import { localDateTime } from '../../../../shared/dates';
import { approverRank } from '../../../../shared/domain';
import { roleMay } from '../../../../shared/permissions';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { useT } from '../../i18n';
import { categoryName, useLabels } from '../../labels';
import { useSessionStore } from '../../stores/session-store';

export type DocumentRequest = { kind: 'edit_original' | 'view_confidential' | 'declassify'; doc: DocumentRow };

/** A file's documents, newest first, by category: each with its scans, its revisions, and what may be done with it or asked for. */
export function DocumentsTab({
  file,
  categories,
  category,
  onCategory,
  onEdit,
  onAsk,
  onLower,
  onOpenScan,
}: {
  file: FileDetail;
  categories: DocumentCategory[];
  category: string | undefined;
  onCategory: (code: string | undefined) => void;
  onEdit: (doc: DocumentRow) => void;
  onAsk: (request: DocumentRequest) => void;
  onLower: (doc: DocumentRow) => void;
  onOpenScan: (scan: ScanInfo) => void;
}) {
  const t = useT();
  const L = useLabels();
  const { modal } = App.useApp();
  const session = useSessionStore((s) => s.status?.session);
  const canManage = !!session && roleMay(session.role, 'files.manage');
  const isApprover = !!session && approverRank[session.role] > 0;
  const active = file.status === 'active';
  const [cover, setCover] = useState<FormRequest | null>(null);
  const [askingCover, setAskingCover] = useState(false);
  const categoryLabel = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? categoryName(c, L.locale) : code;
  };

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

  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <Select
          allowClear
          placeholder={t('file.allCategories')}
          style={{ width: 260 }}
          value={category}
          onChange={(v: string | undefined) => onCategory(v)}
          options={categories.map((c) => ({ value: c.code, label: categoryName(c, L.locale) }))}
          aria-label={t('file.allCategories')}
        />
        {active && (
          <Button icon={<QrcodeOutlined />} onClick={() => setAskingCover(true)}>
            {t('file.printCover')}
          </Button>
        )}
      </Flex>
      <CoverSheetModal
        fileId={file.id}
        open={askingCover}
        categories={categories}
        category={category}
        onClose={() => setAskingCover(false)}
        onPrint={(params) => setCover({ formId: 'scan-cover', blank: false, params })}
      />
      <FormPreview request={cover} onClose={() => setCover(null)} />
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
                    <Button size="small" type="link" onClick={() => onAsk({ kind: 'view_confidential', doc: r })}>
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
                    <Button size="small" type="link" onClick={() => onLower(r)}>
                      {t('doc.declassify')}
                    </Button>
                  ) : (
                    canManage && (
                      <Button size="small" type="link" onClick={() => onAsk({ kind: 'declassify', doc: r })}>
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
                    onClick={() => onOpenScan(s)}
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
                  <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={`${t('doc.edit')} ${r.title}`}>
                    {r.isOriginal ? t('doc.correct') : t('doc.edit')}
                  </Button>
                  {r.isOriginal && !isApprover && (
                    <Button size="small" type="link" onClick={() => onAsk({ kind: 'edit_original', doc: r })}>
                      {t('approvals.requestEdit')}
                    </Button>
                  )}
                  <Button size="small" type="link" icon={<QrcodeOutlined />} onClick={() => setCover({ formId: 'scan-cover', blank: false, params: { fileId: file.id, documentId: r.id } })}>
                    {t('doc.printCover')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Flex>
  );
}
