import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ArchiveError } from '../../../shared/errors';
import type { ChangeOwnPasswordInput } from '../../../shared/schemas';
import { api } from '../api';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeOwnPasswordInput>();
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];
  return (
    <Modal title={t('me.changePassword')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t('form.save')} cancelText={t('form.cancel')} confirmLoading={busy} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<ChangeOwnPasswordInput>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            await api.changeOwnPassword(v);
            message.success(t('me.changed'));
            onClose();
          } catch (e) {
            setError(e instanceof ArchiveError ? e : new ArchiveError('INTERNAL', undefined, String(e)));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="currentPassword" label={t('me.currentPassword')} rules={required(t('me.currentPassword'))}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('recover.newPassword')} rules={required(t('recover.newPassword'))} extra={t('setup.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="newPasswordConfirm"
          label={t('recover.newPasswordConfirm')}
          dependencies={['newPassword']}
          rules={[
            ...required(t('recover.newPasswordConfirm')),
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('form.passwordsDiffer')))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
