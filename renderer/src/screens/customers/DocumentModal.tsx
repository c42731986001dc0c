import { UploadOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import type { DocumentCategory, DocumentRow } from '../../../../shared/api';
import type { Confidentiality } from '../../../../shared/domain';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { CategoryItem, DocDateItem, OriginalOrCopyItem, TitleItem } from '../../components/DocumentFields';
import { readAsBase64 } from '../../files';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';

interface Values {
  category: string;
  title: string;
  docDate: Dayjs;
  pages: number;
  isOriginal: boolean;
  confidentiality: Confidentiality;
  remarks?: string;
  reason?: string;
  approvalId?: number;
}

/** Adds a document to a file, or corrects one (an original needs a reason). */
export function DocumentModal({
  open,
  fileId,
  document,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  fileId: number;
  document?: DocumentRow | null;
  categories: DocumentCategory[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const L = useLabels();
  const [scans, setScans] = useState<UploadFile[]>([]);
  useLayoutEffect(() => {
    if (open) setScans([]);
  }, [open]);

  const submit = async (v: Values) => {
    const fields = {
      category: v.category,
      title: v.title,
      docDate: v.docDate.format('YYYY-MM-DD'),
      pages: v.pages,
      isOriginal: v.isOriginal,
      confidentiality: v.confidentiality,
      remarks: v.remarks,
    };
    if (document) {
      await api.updateDocument({ documentId: document.id, ...fields, reason: v.reason || undefined, approvalId: v.approvalId || undefined });
    } else {
      const uploads = await Promise.all(scans.map(async (f) => ({ fileName: f.name, dataBase64: await readAsBase64(f.originFileObj as Blob) })));
      await api.addDocument({ fileId, ...fields, scans: uploads });
    }
    onSaved();
  };

  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];

  return (
    <FormModal<Values>
      title={document ? `${t('doc.correct')}：${document.title}` : t('file.addDocument')}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={720}
      initialValues={
        document ? { ...document, docDate: dayjs(document.docDate), remarks: document.remarks ?? undefined } : { isOriginal: true, confidentiality: 'ordinary', pages: 1, docDate: dayjs() }
      }
    >
      <Row gutter={16}>
        <Col span={10}>
          <CategoryItem categories={categories} keep={document?.category} />
        </Col>
        <Col span={14}>
          <TitleItem />
        </Col>
        <Col span={8}>
          <DocDateItem />
        </Col>
        <Col span={6}>
          <Form.Item name="pages" label={t('doc.pages')} rules={required(t('doc.pages'))}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <OriginalOrCopyItem />
        </Col>
        <Col span={10}>
          <Form.Item name="confidentiality" label={t('doc.confidentiality')}>
            <Select options={options(L.confidentiality)} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="remarks" label={t('doc.remarks')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        {document ? (
          <>
            <Col span={24}>
              <Form.Item name="reason" label={t('doc.reason')} extra={t('doc.reasonHint')} rules={document.isOriginal ? required(t('doc.reason')) : []}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
            {document.isOriginal && (
              <Col span={8}>
                <Form.Item name="approvalId" label={t('doc.approvalId')}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </>
        ) : (
          <Col span={24}>
            <Form.Item label={t('doc.scans')}>
              <Upload multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" fileList={scans} beforeUpload={() => false} onChange={({ fileList }) => setScans(fileList)}>
                <Button icon={<UploadOutlined />}>{t('doc.upload')}</Button>
              </Upload>
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
