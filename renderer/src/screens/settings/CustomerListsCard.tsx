import { App, Button, Card, Form, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

type Lists = { industries: string[]; regions: string[]; tags: string[]; admission: string[] };
const lists = ['industries', 'regions', 'tags', 'admission'] as const;

/** 客户登记选项: the industries, regions and special tags the customer forms offer to pick from. */
export function CustomerListsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Lists>();
  const { error, setError, run, busy } = useAction();
  useEffect(() => {
    void run(async () => form.setFieldsValue((await api.getSettings()).customerLists));
  }, [form, run]);
  return (
    <Card title={t('settings.customerLists')} style={{ maxWidth: 960 }} data-testid="settings-customer-lists">
      <Typography.Paragraph type="secondary">{t('settings.customerListsHint')}</Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit || busy}
        onFinish={(v) =>
          void run(async () => {
            form.setFieldsValue((await api.updateSettings({ customerLists: v })).customerLists);
            message.success(t('settings.saved'));
          })
        }
      >
        {lists.map((key) => (
          <Form.Item key={key} name={key} label={t(`settings.list.${key}`)}>
            {/* Typed and Enter adds an entry; its × takes it off the list (customers keep what they have). */}
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} aria-label={t(`settings.list.${key}`)} />
          </Form.Item>
        ))}
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('settings.saveCustomerLists')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
