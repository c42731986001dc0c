import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { classifications, customerKinds, valueGrades } from '../../../../shared/domain';
import { followUpScheduleIds, visitorRoles, type FollowUpSettings } from '../../../../shared/follow-ups';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

/** 回访计划: the visits after a file is made, and the regular ones by value grade (the seeds' values by default). */
export function FollowUpSettingsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpSettings>();
  const { error, setError, run, busy } = useAction();
  useEffect(() => {
    void run(async () => form.setFieldsValue((await api.getSettings()).followUps));
  }, [form, run]);
  const multi = { mode: 'multiple' as const, maxTagCount: 'responsive' as const, allowClear: true, optionFilterProp: 'label' };
  const kindOptions = customerKinds.map((k) => ({ value: k, label: L.kind[k] }));
  const required = (field: string) => [{ required: true, message: t('form.required', { field }) }];
  return (
    <Card title={t('settings.followUps')} style={{ maxWidth: 1100 }} data-testid="settings-follow-ups">
      <Typography.Paragraph type="secondary">{t('settings.followUpsHint')}</Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<FollowUpSettings>
        form={form}
        disabled={!canEdit || busy}
        onFinish={(followUps) =>
          void run(async () => {
            form.setFieldsValue((await api.updateSettings({ followUps })).followUps);
            message.success(t('settings.saved'));
          })
        }
      >
        <Typography.Title level={5}>{t('settings.followUpSchedules')}</Typography.Title>
        <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
          <Col span={4}>{t('followUps.schedule')}</Col>
          <Col span={2}>{t('settings.dutyOn')}</Col>
          <Col span={5}>{t('settings.dutyKinds')}</Col>
          <Col span={4}>{t('settings.followUpClasses')}</Col>
          <Col span={4}>{t('settings.followUpDays')}</Col>
          <Col span={5}>{t('settings.followUpVisitors')}</Col>
        </Row>
        {followUpScheduleIds.map((id) => (
          <Row key={id} gutter={8} align="top">
            <Col span={4} style={{ paddingTop: 5 }}>
              {L.followUp[id]}
            </Col>
            <Col span={2}>
              <Form.Item name={['schedules', id, 'enabled']} valuePropName="checked">
                <Switch aria-label={L.followUp[id]} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['schedules', id, 'kinds']}>
                <Select {...multi} options={kindOptions} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['schedules', id, 'classes']}>
                <Select {...multi} options={classifications.map((c) => ({ value: c, label: L.classification[c] }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item
                name={['schedules', id, 'days']}
                rules={[
                  { required: true, type: 'array', min: 1, message: t('form.required', { field: t('settings.followUpDays') }) },
                  { validator: (_r, v: number[] | undefined) => ((v ?? []).every(validDay) ? Promise.resolve() : Promise.reject(new Error(t('settings.followUpDaysInvalid')))) },
                ]}
              >
                <DaysInput placeholder={t('settings.followUpDaysHint')} aria-label={`${L.followUp[id]} ${t('settings.followUpDays')}`} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['schedules', id, 'visitors']}>
                <Select {...multi} options={visitorRoles.map((r) => ({ value: r, label: L.visitorRole[r] }))} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Typography.Title level={5}>{t('settings.followUpRecurring')}</Typography.Title>
        <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
          <Col span={4}>{t('settings.followUpGrade')}</Col>
          <Col span={2}>{t('settings.dutyOn')}</Col>
          <Col span={5}>{t('settings.dutyKinds')}</Col>
          <Col span={4}>{t('settings.followUpEvery')}</Col>
          <Col span={4}>{t('settings.followUpLead')}</Col>
        </Row>
        {valueGrades.map((grade) => (
          <Row key={grade} gutter={8} align="top">
            <Col span={4} style={{ paddingTop: 5 }}>
              {L.followUp[`grade_${grade}`]}
            </Col>
            <Col span={2}>
              <Form.Item name={['recurring', grade, 'enabled']} valuePropName="checked">
                <Switch aria-label={L.followUp[`grade_${grade}`]} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['recurring', grade, 'kinds']}>
                <Select {...multi} options={kindOptions} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['recurring', grade, 'everyDays']} rules={required(t('settings.followUpEvery'))}>
                <InputNumber min={1} max={366} addonAfter={t('settings.days')} style={{ width: '100%' }} aria-label={`${L.followUp[`grade_${grade}`]} ${t('settings.followUpEvery')}`} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['recurring', grade, 'leadDays']} rules={required(t('settings.followUpLead'))}>
                <InputNumber min={0} max={90} addonAfter={t('settings.days')} style={{ width: '100%' }} aria-label={`${L.followUp[`grade_${grade}`]} ${t('settings.followUpLead')}`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('settings.saveFollowUps')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

const validDay = (n: number) => Number.isInteger(n) && n >= 1 && n <= 730;
// A word that is not a day stays in the list as NaN, so the rule above names it instead of dropping it.
const parseDays = (text: string) =>
  text
    .split(/[\s,，、/]+/)
    .filter(Boolean)
    .map(Number);

/** The days of a schedule typed as "3、30、60" (or with commas, spaces, slashes); the form holds them as numbers. */
function DaysInput({ value, onChange, ...rest }: { value?: number[]; onChange?: (days: number[]) => void; placeholder?: string; 'aria-label'?: string }) {
  const [text, setText] = useState((value ?? []).join('、'));
  // A value set from outside (loaded, saved) replaces the text unless the text already says it.
  useEffect(() => {
    setText((typed) => (parseDays(typed).join() === (value ?? []).join() ? typed : (value ?? []).join('、')));
  }, [value]);
  return (
    <Input
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange?.(parseDays(e.target.value));
      }}
    />
  );
}
