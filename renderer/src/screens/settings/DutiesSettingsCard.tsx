import { App, Button, Card, Col, Form, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import type { DocumentCategory } from '../../../../shared/api';
import { customerKinds } from '../../../../shared/domain';
import { dutyPeriods, recurringDutyIds, type DutySettings } from '../../../../shared/duties';
import { recordKinds } from '../../../../shared/record-kinds';
import { recordLabels } from '../../../../shared/record-labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { categoryName, useLabels } from '../../labels';

/** 档案义务: the documents each kind of file must hold, and the records owed every period (the seeds' values by default). */
export function DutiesSettingsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<DutySettings>();
  const { error, setError, run, busy } = useAction();
  const categories = useApi(() => api.listDocumentCategories(), [], [] as DocumentCategory[]);
  useEffect(() => {
    void run(async () => form.setFieldsValue((await api.getSettings()).duties));
  }, [form, run]);
  const categoryOptions = categories.data.filter((c) => c.active).map((c) => ({ value: c.code, label: categoryName(c, L.locale) }));
  const kindOptions = customerKinds.map((k) => ({ value: k, label: L.kind[k] }));
  const recordOptions = recordKinds.filter((k) => k.scope === 'file').map((k) => ({ value: k.id, label: recordLabels(k.id, L.locale).title }));
  // The three lists of a recurring rule, in the order of the header's columns.
  const picks = [
    ['kinds', kindOptions],
    ['categories', categoryOptions],
    ['recordKinds', recordOptions],
  ] as const;
  const multi = { mode: 'multiple' as const, maxTagCount: 'responsive' as const, allowClear: true, optionFilterProp: 'label' };
  return (
    <Card title={t('settings.duties')} style={{ maxWidth: 1100 }} data-testid="settings-duties">
      <Typography.Paragraph type="secondary">{t('settings.dutiesHint')}</Typography.Paragraph>
      <ErrorAlert error={error ?? categories.error} onClose={() => setError(null)} />
      <Form<DutySettings>
        form={form}
        layout="vertical"
        disabled={!canEdit || busy}
        onFinish={(duties) =>
          void run(async () => {
            await api.updateSettings({ duties });
            message.success(t('settings.saved'));
          })
        }
      >
        <Typography.Title level={5}>{t('settings.requiredDocuments')}</Typography.Title>
        <Row gutter={16}>
          {customerKinds.map((kind) => (
            <Col key={kind} span={12}>
              <Form.Item name={['requiredDocuments', kind]} label={L.kind[kind]}>
                <Select {...multi} options={categoryOptions} placeholder={t('settings.nothingRequired')} />
              </Form.Item>
            </Col>
          ))}
          <Col span={8}>
            <Form.Item name="completeWithinDays" label={t('settings.completeWithinDays')} rules={[{ required: true, message: t('form.required', { field: t('settings.completeWithinDays') }) }]}>
              <InputNumber min={1} max={365} addonAfter={t('settings.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('settings.recurringDuties')}</Typography.Title>
        <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
          <Col span={4}>{t('duties.duty')}</Col>
          <Col span={2}>{t('settings.dutyOn')}</Col>
          <Col span={3}>{t('duties.period')}</Col>
          <Col span={5}>{t('settings.dutyKinds')}</Col>
          <Col span={5}>{t('settings.dutyCategories')}</Col>
          <Col span={5}>{t('settings.dutyRecords')}</Col>
        </Row>
        {recurringDutyIds.map((id) => (
          <Row key={id} gutter={8} align="top">
            <Col span={4} style={{ paddingTop: 5 }}>
              {L.duty[id]}
            </Col>
            <Col span={2}>
              <Form.Item name={['recurring', id, 'enabled']} valuePropName="checked">
                <Switch aria-label={L.duty[id]} />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name={['recurring', id, 'period']}>
                <Select options={dutyPeriods.map((p) => ({ value: p, label: L.dutyPeriod[p] }))} />
              </Form.Item>
            </Col>
            {picks.map(([field, options]) => (
              <Col key={field} span={5}>
                <Form.Item name={['recurring', id, field]}>
                  <Select {...multi} options={options} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        ))}
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('settings.saveDuties')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
