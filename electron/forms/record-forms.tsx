import type { ReactNode } from 'react';
import type { RecordEvent } from '../../shared/api';
import type { RecordField, RecordKind, RecordSheet as SheetDefinition } from '../../shared/record-kinds';
import { recordChoiceLabel, recordLabels, recordStatusLabel } from '../../shared/record-labels';
import { recordValueText, tableColumn } from '../../shared/record-text';
import { Choice, DataTable, Fields, FormSheet, Signatures, ymdhm, type FormHeader } from './engine';

// Every record kind's paper forms, made from its declaration: a label/answer grid of its fields
// (every choice printed with its boxes, the chosen one ticked), a long answer given the lines its
// field asks for, the steps taken as a table on a tracking sheet, and signature lines at the foot.
// Printed blank, the same grid is left empty to write on by hand.

const zh = 'zh-CN' as const;

/** One record (or a form started from a customer, not yet kept) as a printed form shows it. */
export interface PrintedRecord {
  recordNo: string | null;
  status: string | null;
  fields: Record<string, unknown>;
  events: RecordEvent[];
  customerName: string | null;
  refNo: string | null;
  /** A confidential record printed for someone who may not read it: its number only. */
  withheld: boolean;
}

export interface RecordFormData {
  kind: RecordKind;
  /** The sheet to print; absent: each of the kind's sheets in turn. */
  sheet?: string;
  records: PrintedRecord[];
}

function sheetsOf(kind: RecordKind, only?: string): readonly SheetDefinition[] {
  const all = kind.sheets?.length
    ? kind.sheets
    : [{ id: kind.id, fields: kind.fields.filter((f) => !f.signature).map((f) => f.key), events: kind.moves.length > 0, signatures: kind.fields.filter((f) => f.signature).map((f) => f.key) }];
  return only ? all.filter((s) => s.id === only) : all;
}

function answer(kind: RecordKind, field: RecordField, value: unknown, blank: boolean): ReactNode {
  if (field.type === 'choice') {
    const chosen = value === undefined ? null : recordChoiceLabel(kind.id, field.key, String(value), zh);
    return <Choice options={(field.choices ?? []).map((c) => recordChoiceLabel(kind.id, field.key, c, zh))} chosen={chosen} />;
  }
  if (field.type === 'yesNo') return <Choice options={['是', '否']} chosen={value === undefined ? null : value ? '是' : '否'} />;
  if (blank) return undefined;
  const text = recordValueText(kind, field, value, zh);
  return field.type === 'longText' ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : text;
}

function Sheet({ header, kind, sheet, record }: { header: FormHeader; kind: RecordKind; sheet: SheetDefinition; record: PrintedRecord | null }) {
  const names = recordLabels(kind.id, zh);
  const blank = !record || record.withheld;
  const all = sheet.fields.map((key) => kind.fields.find((f) => f.key === key)!);
  const fields = all.filter((f) => f.type !== 'table');
  const tables = all.filter((f) => f.type === 'table');
  const title = names.sheets?.[sheet.id] ?? names.title;
  const sub = record?.customerName ? `${record.customerName}${record.refNo ? `（档号 ${record.refNo}）` : ''}` : header.organisation;
  return (
    <FormSheet
      header={{ ...header, title }}
      subLeft={sub}
      subRight={record?.recordNo ? `编号：${record.recordNo}${record.status ? `　${recordStatusLabel(kind.id, record.status, zh)}` : ''}` : '编号：'}
    >
      {record?.withheld && <p className="note">机密记录：内容未打印（003 §15，须经总经理批准）。</p>}
      <Fields
        cells={fields.map((f) => [
          names.fields[f.key]!,
          answer(kind, f, record?.fields[f.key], blank),
          f.wide || f.type === 'longText' || (f.choices?.length ?? 0) > 3 ? 2 : 1,
          f.type === 'longText' ? (f.lines ?? 2) : 0,
        ])}
      />
      {tables.map((table) => (
        <div key={table.key}>
          <p className="note">
            <strong>{names.fields[table.key]}</strong>
          </p>
          <DataTable<Record<string, unknown>>
            columns={[
              { title: '序号', width: '12mm', value: (_r, i) => i + 1 },
              ...(table.columns ?? []).map((c) => ({
                title: names.fields[`${table.key}.${c.key}`] ?? c.key,
                value: (r: Record<string, unknown>) => recordValueText(kind, tableColumn(table, c), r[c.key], zh),
              })),
            ]}
            rows={blank ? [] : ((record?.fields[table.key] as Record<string, unknown>[] | undefined) ?? [])}
            minRows={8}
          />
        </div>
      ))}
      {sheet.events && (
        <DataTable<RecordEvent>
          columns={[
            { title: '时间', width: '34mm', nowrap: true, value: (e) => ymdhm(e.at) },
            { title: '环节', width: '34mm', value: (e) => names.moves?.[e.move] ?? '' },
            { title: '办理人', width: '26mm', value: (e) => e.accountName ?? '' },
            { title: '说明', value: (e) => e.note ?? '' },
          ]}
          rows={blank ? [] : (record?.events ?? [])}
          minRows={5}
        />
      )}
      <Signatures
        rows={[
          [
            ...(sheet.signatures ?? []).map((key) => {
              const field = kind.fields.find((f) => f.key === key);
              const value = field && !field.signature && !blank ? recordValueText(kind, field, record?.fields[key], zh) : undefined;
              return { label: names.fields[key] ?? key, value };
            }),
            { label: '日期' },
          ],
        ]}
      />
    </FormSheet>
  );
}

/** A kind's forms: for each record (or once, blank), each of its sheets on a page of its own. */
export function RecordForms({ header, data, kind: blankKind }: { header: FormHeader; data: RecordFormData | null; kind?: RecordKind }) {
  const kind = data?.kind ?? blankKind;
  if (!kind) return null;
  const records: (PrintedRecord | null)[] = data?.records.length ? data.records : [null];
  return <>{records.flatMap((record, i) => sheetsOf(kind, data?.sheet).map((sheet) => <Sheet key={`${i}-${sheet.id}`} header={header} kind={kind} sheet={sheet} record={record} />))}</>;
}
