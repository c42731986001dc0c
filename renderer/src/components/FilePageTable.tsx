import type { Page } from '../../../shared/api';
import { useT } from '../i18n';
import { DeskTable, type DeskColumn } from './DeskTable';

/**
 * One page of the files behind a count on 工作台 (duties, visits, new files): a row opens its file,
 * the pager counts every one of them.
 */
export function FilePageTable<T extends { fileId: number }>({
  testId,
  rowKey = 'fileId',
  columns,
  list,
  loading,
  page,
  onPage,
  onOpenFile,
}: {
  testId: string;
  rowKey?: string | ((row: T) => string);
  columns: DeskColumn<T>[];
  list: Page<T>;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  onOpenFile: (fileId: number) => void;
}) {
  const t = useT();
  return (
    <DeskTable<T>
      data-testid={testId}
      rowKey={rowKey}
      loading={loading}
      dataSource={list.rows}
      columns={columns}
      scroll={{ y: 420 }}
      onRow={(r) => ({ onClick: () => onOpenFile(r.fileId), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize: list.pageSize, total: list.total, showSizeChanger: false, onChange: onPage, showTotal: (n) => t('duties.total', { n: n.toLocaleString() }) }}
    />
  );
}
