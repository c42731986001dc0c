import { App, Button, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { NewFile, NewFileCounts, Page } from '../../../../shared/api';
import { systemMoveReasons } from '../../../../shared/labels';
import { api } from '../../api';
import { type DeskColumn } from '../../components/DeskTable';
import { FilePageTable } from '../../components/FilePageTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

export type NewFileState = keyof NewFileCounts;
const PAGE_SIZE = 50;

/**
 * 新建档案: the files waiting for their review, those returned for correction, and the active files
 * in no box, each with the box that serves its building and floor (003 §9.2); a click opens the file.
 */
export function NewFilesModal({
  counts,
  initial,
  onClose,
  onOpenFile,
  onChanged,
}: {
  counts: NewFileCounts;
  initial: NewFileState;
  onClose: () => void;
  onOpenFile: (fileId: number) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [state, setState] = useState<NewFileState>(initial);
  const [page, setPage] = useState(1);
  const list = useApi(() => api.listNewFiles({ state, page, pageSize: PAGE_SIZE }), [state, page], { rows: [], total: 0, page: 1, pageSize: PAGE_SIZE } as Page<NewFile>);
  const filing = useAction();
  const place = (r: NewFile) =>
    void filing.run(async () => {
      await api.moveFile({ fileId: r.fileId, toBoxId: r.suggestedBox!.id, reason: systemMoveReasons.newFile });
      message.success(t('newFiles.filed', { name: r.name, box: r.suggestedBox!.code }));
      list.reload();
      onChanged();
    });
  const columns: DeskColumn<NewFile>[] = [
    { title: L.field.refNo, dataIndex: 'refNo', width: 230 },
    { title: L.field.name, dataIndex: 'name', width: 150 },
    { title: t('duties.place'), key: 'place', width: 110, render: (_v, r) => [r.building, r.floor ? `${r.floor}F` : null, r.unit].filter(Boolean).join(' ') },
    {
      title: t('newFiles.opened'),
      key: 'opened',
      width: 230,
      render: (_v, r) => (
        <span>
          {r.openedOn} {r.openedBy}
          {r.openedLateDays > 0 && (
            <Tag color="orange" style={{ marginInlineStart: 4 }} title={t('newFiles.contactOn', { date: r.firstContactOn ?? '' })}>
              {t('newFiles.late', { n: r.openedLateDays })}
            </Tag>
          )}
        </span>
      ),
    },
    state === 'unboxed'
      ? {
          title: t('newFiles.box'),
          key: 'box',
          width: 180,
          render: (_v, r) =>
            r.suggestedBox ? (
              <Button
                size="small"
                loading={filing.busy}
                onClick={(e) => {
                  e.stopPropagation();
                  place(r);
                }}
              >
                {t('newFiles.fileInto', { box: r.suggestedBox.code })}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('newFiles.noBox')}</Typography.Text>
            ),
        }
      : {
          title: t('newFiles.review'),
          key: 'review',
          width: 180,
          render: (_v, r) => (
            <span>
              <Tag color={r.reviewState === 'returned' ? 'orange' : 'blue'}>{L.fileReview[r.reviewState]}</Tag>
              {r.reviewState === 'returned' ? (r.reviewNote ?? t('newFiles.withdrawn')) : t('newFiles.waitingDays', { n: r.daysSinceOpened })}
            </span>
          ),
        },
  ];
  return (
    <Modal open width={960} title={t('newFiles.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <ErrorAlert error={list.error ?? filing.error} onClose={() => (list.error ? list.clearError() : filing.setError(null))} />
      <Space style={{ marginBottom: 12 }}>
        <Segmented<NewFileState>
          data-testid="new-files-state"
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={(['pending', 'returned', 'unboxed'] as const).map((s) => ({ value: s, label: `${t(`newFiles.${s}`)}（${counts[s].toLocaleString()}）` }))}
        />
      </Space>
      <FilePageTable<NewFile> testId="new-files-list" columns={columns} list={list.data} loading={list.loading} page={page} onPage={setPage} onOpenFile={onOpenFile} />
    </Modal>
  );
}
