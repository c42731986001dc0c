import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { RecordField, RecordKind } from '../../../../shared/record-kinds';
import { recordChoiceLabel, recordLabels } from '../../../../shared/record-labels';
import { tableColumn } from '../../../../shared/record-text';
import { localDateTime } from '../../../../shared/dates';
import { useLocaleStore, useT } from '../../i18n';

/** A moment as the browser's local date-time input writes it (2026-11-23T09:05), and back to UTC. */
export const toLocalInput = (iso: unknown) => (typeof iso === 'string' && iso ? localDateTime(iso).replace(' ', 'T') : '');
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** Rows of a table field (several keys, several people): each column typed as its own field; rows added and removed. */
function TableFieldInput({ kind, field, value, onChange }: { kind: RecordKind; field: RecordField; value?: unknown; onChange?: (v: unknown) => void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const names = recordLabels(kind.id, locale).fields;
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const set = (i: number, key: string, v: unknown) => onChange?.(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const columns = field.columns ?? [];
  return (
    <Flex vertical gap={4}>
      {rows.map((r, i) => (
        <Flex key={i} gap={4} align="center">
          <Typography.Text type="secondary" style={{ width: 24 }}>
            {i + 1}
          </Typography.Text>
          {columns.map((c) => (
            <div key={c.key} style={{ flex: c.type === 'yesNo' ? '0 0 auto' : 1, minWidth: 0 }} title={names[`${field.key}.${c.key}`]}>
              <RecordFieldInput kind={kind} field={tableColumn(field, c)} value={r[c.key]} onChange={(v) => set(i, c.key, v)} aria-label={`${names[`${field.key}.${c.key}`]} ${i + 1}`} />
            </div>
          ))}
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('rec.removeRow')} onClick={() => onChange?.(rows.filter((_, j) => j !== i))} />
        </Flex>
      ))}
      {rows.length > 0 || <Typography.Text type="secondary">{columns.map((c) => names[`${field.key}.${c.key}`]).join(' · ')}</Typography.Text>}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange?.([...rows, {}])} style={{ alignSelf: 'flex-start' }}>
        {t('rec.addRow')}
      </Button>
    </Flex>
  );
}

/** One answer of a record's form, by its field's type: typed, picked, never free where the kind lists the values. */
export function RecordFieldInput({
  kind,
  field,
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  kind: RecordKind;
  field: RecordField;
  value?: unknown;
  onChange?: (v: unknown) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const locale = useLocaleStore((s) => s.locale);
  switch (field.type) {
    case 'longText':
      return (
        <Input.TextArea
          id={id}
          autoSize={{ minRows: Math.min(field.lines ?? 2, 4), maxRows: 8 }}
          maxLength={field.max ?? 4000}
          value={(value as string) ?? ''}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'dateTime':
      return <Input id={id} aria-label={ariaLabel} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange?.(fromLocalInput(e.target.value))} />;
    case 'date':
      return <Input id={id} aria-label={ariaLabel} type="date" value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value || undefined)} />;
    case 'number':
    case 'money':
      return (
        <InputNumber
          id={id}
          aria-label={ariaLabel}
          min={0}
          precision={field.type === 'money' ? 2 : undefined}
          style={{ width: '100%' }}
          value={value as number | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
        />
      );
    case 'choice':
      return (
        <Select
          id={id}
          aria-label={ariaLabel}
          allowClear={!field.required}
          showSearch={{ optionFilterProp: 'label' }}
          value={value as string | undefined}
          onChange={(v) => onChange?.(v)}
          options={(field.choices ?? []).map((c) => ({ value: c, label: recordChoiceLabel(kind.id, field.key, c, locale) }))}
        />
      );
    case 'yesNo':
      return <Switch id={id} aria-label={ariaLabel} checked={value === true} onChange={(v) => onChange?.(v)} />;
    case 'table':
      return <TableFieldInput kind={kind} field={field} value={value} onChange={onChange} />;
    default:
      return <Input id={id} aria-label={ariaLabel} maxLength={field.max ?? 200} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} />;
  }
}
