import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DocumentCategory } from '../../../../shared/api';
import type { FormParams } from '../../../../shared/schemas';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { categoryName, useLabels } from '../../labels';

interface Values {
  category: string;
  title?: string;
  docDate?: Dayjs;
  isOriginal: boolean;
}

/** What a file's cover sheet is to say of the document to be scanned: its category, and if known its title and date. */
export function CoverSheetModal({
  fileId,
  open,
  categories,
  category,
  onClose,
  onPrint,
}: {
  fileId: number;
  open: boolean;
  categories: DocumentCategory[];
  category?: string;
  onClose: () => void;
  onPrint: (params: FormParams) => void;
}) {
  const t = useT();
  const L = useLabels();
  return (
    <FormModal<Values>
      title={t('cover.title')}
      intro={t('cover.intro')}
      open={open}
      onClose={onClose}
      width={640}
      okText={t('file.printCover')}
      initialValues={{ category, isOriginal: true }}
      onSubmit={async (v) => {
        onPrint({ fileId, category: v.category, title: v.title?.trim() || undefined, docDate: v.docDate?.format('YYYY-MM-DD'), isOriginal: v.isOriginal });
        onClose();
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="category" label={t('doc.category')} rules={[{ required: true, message: t('form.required', { field: t('doc.category') }) }]}>
            <Select
              aria-label={t('doc.category')}
              showSearch={{ optionFilterProp: 'label' }}
              options={categories.filter((c) => c.active).map((c) => ({ value: c.code, label: categoryName(c, L.locale) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isOriginal" label={t('doc.originalOrCopy')}>
            <Radio.Group
              options={[
                { value: true, label: t('doc.original') },
                { value: false, label: t('doc.copy') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="title" label={t('doc.title')} extra={t('cover.titleHint')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="docDate" label={t('doc.date')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
