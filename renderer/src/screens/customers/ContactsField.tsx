import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { fieldLabels } from '../../../../shared/field-labels';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

/** A customer's contacts (or emergency contacts) as rows of name, title and phone, added and removed in the form. */
export function ContactsField({ name, addLabel, withTitle, phoneRule }: { name: 'contacts' | 'emergencyContacts'; addLabel: string; withTitle: boolean; phoneRule: Rule }) {
  const t = useT();
  const L = useLabels();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap>
              <Form.Item messageVariables={{ label: fieldLabels[L.locale].name }} name={[field.name, 'name']} rules={[{ max: 50 }]}>
                <Input placeholder={t('form.contactName')} aria-label={`${addLabel} ${t('form.contactName')} ${field.name + 1}`} />
              </Form.Item>
              {withTitle && (
                <Form.Item messageVariables={{ label: fieldLabels[L.locale].title }} name={[field.name, 'title']}>
                  <Input placeholder={t('form.contactTitle')} aria-label={`${addLabel} ${t('form.contactTitle')} ${field.name + 1}`} style={{ width: 120 }} />
                </Form.Item>
              )}
              <Form.Item messageVariables={{ label: fieldLabels[L.locale].phone }} name={[field.name, 'phone']} rules={[phoneRule]}>
                <Input placeholder={t('form.contactPhone')} aria-label={`${addLabel} ${t('form.contactPhone')} ${field.name + 1}`} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ name: '' })} icon={<PlusOutlined />}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
