import { Col, Form, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { DocumentCategory, DocumentRow, WaitingScan } from '../../../../shared/api';
import { api } from '../../api';
import { FilePicker } from '../../components/FilePicker';
import { FormModal } from '../../components/FormModal';
import { CategoryItem, DocDateItem, OriginalOrCopyItem, TitleItem } from '../../components/DocumentFields';
import { useT } from '../../i18n';

interface Values {
  fileIds: number[];
  as: 'new' | 'scan';
  documentId?: number;
  category?: string;
  title?: string;
  docDate?: Dayjs;
  isOriginal: boolean;
}

/**
 * Files pages that waited (待归档扫描件): the file by a scanned label or a search, then a new
 * document (category, title and date, suggested by the first page) or a new scan of one of its documents.
 */
export function FileWaitingScanModal({ scan, onClose, onFiled }: { scan: WaitingScan | null; onClose: () => void; onFiled: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [categories, setCategories] = useState<DocumentCategory[]>([]);
  const [documents, setDocuments] = useState<DocumentRow[]>([]);
  const fileIds = Form.useWatch('fileIds', form);
  const as = Form.useWatch('as', form);
  const fileId = fileIds?.[0];

  useEffect(() => {
    if (scan) void api.listDocumentCategories().then(setCategories);
  }, [scan]);
  useEffect(() => {
    setDocuments([]);
    if (fileId) void api.getFile({ fileId }).then((f) => setDocuments(f.documents.filter((d) => !d.restricted)));
  }, [fileId]);

  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];
  return (
    <FormModal<Values>
      title={scan ? t('intake.fileTitle', { name: scan.fileName }) : ''}
      open={!!scan}
      form={form}
      width={720}
      onClose={onClose}
      intro={
        scan?.excerpt ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
            {scan.excerpt}
          </Typography.Paragraph>
        ) : undefined
      }
      initialValues={{
        fileIds: scan?.hintFile ? [scan.hintFile.fileId] : [],
        as: 'new',
        category: scan?.category ?? undefined,
        title: scan?.title ?? undefined,
        docDate: scan?.docDate ? dayjs(scan.docDate) : dayjs(),
        isOriginal: true,
      }}
      onSubmit={async (v) => {
        const target = v.fileIds[0]!;
        if (v.as === 'scan') await api.fileWaitingScan({ partId: scan!.id, documentId: v.documentId! });
        else await api.fileWaitingScan({ partId: scan!.id, fileId: target, category: v.category!, title: v.title!.trim(), docDate: v.docDate!.format('YYYY-MM-DD'), isOriginal: v.isOriginal });
        onFiled();
      }}
    >
      <Form.Item
        name="fileIds"
        label={t('intake.toFile')}
        extra={t('intake.toFileHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('form.required', { field: t('intake.toFile') }) }]}
      >
        <FilePicker multiple={false} scannable />
      </Form.Item>
      <Form.Item name="as" label={t('intake.as')}>
        <Radio.Group
          options={[
            { value: 'new', label: t('intake.asNew') },
            { value: 'scan', label: t('intake.asScan'), disabled: documents.length === 0 },
          ]}
        />
      </Form.Item>
      {as === 'scan' ? (
        <Form.Item name="documentId" label={t('intake.document')} rules={required(t('intake.document'))}>
          <Select aria-label={t('intake.document')} showSearch={{ optionFilterProp: 'label' }} options={documents.map((d) => ({ value: d.id, label: `${d.docDate} ${d.title}` }))} />
        </Form.Item>
      ) : (
        <Row gutter={16}>
          <Col span={10}>
            <CategoryItem categories={categories} />
          </Col>
          <Col span={14}>
            <TitleItem />
          </Col>
          <Col span={10}>
            <DocDateItem />
          </Col>
          <Col span={14}>
            <OriginalOrCopyItem />
          </Col>
        </Row>
      )}
    </FormModal>
  );
}
