import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { customerKinds, type CustomerKind } from '../../../../shared/domain';
import { type ArchiveError } from '../../../../shared/errors';
import { formatRefNo } from '../../../../shared/ref-numbers';
import type { ArchiveSettings } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { toArchiveError } from '../../errors';
import { DeskTable } from '../../components/DeskTable';
import { FolderInput } from '../../components/FolderInput';
import { useSessionStore } from '../../stores/session-store';
import { fieldLabels } from '../../../../shared/field-labels';

/** A 档号 as the pattern would issue it, so the clerk sees the effect before saving. */
function example(s: Partial<ArchiveSettings>): string {
  const rule = s.retention?.tenant;
  return formatRefNo(s.refPattern ?? '', {
    fonds: s.fondsCode ?? '',
    category: rule?.categoryCode ?? '',
    year: new Date().getFullYear(),
    retention: rule?.period ?? '30',
    org: s.orgCode ?? '',
    seq: 17,
    building: 'A座',
    floor: '12',
  });
}

export function ArchiveSettingsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArchiveSettings>();
  const [error, setError] = useState<ArchiveError | null>(null);
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as Partial<ArchiveSettings> | undefined;

  useEffect(() => {
    api.getSettings().then(
      (s) => form.setFieldsValue(s),
      (e: unknown) => setError(toArchiveError(e)),
    );
  }, [form]);

  return (
    <Card title={t('settings.numbering')} style={{ maxWidth: 960 }}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<ArchiveSettings>
        form={form}
        layout="vertical"
        disabled={!canEdit || saving}
        onFinish={async (v) => {
          setSaving(true);
          setError(null);
          try {
            const saved = await api.updateSettings(v);
            form.setFieldsValue(saved);
            useSessionStore.getState().setAutoLockMinutes(saved.autoLockMinutes);
            message.success(t('settings.saved'));
          } catch (e) {
            setError(toArchiveError(e));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="fondsCode" label={t('settings.fondsCode')} rules={[{ required: true, pattern: /^[0-9A-Za-z]{1,10}$/ }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="orgCode" label={t('settings.orgCode')} rules={[{ required: true, pattern: /^[0-9A-Za-z]{1,10}$/ }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="reviewMonths" label={t('settings.reviewMonths')} rules={[{ required: true }]}>
              <InputNumber min={1} max={120} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="autoLockMinutes" label={t('settings.autoLock')} rules={[{ required: true }]}>
              <InputNumber min={1} max={240} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxScanMegabytes" label={t('settings.maxScan')} rules={[{ required: true }]}>
              <InputNumber min={1} max={40} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxImportRows" label={t('settings.maxImportRows')} rules={[{ required: true }]}>
              <InputNumber min={100} max={500000} step={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxImportMegabytes" label={t('settings.maxImportMb')} rules={[{ required: true }]}>
              <InputNumber min={1} max={40} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="loanShortDays" label={t('settings.loanShortDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="loanLongDays" label={t('settings.loanLongDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="loanMaxRenewals" label={t('settings.loanMaxRenewals')} rules={[{ required: true }]}>
              <InputNumber min={0} max={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="loanGeneralManagerFrom" label={t('settings.loanGeneralManagerFrom')}>
              <Select options={options(L.confidentiality)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="scanFolder" label={t('settings.scanFolder')} extra={t('settings.scanFolderHint')}>
              <FolderInput ariaLabel={t('settings.scanFolder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="refPattern" label={t('settings.refPattern')} extra={t('settings.refPatternHint')} rules={[{ required: true }]}>
              <Input style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Typography.Paragraph>
              {t('settings.refExample')}: <Typography.Text code>{values ? example(values) : ''}</Typography.Text>
            </Typography.Paragraph>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('settings.retentionTable')}</Typography.Title>
        <DeskTable<{ kind: CustomerKind }>
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={customerKinds.map((kind) => ({ kind }))}
          columns={[
            { title: L.field.kind, dataIndex: 'kind', render: (k: CustomerKind) => L.kind[k] },
            {
              title: t('settings.categoryCode'),
              render: (_: unknown, r) => (
                <Form.Item messageVariables={{ label: fieldLabels[L.locale].categoryCode }} name={['retention', r.kind, 'categoryCode']} noStyle rules={[{ required: true, pattern: /^[A-Z]{1,4}$/ }]}>
                  <Input style={{ width: 90 }} />
                </Form.Item>
              ),
            },
            {
              title: t('settings.period'),
              render: (_: unknown, r) => (
                <Form.Item messageVariables={{ label: fieldLabels[L.locale].period }} name={['retention', r.kind, 'period']} noStyle>
                  <Select style={{ width: 120 }} options={options(L.retention)} />
                </Form.Item>
              ),
            },
            {
              title: t('settings.event'),
              render: (_: unknown, r) => (
                <Form.Item messageVariables={{ label: fieldLabels[L.locale].event }} name={['retention', r.kind, 'event']} noStyle>
                  <Select style={{ width: 220 }} options={options(L.retentionEvent)} />
                </Form.Item>
              ),
            },
          ]}
        />
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
            {t('form.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
