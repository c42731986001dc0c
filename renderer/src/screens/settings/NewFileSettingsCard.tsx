import { App, Button, Card, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import type { ArchiveSettings } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

type NewFileSettings = ArchiveSettings['newFiles'];

/** 新建档案 (003 §3 1): the days from first contact to the file, and whether a manager reviews it. */
export function NewFileSettingsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewFileSettings>();
  const { error, setError, run, busy } = useAction();
  useEffect(() => {
    void run(async () => form.setFieldsValue((await api.getSettings()).newFiles));
  }, [form, run]);
  return (
    <Card title={t('settings.newFiles')} style={{ maxWidth: 1100 }} data-testid="settings-new-files">
      <Typography.Paragraph type="secondary">{t('settings.newFilesHint')}</Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<NewFileSettings>
        form={form}
        layout="inline"
        disabled={!canEdit || busy}
        onFinish={(newFiles) =>
          void run(async () => {
            form.setFieldsValue((await api.updateSettings({ newFiles })).newFiles);
            message.success(t('settings.saved'));
          })
        }
      >
        <Form.Item name="openWithinDays" label={t('settings.openWithinDays')} rules={[{ required: true, message: t('form.required', { field: t('settings.openWithinDays') }) }]}>
          <InputNumber min={1} max={90} addonAfter={t('settings.days')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="review" label={t('settings.newFileReview')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {canEdit && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('settings.saveNewFiles')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
