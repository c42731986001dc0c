import { localDate, localDateTime } from './dates';
import type { Locale } from './domain';
import { recordKind, type RecordField, type RecordKind } from './record-kinds';
import { recordChoiceLabel, recordCommonLabels, recordLabels, recordStatusLabel } from './record-labels';

// A record's values in words, one rule for the screen, the xlsx register and the printed form, so
// the three read the same: a choice by its label, a moment in local time, yuan to the fen.

export function recordValueText(kind: RecordKind, field: RecordField, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'choice':
      return recordChoiceLabel(kind.id, field.key, String(value), locale);
    case 'yesNo':
      return value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No';
    case 'dateTime':
      return localDateTime(String(value));
    case 'date':
      return localDate(String(value));
    case 'money':
      return Number(value).toFixed(2);
    case 'number':
      return String(value);
    case 'table': {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const cols = field.columns ?? [];
      const names = recordLabels(kind.id, locale).fields;
      return rows.map((r) => cols.map((c) => `${names[`${field.key}.${c.key}`] ?? c.key}：${recordValueText(kind, tableColumn(field, c), r[c.key], locale)}`).join(' ')).join('；');
    }
    default:
      return String(value);
  }
}

/** When a record happened, as its kind dates it: a day for a kind dated by day, else the local minute. */
export function occurredText(kind: RecordKind | undefined, occurredAt: string): string {
  const field = kind?.fields.find((f) => f.key === kind.occurredField);
  return field?.type === 'date' ? localDate(occurredAt) : localDateTime(occurredAt);
}

/** A table's column as a field of its own: its words are keyed "table.column" (staff.leaving). */
export const tableColumn = (table: RecordField, column: RecordField): RecordField => ({ ...column, key: `${table.key}.${column.key}` });

/** The register's columns for a kind: number, date, customer, status, due, then the kind's own. */
export function registerColumns(kind: RecordKind, locale: Locale): { key: string; title: string }[] {
  const c = recordCommonLabels[locale];
  const names = recordLabels(kind.id, locale).fields;
  const own = kind.register.map((key) => ({ key, title: names[key] ?? key }));
  const head = [
    { key: 'recordNo', title: c.recordNo },
    { key: 'occurredAt', title: c.occurredAt },
    ...(kind.scope === 'file' ? [{ key: 'customer', title: c.customer }] : []),
    { key: 'status', title: c.status },
    ...(kind.deadline || kind.dueField ? [{ key: 'dueDate', title: c.dueDate }] : []),
  ];
  return [...head, ...own];
}

/** One register row's cells as text, by the columns above (what the screen shows and the xlsx holds). */
export function registerCells(
  kind: RecordKind,
  row: {
    recordNo: string;
    occurredAt: string;
    refNo: string | null;
    customerName: string | null;
    unit: string | null;
    status: string;
    dueDate: string | null;
    overdue: boolean;
    withheld: boolean;
    fields: Record<string, unknown>;
  },
  locale: Locale,
): Record<string, string> {
  const c = recordCommonLabels[locale];
  const cells: Record<string, string> = {
    recordNo: row.recordNo,
    occurredAt: occurredText(kind, row.occurredAt),
    customer: row.customerName ? [row.customerName, row.unit].filter(Boolean).join(' ') : c.desk,
    status: recordStatusLabel(kind.id, row.status, locale),
    dueDate: row.dueDate ? `${row.dueDate}${row.overdue ? `（${c.overdue}）` : ''}` : '',
  };
  for (const key of kind.register) {
    const field = kind.fields.find((f) => f.key === key)!;
    cells[key] = row.withheld ? '' : recordValueText(kind, field, row.fields[key], locale);
  }
  if (row.withheld && kind.register[0]) cells[kind.register[0]] = c.withheld;
  return cells;
}

/** A record as a person reads it anywhere outside the app (the yearly bundle): its form, number, local date, status and every answer. */
export function recordInWords(
  row: { kind: string; recordNo: string; occurredAt: string; status: string; withheld: boolean; fields: Record<string, unknown> },
  locale: Locale,
): { form: string; recordNo: string; occurredAt: string; status: string; content: string } {
  const kind = recordKind(row.kind);
  const names = recordLabels(row.kind, locale);
  const content = row.withheld
    ? recordCommonLabels[locale].withheld
    : (kind?.fields ?? [])
        .filter((f) => row.fields[f.key] !== undefined)
        .map((f) => `${names.fields[f.key] ?? f.key}${locale === 'zh-CN' ? '：' : ': '}${recordValueText(kind!, f, row.fields[f.key], locale)}`)
        .join(locale === 'zh-CN' ? '；' : '; ');
  return { form: names.title, recordNo: row.recordNo, occurredAt: occurredText(kind, row.occurredAt), status: recordStatusLabel(row.kind, row.status, locale), content };
}
