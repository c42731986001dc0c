import { Button, Card, Form, Input, Switch } from 'antd';
import { useState } from 'react';
import type { DocumentCategory } from '../../../../shared/api';
import { type ArchiveError } from '../../../../shared/errors';
import type { SaveDocumentCategoryInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { toArchiveError } from '../../errors';
import { DeskTable } from '../../components/DeskTable';
import { fieldLabels } from '../../../../shared/field-labels';
import { useApi } from '../../components/useApi';

/** The editable list of document categories (卷内文件类别). Categories in use are retired, not deleted. */
export function CategoriesCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const L = useLabels();
  const categories = useApi(() => api.listDocumentCategories(), [], [] as DocumentCategory[]);
  const { data: rows, set: setRows } = categories;
  const [error, setError] = useState<ArchiveError | null>(null);
  const [form] = Form.useForm<SaveDocumentCategoryInput>();

  const save = async (input: SaveDocumentCategoryInput) => {
    setError(null);
    try {
      setRows(await api.saveDocumentCategory(input));
      return true;
    } catch (e) {
      setError(toArchiveError(e));
      return false;
    }
  };

  return (
    <Card title={t('settings.categories')} style={{ maxWidth: 960 }}>
      <ErrorAlert error={categories.error} onClose={categories.clearError} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <DeskTable<DocumentCategory>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('settings.categoryCodeLabel'), dataIndex: 'code', width: 160 },
          { title: t('settings.labelZh'), dataIndex: 'labelZh' },
          { title: t('settings.labelEn'), dataIndex: 'labelEn' },
          {
            title: t('settings.active'),
            dataIndex: 'active',
            width: 80,
            render: (active: boolean, r) => <Switch size="small" checked={active} disabled={!canEdit} onChange={(v) => void save({ ...r, active: v })} />,
          },
        ]}
      />
      {canEdit && (
        <Form<SaveDocumentCategoryInput>
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={async (v) => {
            if (await save({ ...v, active: true })) form.resetFields();
          }}
        >
          <Form.Item messageVariables={{ label: fieldLabels[L.locale].code }} name="code" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}>
            <Input placeholder={t('settings.categoryCodeLabel')} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item messageVariables={{ label: fieldLabels[L.locale].labelZh }} name="labelZh" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('settings.labelZh')} />
          </Form.Item>
          <Form.Item messageVariables={{ label: fieldLabels[L.locale].labelEn }} name="labelEn" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('settings.labelEn')} />
          </Form.Item>
          <Button htmlType="submit">{t('settings.addCategory')}</Button>
        </Form>
      )}
    </Card>
  );
}
