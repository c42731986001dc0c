import { Input, InputNumber, Select, Switch } from 'antd';
import type { RecordField, RecordKind } from '../../../../shared/record-kinds';
import { recordChoiceLabel } from '../../../../shared/record-labels';
import { localDateTime } from '../../../../shared/dates';
import { useLocaleStore } from '../../i18n';

/** A moment as the browser's local date-time input writes it (2026-11-23T09:05), and back to UTC. */
export const toLocalInput = (iso: unknown) => (typeof iso === 'string' && iso ? localDateTime(iso).replace(' ', 'T') : '');
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** One answer of a record's form, by its field's type: typed, picked, never free where the kind lists the values. */
export function RecordFieldInput({ kind, field, value, onChange, id }: { kind: RecordKind; field: RecordField; value?: unknown; onChange?: (v: unknown) => void; id?: string }) {
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
      return <Input id={id} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange?.(fromLocalInput(e.target.value))} />;
    case 'date':
      return <Input id={id} type="date" value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value || undefined)} />;
    case 'number':
    case 'money':
      return (
        <InputNumber id={id} min={0} precision={field.type === 'money' ? 2 : undefined} style={{ width: '100%' }} value={value as number | undefined} onChange={(v) => onChange?.(v ?? undefined)} />
      );
    case 'choice':
      return (
        <Select
          id={id}
          allowClear={!field.required}
          showSearch={{ optionFilterProp: 'label' }}
          value={value as string | undefined}
          onChange={(v) => onChange?.(v)}
          options={(field.choices ?? []).map((c) => ({ value: c, label: recordChoiceLabel(kind.id, field.key, c, locale) }))}
        />
      );
    case 'yesNo':
      return <Switch id={id} checked={value === true} onChange={(v) => onChange?.(v)} />;
    default:
      return <Input id={id} maxLength={field.max ?? 200} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} />;
  }
}
