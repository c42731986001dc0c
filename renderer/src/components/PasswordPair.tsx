import { Form, Input } from 'antd';
import { useT } from '../i18n';

/** A new password typed twice, with the strength hint and a check that both match. */
export function PasswordPair({ name, confirmName, label, confirmLabel }: { name: string; confirmName: string; label: string; confirmLabel: string }) {
  const t = useT();
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
  return (
    <>
      <Form.Item name={name} label={label} rules={[required(label)]} extra={t('setup.passwordHint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={confirmLabel}
        dependencies={[name]}
        rules={[
          required(confirmLabel),
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error(t('form.passwordsDiffer')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
