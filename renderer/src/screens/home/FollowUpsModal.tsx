import { Modal, Segmented, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { FollowUpDue, FollowUpSummary, Page } from '../../../../shared/api';
import type { FollowUpId } from '../../../../shared/follow-ups';
import { api } from '../../api';
import { type DeskColumn } from '../../components/DeskTable';
import { FilePageTable } from '../../components/FilePageTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

type VisitState = 'late' | 'due' | 'owing';
const PAGE_SIZE = 50;

/** Every follow-up visit owed, one schedule's or all, a page at a time; a click opens the file. */
export function FollowUpsModal({ summary, onClose, onOpenFile }: { summary: FollowUpSummary[]; onClose: () => void; onOpenFile: (fileId: number) => void }) {
  const t = useT();
  const L = useLabels();
  const [followUp, setFollowUp] = useState<FollowUpId | 'all'>('all');
  const [state, setState] = useState<VisitState>('owing');
  const [page, setPage] = useState(1);
  const list = useApi(() => api.listFollowUps({ followUp: followUp === 'all' ? undefined : followUp, state, page, pageSize: PAGE_SIZE }), [followUp, state, page], {
    rows: [],
    total: 0,
    page: 1,
    pageSize: PAGE_SIZE,
  } as Page<FollowUpDue>);
  const columns: DeskColumn<FollowUpDue>[] = [
    { title: L.field.refNo, dataIndex: 'refNo', width: 240 },
    { title: L.field.name, dataIndex: 'name', width: 150 },
    { title: t('duties.place'), key: 'place', width: 110, render: (_v, r) => [r.building, r.floor ? `${r.floor}F` : null, r.unit].filter(Boolean).join(' ') },
    { title: L.field.kind, dataIndex: 'kind', width: 80, render: (k: FollowUpDue['kind']) => L.kind[k] },
    { title: t('followUps.schedule'), dataIndex: 'followUp', width: 160, render: (id: FollowUpId) => L.followUp[id] },
    { title: t('followUps.visit'), key: 'visit', width: 70, render: (_v, r) => (r.followUp.startsWith('grade_') ? t('followUps.regular') : t('followUps.visitOf', { n: r.visit, of: r.of })) },
    { title: t('followUps.dueDate'), dataIndex: 'dueDate', width: 100 },
    { title: t('duties.state'), dataIndex: 'late', width: 90, render: (late: boolean) => <Tag color={late ? 'red' : 'blue'}>{t(late ? 'duties.late' : 'duties.due')}</Tag> },
  ];
  const reset = () => setPage(1);
  return (
    <Modal open width={1060} title={t('followUps.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <ErrorAlert error={list.error} onClose={list.clearError} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<FollowUpId | 'all'>
          data-testid="follow-ups-schedule"
          style={{ width: 380 }}
          value={followUp}
          onChange={(v) => {
            setFollowUp(v);
            reset();
          }}
          options={[
            { value: 'all', label: t('followUps.all') },
            ...summary.map((s) => ({ value: s.followUp, label: t('followUps.counts', { name: L.followUp[s.followUp], late: s.late.toLocaleString(), due: s.due.toLocaleString() }) })),
          ]}
        />
        <Segmented<VisitState>
          value={state}
          onChange={(v) => {
            setState(v);
            reset();
          }}
          options={[
            { value: 'owing', label: t('duties.all') },
            { value: 'late', label: t('duties.late') },
            { value: 'due', label: t('duties.due') },
          ]}
        />
      </Space>
      <FilePageTable<FollowUpDue>
        testId="follow-ups-list"
        rowKey={(r) => `${r.fileId}-${r.followUp}`}
        columns={columns}
        list={list.data}
        loading={list.loading}
        page={page}
        onPage={setPage}
        onOpenFile={onOpenFile}
      />
    </Modal>
  );
}
