import { UploadOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import type { DocumentCategory, DocumentRow } from '../../../../shared/api';
import type { Confidentiality } from '../../../../shared/domain';
import { type ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readAsBase64 } from '../../files';
import { useT } from '../../i18n';
import { categoryName, options, useLabels } from '../../labels';
import { toArchiveError } from '../../errors';

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
  const [form] = Form.useForm<Values>();
  const [scans, setScans] = useState<UploadFile[]>([]);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [saving, setSaving] = useState(false);

  // Before paint, so the form is reset before anyone can type into it.
  useLayoutEffect(() => {
    if (!open) return;
    setError(null);
    setScans([]);
    form.resetFields();
    form.setFieldsValue(
      document ? { ...document, docDate: dayjs(document.docDate), remarks: document.remarks ?? undefined } : { isOriginal: true, confidentiality: 'ordinary', pages: 1, docDate: dayjs() },
    );
  }, [open, document, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
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
    } catch (e) {
      setError(toArchiveError(e));
    } finally {
      setSaving(false);
    }
  };

  const categoryOptions = categories.filter((c) => c.active || c.code === document?.category).map((c) => ({ value: c.code, label: categoryName(c, L.locale) }));
  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];

  return (
    <Modal
      title={document ? `${t('doc.correct')}：${document.title}` : t('file.addDocument')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={saving}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="category" label={t('doc.category')} rules={required(t('doc.category'))}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions} aria-label={t('doc.category')} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="title" label={t('doc.title')} rules={[...required(t('doc.title')), { whitespace: true }, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docDate" label={t('doc.date')} rules={required(t('doc.date'))}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="pages" label={t('doc.pages')} rules={required(t('doc.pages'))}>
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="isOriginal" label={t('doc.originalOrCopy')}>
              <Radio.Group
                options={[
                  { value: true, label: t('doc.original') },
                  { value: false, label: t('doc.copy') },
                ]}
              />
            </Form.Item>
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
      </Form>
    </Modal>
  );
}
