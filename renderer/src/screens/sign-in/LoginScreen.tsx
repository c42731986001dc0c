import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { RecoverAccessInput, UnlockInput } from '../../../../shared/schemas';
import { AuthFrame } from '../../components/AuthFrame';
import { DeskWorkNotice } from '../../components/DeskWorkNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RestoreForm } from '../../components/RestoreForm';
import { useT } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';
import { PasswordPair } from '../../components/PasswordPair';

type Mode = 'unlock' | 'recover' | 'restore';

export function LoginScreen() {
  const t = useT();
  const [mode, setMode] = useState<Mode>('unlock');
  const clearError = useSessionStore((s) => s.clearError);
  const switchTo = (value: Mode) => {
    clearError();
    setMode(value);
  };
  if (mode === 'recover') return <RecoverForm onBack={() => switchTo('unlock')} />;
  if (mode === 'restore') {
    return (
      <AuthFrame title={t('backup.restoreTitle')} width={560}>
        <RestoreForm />
        <Button type="link" block onClick={() => switchTo('unlock')} style={{ marginTop: 8 }}>
          {t('recover.back')}
        </Button>
      </AuthFrame>
    );
  }
  return <UnlockForm onForgot={() => switchTo('recover')} onRestore={() => switchTo('restore')} />;
}

function UnlockForm({ onForgot, onRestore }: { onForgot: () => void; onRestore: () => void }) {
  const t = useT();
  const { unlock, busy, error, clearError } = useSessionStore();
  const [form] = Form.useForm<UnlockInput>();
  const submit = async (values: UnlockInput) => {
    // A failed sign-in clears the password, as a desk PC should.
    if (!(await unlock(values))) form.setFieldValue('password', '');
  };
  return (
    <AuthFrame title={t('login.title')}>
      <ErrorAlert error={error} onClose={clearError} />
      <DeskWorkNotice active={busy} signIn />
      <Form<UnlockInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('login.username') }) }]}>
          <Input autoComplete="username" autoFocus maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('form.required', { field: t('login.password') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
        <Button type="link" block onClick={onForgot} style={{ marginTop: 8 }}>
          {t('login.forgot')}
        </Button>
        <Button type="link" block onClick={onRestore}>
          {t('login.restore')}
        </Button>
      </Form>
    </AuthFrame>
  );
}

function RecoverForm({ onBack }: { onBack: () => void }) {
  const t = useT();
  const { recoverAccess, busy, error, clearError } = useSessionStore();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];
  return (
    <AuthFrame title={t('recover.title')} width={520}>
      <ErrorAlert error={error} onClose={clearError} />
      <DeskWorkNotice active={busy} signIn />
      <Form<RecoverAccessInput> layout="vertical" onFinish={(v) => void recoverAccess(v)} disabled={busy}>
        <Form.Item name="username" label={t('login.username')} rules={required(t('login.username'))}>
          <Input autoComplete="username" autoFocus maxLength={32} />
        </Form.Item>
        <Form.Item name="recoveryKey" label={t('recover.recoveryKey')} rules={required(t('recover.recoveryKey'))} extra={t('recover.recoveryKeyHint')}>
          <Input style={{ fontFamily: 'monospace' }} maxLength={80} />
        </Form.Item>
        <PasswordPair name="newPassword" confirmName="newPasswordConfirm" label={t('recover.newPassword')} confirmLabel={t('recover.newPasswordConfirm')} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('recover.submit')}
        </Button>
        <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
          {t('recover.back')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
