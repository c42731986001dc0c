import { App, Form, Input, Modal } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { type ArchiveError } from '../../../shared/errors';
import type { ChangeOwnPasswordInput } from '../../../shared/schemas';
import { api } from '../api';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { toArchiveError } from '../errors';
import { PasswordPair } from './PasswordPair';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeOwnPasswordInput>();
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  // Before paint, so the form is reset before anyone can type into it.
  useLayoutEffect(() => {
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
            setError(toArchiveError(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="currentPassword" label={t('me.currentPassword')} rules={required(t('me.currentPassword'))}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordPair name="newPassword" confirmName="newPasswordConfirm" label={t('recover.newPassword')} confirmLabel={t('recover.newPasswordConfirm')} />
      </Form>
    </Modal>
  );
}
