import { App, Button, Card, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { recordKinds } from '../../../../shared/record-kinds';
import { recordChoiceLabel, recordLabels } from '../../../../shared/record-labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useLocaleStore, useT } from '../../i18n';

const withDeadline = recordKinds.filter((k) => k.deadline);
// Form field names cannot hold a dot: kind and value are joined with "__".
const fieldName = (kind: string, choice: string) => `${kind}__${choice}`;

/** 记录办理期限: the days a complaint of each category (a repair of each urgency) has before it is late. */
export function RecordDeadlinesCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number>>();
  const { error, setError, run, busy } = useAction();
  useEffect(() => {
    void run(async () => {
      const { recordDeadlineDays } = await api.getSettings();
      const values: Record<string, number> = {};
      for (const k of withDeadline) for (const [choice, days] of Object.entries(k.deadline!.days)) values[fieldName(k.id, choice)] = recordDeadlineDays[`${k.id}.${choice}`] ?? days;
      form.setFieldsValue(values);
    });
  }, [form, run]);
  return (
    <Card title={t('settings.recordDeadlines')} style={{ maxWidth: 960 }}>
      <Typography.Paragraph type="secondary">{t('settings.recordDeadlinesHint')}</Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit || busy}
        onFinish={(v) =>
          void run(async () => {
            const recordDeadlineDays = Object.fromEntries(Object.entries(v).map(([name, days]) => [name.replace('__', '.'), days]));
            await api.updateSettings({ recordDeadlineDays });
            message.success(t('settings.saved'));
          })
        }
      >
        {withDeadline.map((k) => (
          <div key={k.id}>
            <Typography.Title level={5}>{recordLabels(k.id, locale).title}</Typography.Title>
            <Row gutter={16}>
              {Object.keys(k.deadline!.days).map((choice) => (
                <Col key={choice} span={6}>
                  <Form.Item
                    name={fieldName(k.id, choice)}
                    label={recordChoiceLabel(k.id, k.deadline!.field, choice, locale)}
                    rules={[{ required: true, message: t('form.required', { field: t('settings.days') }) }]}
                  >
                    <InputNumber min={0} max={365} addonAfter={t('settings.days')} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('settings.saveRecordDeadlines')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
