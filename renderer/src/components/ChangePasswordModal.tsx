import { App, Form, Input } from 'antd';
import type { ChangeOwnPasswordInput } from '../../../shared/schemas';
import { api } from '../api';
import { useT } from '../i18n';
import { FormModal } from './FormModal';
import { PasswordPair } from './PasswordPair';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];
  return (
    <FormModal<ChangeOwnPasswordInput>
      title={t('me.changePassword')}
      open={open}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.changeOwnPassword(v);
        message.success(t('me.changed'));
        onClose();
      }}
    >
      <Form.Item name="currentPassword" label={t('me.currentPassword')} rules={required(t('me.currentPassword'))}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <PasswordPair name="newPassword" confirmName="newPasswordConfirm" label={t('recover.newPassword')} confirmLabel={t('recover.newPasswordConfirm')} />
    </FormModal>
  );
}
