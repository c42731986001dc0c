import { Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';

/** A column that may wrap onto a second line instead of ending in "…" (a sentence, a note). */
export type DeskColumn<T> = ColumnType<T> & { wrap?: boolean };

/** The width a column without one gets: wide enough for a name or a purpose on a 1366×768 screen. */
const FLEX_WIDTH = 180;

/**
 * Every list in the app: on the desk's 1366×768 screen a cell never collapses to one character a
 * line. Columns keep their widths (a column without one gets a readable width), text that does not
 * fit ends in "…" with the whole text on hover, and a table wider than the screen scrolls sideways.
 */
export function DeskTable<T extends object>({ columns, scroll, size, ...props }: Omit<TableProps<T>, 'columns'> & { columns: DeskColumn<T>[] }) {
  const fitted: ColumnType<T>[] = columns.map(({ wrap, ...c }) =>
    wrap
      ? {
          ...c,
          width: c.width ?? FLEX_WIDTH,
          render: (value: unknown, record: T, index: number) => {
            const shown = c.render ? c.render(value, record, index) : (value as ReactNode);
            return (
              <div className="desk-cell-wrap" title={typeof shown === 'string' ? shown : undefined}>
                {shown as ReactNode}
              </div>
            );
          },
        }
      : { ...c, width: c.width ?? FLEX_WIDTH, ellipsis: c.ellipsis ?? { showTitle: true } },
  );
  const total = fitted.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : FLEX_WIDTH), 0);
  return <Table<T> size={size ?? 'small'} tableLayout="fixed" scroll={{ x: total, ...scroll }} columns={fitted} {...props} />;
}
