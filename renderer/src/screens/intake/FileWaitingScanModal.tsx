import { Col, DatePicker, Form, Radio, Row, Select, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { DocumentCategory, DocumentRow, WaitingScan } from '../../../../shared/api';
import { api } from '../../api';
import { FilePicker } from '../../components/FilePicker';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { categoryName, useLabels } from '../../labels';

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
  const L = useLabels();
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
            <Form.Item name="category" label={t('doc.category')} rules={required(t('doc.category'))}>
              <Select
                aria-label={t('doc.category')}
                showSearch={{ optionFilterProp: 'label' }}
                options={categories.filter((c) => c.active).map((c) => ({ value: c.code, label: categoryName(c, L.locale) }))}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="title" label={t('doc.title')} rules={[...required(t('doc.title')), { whitespace: true }, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="docDate" label={t('doc.date')} rules={required(t('doc.date'))}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="isOriginal" label={t('doc.originalOrCopy')}>
              <Radio.Group
                options={[
                  { value: true, label: t('doc.original') },
                  { value: false, label: t('doc.copy') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}
