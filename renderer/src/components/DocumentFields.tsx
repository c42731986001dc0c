import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { DocumentCategory } from '../../../shared/api';
import { useT } from '../i18n';
import { categoryName, useLabels } from '../labels';

// The fields a document is described by, as every dialog that files one asks for them: a new
// document, a correction, pages filed from 扫描入库, a cover sheet.

/** The categories to pick from: the active ones, and the one a document already has. */
export function CategoryItem({ categories, keep, required = true }: { categories: DocumentCategory[]; keep?: string; required?: boolean }) {
  const t = useT();
  const L = useLabels();
  const options = categories.filter((c) => c.active || c.code === keep).map((c) => ({ value: c.code, label: categoryName(c, L.locale) }));
  return (
    <Form.Item name="category" label={t('doc.category')} rules={required ? [{ required: true, message: t('form.required', { field: t('doc.category') }) }] : []}>
      <Select showSearch={{ optionFilterProp: 'label' }} options={options} aria-label={t('doc.category')} />
    </Form.Item>
  );
}

export function TitleItem({ required = true, extra }: { required?: boolean; extra?: string }) {
  const t = useT();
  return (
    <Form.Item
      name="title"
      label={t('doc.title')}
      extra={extra}
      rules={[...(required ? [{ required: true, message: t('form.required', { field: t('doc.title') }) }, { whitespace: true }] : []), { max: 200 }]}
    >
      <Input />
    </Form.Item>
  );
}

export function DocDateItem({ required = true }: { required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name="docDate" label={t('doc.date')} rules={required ? [{ required: true, message: t('form.required', { field: t('doc.date') }) }] : []}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function OriginalOrCopyItem() {
  const t = useT();
  return (
    <Form.Item name="isOriginal" label={t('doc.originalOrCopy')}>
      <Radio.Group
        options={[
          { value: true, label: t('doc.original') },
          { value: false, label: t('doc.copy') },
        ]}
      />
    </Form.Item>
  );
}
