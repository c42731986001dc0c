import type { RecordRow } from '../../../../shared/api';
import type { RecordKind } from '../../../../shared/record-kinds';
import { registerCells, registerColumns } from '../../../../shared/record-text';
import { DeskTable, type DeskColumn } from '../../components/DeskTable';
import { useLocaleStore } from '../../i18n';
import { useRecordStore } from './record-store';

type Row = RecordRow & { cells: Record<string, string> };

const widths: Record<string, number> = { recordNo: 120, occurredAt: 140, customer: 200, status: 90, dueDate: 130, content: 260 };

/** A register's rows with the same columns and words as its xlsx (shared/record-text.ts); a row opens the record. */
export function RecordTable({ kind, rows, ...rest }: { kind: RecordKind; rows: RecordRow[] } & Omit<Parameters<typeof DeskTable<Row>>[0], 'columns' | 'dataSource'>) {
  const locale = useLocaleStore((s) => s.locale);
  const openRecord = useRecordStore((s) => s.openRecord);
  const columns: DeskColumn<Row>[] = registerColumns(kind, locale).map((c) => ({
    title: c.title,
    key: c.key,
    width: widths[c.key] ?? 130,
    render: (_: unknown, r: Row) => (c.key === 'dueDate' && r.overdue ? <span style={{ color: '#cf1322' }}>{r.cells[c.key]}</span> : r.cells[c.key]),
  }));
  return (
    <DeskTable<Row>
      rowKey="id"
      columns={columns}
      dataSource={rows.map((r) => ({ ...r, cells: registerCells(kind, r, locale) }))}
      onRow={(r) => ({ onClick: () => openRecord(r.id), style: { cursor: 'pointer' } })}
      {...rest}
    />
  );
}
