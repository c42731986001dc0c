import { Alert, Button, Col, Descriptions, Drawer, Form, Input, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { RecordDetail } from '../../../../shared/api';
import { localDateTime } from '../../../../shared/dates';
import { recordKind, type RecordKind, type RecordMove } from '../../../../shared/record-kinds';
import { recordCommonLabels, recordLabels, recordStatusLabel } from '../../../../shared/record-labels';
import { recordValueText } from '../../../../shared/record-text';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApi } from '../../components/useApi';
import { useMayCall } from '../../components/useMayCall';
import { useLocaleStore, useT } from '../../i18n';
import { printRecords, useRecordStore } from './record-store';
import { FormPreview } from '../../components/FormPreview';
import { PrinterOutlined } from '@ant-design/icons';
import { RecordFieldInput } from './RecordFieldInput';

/** A record as kept: its answers, the steps it went through, its earlier versions, and the steps open now. */
export function RecordDrawer() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { openRecordId, openRecord, edit, saved, markSaved, printing, print } = useRecordStore();
  const record = useApi(() => (openRecordId ? api.getRecord({ recordId: openRecordId }) : Promise.resolve(null)), [openRecordId, saved], null as RecordDetail | null);
  const [moving, setMoving] = useState<RecordMove | null>(null);
  const mayWrite = useMayCall('saveRecord');
  const r = record.data;
  const kind = r ? recordKind(r.kind) : undefined;
  const names = r ? recordLabels(r.kind, locale) : undefined;
  return (
    <Drawer
      open={openRecordId !== null}
      onClose={() => openRecord(null)}
      width={760}
      title={r && names ? `${names.title} ${r.recordNo}` : ''}
      extra={
        r &&
        kind && (
          <Space wrap>
            {r.moves.map((id) => {
              const move = kind.moves.find((m) => m.id === id)!;
              return (
                <Button key={id} type="primary" onClick={() => setMoving(move)}>
                  {names?.moves?.[id]}
                </Button>
              );
            })}
            {mayWrite && !r.withheld && <Button onClick={() => edit({ kind: r.kind, recordId: r.id })}>{t('rec.edit')}</Button>}
            <Button icon={<PrinterOutlined />} onClick={() => print(printRecords(r.kind, [r.id]))}>
              {t('rec.print')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={record.error} onClose={record.clearError} />
      {r && kind && names && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <Tag color={r.closedAt ? 'default' : 'blue'} data-testid="record-status">
              {recordStatusLabel(r.kind, r.status, locale)}
            </Tag>
            {r.overdue && <Tag color="red">{recordCommonLabels[locale].overdue}</Tag>}
            {r.dueDate && <Typography.Text type="secondary">{`${recordCommonLabels[locale].dueDate} ${r.dueDate}`}</Typography.Text>}
            {r.customerName && <Typography.Text>{[r.customerName, r.unit, r.refNo].filter(Boolean).join(' · ')}</Typography.Text>}
          </Space>
          {r.withheld ? (
            <Alert type="warning" showIcon message={t('rec.withheld')} />
          ) : (
            <Descriptions size="small" bordered column={2}>
              {kind.fields
                .filter((f) => !f.signature && r.fields[f.key] !== undefined)
                .map((f) => (
                  <Descriptions.Item key={f.key} label={names.fields[f.key]} span={f.wide ? 2 : 1}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{recordValueText(kind, f, r.fields[f.key], locale)}</span>
                  </Descriptions.Item>
                ))}
            </Descriptions>
          )}
          {r.events.length > 0 && (
            <>
              <Typography.Title level={5}>{t('rec.events')}</Typography.Title>
              <Timeline
                items={r.events.map((e) => ({
                  children: `${localDateTime(e.at)} ${e.accountName ?? ''} ${names.moves?.[e.move] ?? ''} → ${recordStatusLabel(r.kind, e.toStatus, locale)}${e.note ? `（${e.note}）` : ''}`,
                }))}
              />
            </>
          )}
          {r.revisions.length > 0 && (
            <>
              <Typography.Title level={5}>{t('rec.revisions')}</Typography.Title>
              <Timeline
                items={r.revisions.map((v) => ({
                  children: `${t('rec.version', { n: v.version })} · ${localDateTime(v.at)} ${v.accountName ?? ''} · ${v.move ? t('rec.byStep', { step: names.moves?.[v.move] ?? '' }) : v.reason}`,
                }))}
              />
            </>
          )}
        </Space>
      )}
      <FormPreview request={printing} onClose={() => print(null)} />
      {r && kind && moving && (
        <MoveModal
          kind={kind}
          record={r}
          move={moving}
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            markSaved();
          }}
        />
      )}
    </Drawer>
  );
}

/** One step of the life cycle: its dialog asks for the fields the step fills in (who handles it, the result, the feedback). */
function MoveModal({ kind, record, move, onClose, onDone }: { kind: RecordKind; record: RecordDetail; move: RecordMove; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const names = recordLabels(kind.id, locale);
  const asked = (move.asks ?? []).map((key) => kind.fields.find((f) => f.key === key)!);
  const initial = { fields: Object.fromEntries(asked.map((f) => [f.key, record.fields[f.key] ?? (f.type === 'dateTime' ? new Date().toISOString() : undefined)])) };
  return (
    <FormModal<{ fields: Record<string, unknown>; note?: string }>
      title={names.moves?.[move.id]}
      open
      onClose={onClose}
      width={720}
      initialValues={initial}
      onSubmit={async (v) => {
        const fields = Object.fromEntries(Object.entries(v.fields ?? {}).filter(([, value]) => value !== undefined));
        await api.moveRecord({ recordId: record.id, move: move.id, fields, note: v.note || undefined });
        onDone();
      }}
    >
      <Row gutter={16}>
        {asked.map((f) => (
          <Col key={f.key} span={f.wide ? 24 : 12}>
            <Form.Item
              name={['fields', f.key]}
              label={names.fields[f.key]}
              rules={move.requires?.includes(f.key) ? [{ required: true, message: t('form.required', { field: names.fields[f.key] }) }] : undefined}
            >
              <RecordFieldInput kind={kind} field={f} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="note" label={t('rec.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
