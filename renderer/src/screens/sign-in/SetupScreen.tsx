import { Button, Form, Input, Typography } from 'antd';
import type { CreateArchiveInput } from '../../../../shared/schemas';
import { AuthFrame } from '../../components/AuthFrame';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';
import { PasswordPair } from '../../components/PasswordPair';

export function SetupScreen() {
  const t = useT();
  const { createArchive, busy, error, clearError, status } = useSessionStore();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];

  return (
    <AuthFrame title={t('setup.title')} width={520}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} onClose={clearError} />
      <Form<CreateArchiveInput> layout="vertical" onFinish={(values) => void createArchive(values)} disabled={busy} requiredMark>
        <Form.Item name="organisation" label={t('setup.organisation')} rules={required(t('setup.organisation'))}>
          <Input placeholder={t('setup.organisationHint')} maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="username" label={t('setup.username')} rules={required(t('setup.username'))}>
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('setup.displayName')} rules={required(t('setup.displayName'))}>
          <Input maxLength={50} />
        </Form.Item>
        <PasswordPair name="password" confirmName="passwordConfirm" label={t('setup.password')} confirmLabel={t('setup.passwordConfirm')} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('setup.location')}: <Typography.Text code>{status?.archiveDir}</Typography.Text>
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
