import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { type ArchiveError } from '../../../shared/errors';
import type { RestoreBackupInput } from '../../../shared/schemas';
import { api } from '../api';
import { useT } from '../i18n';
import { useSessionStore } from '../stores/session-store';
import { DeskWorkNotice } from './DeskWorkNotice';
import { ErrorAlert } from './ErrorAlert';
import { toArchiveError } from '../errors';

/** Restores from a backup folder; used on the sign-in screen (damaged archive) and in 设置. */
export function RestoreForm({ folder, onDone }: { folder?: string; onDone?: () => void }) {
  const t = useT();
  const refresh = useSessionStore((s) => s.refresh);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('form.required', { field: label }) }];
  return (
    <>
      <Alert type="info" showIcon title={t('backup.restoreHint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <DeskWorkNotice active={busy} signIn />
      <Form<RestoreBackupInput>
        layout="vertical"
        initialValues={{ backupFolder: folder }}
        disabled={busy}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await api.restoreBackup({ ...v, recoveryKey: v.recoveryKey?.trim() || undefined });
            await refresh();
            onDone?.();
          } catch (e) {
            setError(toArchiveError(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="backupFolder" label={t('backup.backupFolder')} rules={required(t('backup.backupFolder'))}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="username" label={t('login.username')} rules={required(t('login.username'))}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={required(t('login.password'))}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="recoveryKey" label={t('backup.recoveryKey')} extra={t('backup.restoreHintOther')}>
          <Input style={{ fontFamily: 'monospace' }} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} danger>
          {t('backup.restoreSubmit')}
        </Button>
      </Form>
    </>
  );
}
