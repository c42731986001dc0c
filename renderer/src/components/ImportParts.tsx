import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useLayoutEffect, useState } from 'react';
import type { ImportIssueCode, JobProgress } from '../../../shared/api';
import { readAsBase64 } from '../files';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { DeskTable } from './DeskTable';
import { useJob } from './JobProgressView';
import { useAction } from './useAction';

// The pieces the Excel imports share: the workbook drop zone and the table of row problems.

/** Choose or drop an .xlsx; its bytes come back as base64 with its name. */
export function WorkbookDrop({ fileName, disabled, onChosen }: { fileName: string; disabled?: boolean; onChosen: (base64: string, name: string) => void }) {
  const t = useT();
  return (
    <Upload.Dragger
      disabled={disabled}
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      showUploadList={false}
      beforeUpload={(file) => {
        void readAsBase64(file).then((base64) => onChosen(base64, file.name));
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{fileName || t('import.choose')}</p>
    </Upload.Dragger>
  );
}

/** Every bad row with its spreadsheet row number, the column, the problem in words and the value. */
export function ImportIssuesTable<Issue extends { row: number; field: string | null; code: ImportIssueCode; value?: string }>({
  issues,
  fieldLabel,
  testId,
}: {
  issues: Issue[];
  fieldLabel: (field: Issue['field']) => string;
  testId: string;
}) {
  const t = useT();
  const L = useLabels();
  return (
    <DeskTable<Issue>
      data-testid={testId}
      size="small"
      rowKey={(i) => `${i.row}-${i.field}-${i.code}`}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={issues}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70 },
        { title: t('import.field'), dataIndex: 'field', width: 140, render: (f: Issue['field']) => fieldLabel(f) },
        { title: t('import.problem'), dataIndex: 'code', wrap: true, render: (c: ImportIssueCode) => L.importIssue[c] },
        { title: t('import.value'), dataIndex: 'value', width: 220, wrap: true },
      ]}
    />
  );
}

/**
 * An import dialog's state: the chosen workbook, the dry run's answer, the job and its result.
 * All of it is reset before paint each time the dialog opens, so nothing of the last import shows.
 */
export function useImportDialog<Preview, Result>(open: boolean, kind: JobProgress['kind'], onImported: () => void, onReset?: () => void) {
  const [fileBase64, setFileBase64] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const action = useAction();
  const { job, follow, cancel, clear } = useJob((ended) => {
    if (ended.kind === kind && ended.result) {
      setResult(ended.result as Result);
      onImported();
    }
  });
  const { setError } = action;
  useLayoutEffect(() => {
    if (!open) return;
    setFileBase64(null);
    setFileName('');
    setPreview(null);
    setResult(null);
    setError(null);
    onReset?.();
    clear();
    // onReset is the caller's own reset, called on opening only (a new function each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, clear, setError]);
  const chosen = (base64: string, name: string) => {
    setFileBase64(base64);
    setFileName(name);
  };
  return { ...action, fileBase64, fileName, chosen, preview, setPreview, result, job, follow, cancel, importing: job?.state === 'running' };
}
