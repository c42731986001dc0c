import { Badge, Button, Card, Col, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentCategory, DutyFile, DutySummary, Page } from '../../../../shared/api';
import { periodName, type DutyId } from '../../../../shared/duties';
import { api } from '../../api';
import { type DeskColumn } from '../../components/DeskTable';
import { FilePageTable } from '../../components/FilePageTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { categoryName, useLabels } from '../../labels';

type DutyState = 'late' | 'due' | 'owing';

/** 工作台's card of what the files owe: each duty in force, its period, how many files are late and due. */
export function DutiesCard({ duties, onOpenFile }: { duties: DutySummary[] | null; onOpenFile: (fileId: number) => void }) {
  const t = useT();
  const L = useLabels();
  const [shown, setShown] = useState<{ duty: DutyId; state: DutyState } | null>(null);
  const late = (duties ?? []).reduce((n, d) => n + d.late, 0);
  const when = (d: DutySummary) => (d.period && d.window ? `${L.dutyPeriod[d.period]} · ${periodName(d.window, d.period, L.locale)}` : t('duties.withinDays', { n: d.withinDays ?? 0 }));
  const count = (d: DutySummary, state: 'late' | 'due') => {
    const n = d[state];
    if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    return (
      <Button size="small" type="link" danger={state === 'late'} data-testid={`duty-${d.duty}-${state}`} onClick={() => setShown({ duty: d.duty, state })}>
        {n.toLocaleString()}
      </Button>
    );
  };
  return (
    <Col xs={24} xl={16}>
      <Card
        size="small"
        data-testid="home-duties"
        title={
          <Badge count={late} showZero overflowCount={99999} color={late === 0 ? '#bfbfbf' : '#ff4d4f'} offset={[14, 0]}>
            <span>{t('duties.title')}</span>
          </Badge>
        }
      >
        <Table<DutySummary>
          size="small"
          pagination={false}
          rowKey="duty"
          loading={duties === null ? { tip: t('home.counting') } : false}
          dataSource={duties ?? []}
          locale={{ emptyText: t('duties.none') }}
          columns={[
            { title: t('duties.duty'), dataIndex: 'duty', render: (duty: DutyId) => L.duty[duty] },
            { title: t('duties.period'), key: 'period', width: 220, render: (_v, d) => <Typography.Text type="secondary">{when(d)}</Typography.Text> },
            { title: t('duties.late'), key: 'late', width: 90, align: 'right', render: (_v, d) => count(d, 'late') },
            { title: t('duties.due'), key: 'due', width: 90, align: 'right', render: (_v, d) => count(d, 'due') },
          ]}
        />
      </Card>
      {shown && (
        <DutyFilesModal
          duty={shown.duty}
          state={shown.state}
          summary={duties?.find((d) => d.duty === shown.duty)}
          onClose={() => setShown(null)}
          onOpenFile={(fileId) => {
            setShown(null);
            onOpenFile(fileId);
          }}
        />
      )}
    </Col>
  );
}

const PAGE_SIZE = 50;

/** The files behind one count, every one of them a page at a time; a click opens the file. */
function DutyFilesModal({ duty, state: first, summary, onClose, onOpenFile }: { duty: DutyId; state: DutyState; summary?: DutySummary; onClose: () => void; onOpenFile: (fileId: number) => void }) {
  const t = useT();
  const L = useLabels();
  const [state, setState] = useState<DutyState>(first);
  const [page, setPage] = useState(1);
  const list = useApi(() => api.listDutyFiles({ duty, state, page, pageSize: PAGE_SIZE }), [duty, state, page], { rows: [], total: 0, page: 1, pageSize: PAGE_SIZE } as Page<DutyFile>);
  const categories = useApi(() => api.listDocumentCategories(), [], [] as DocumentCategory[]);
  const category = (code: string) => {
    const c = categories.data.find((x) => x.code === code);
    return c ? categoryName(c, L.locale) : '';
  };
  const columns: DeskColumn<DutyFile>[] = [
    { title: L.field.refNo, dataIndex: 'refNo', width: 210 },
    { title: L.field.name, dataIndex: 'name', width: 200 },
    { title: t('duties.place'), key: 'place', width: 150, render: (_v, r) => [r.building, r.floor ? `${r.floor}F` : null, r.unit].filter(Boolean).join(' ') },
    { title: L.field.kind, dataIndex: 'kind', width: 90, render: (k: DutyFile['kind']) => L.kind[k] },
    duty === 'completeness'
      ? { title: t('duties.lacking'), key: 'lacking', wrap: true, width: 260, render: (_v, r) => (r.lacking ?? []).map(category).filter(Boolean).join('、') }
      : { title: t('duties.lastDone'), dataIndex: 'lastDone', width: 120, render: (v?: string) => v ?? t('duties.never') },
    { title: t('duties.state'), dataIndex: 'late', width: 80, render: (late: boolean) => <Tag color={late ? 'red' : 'blue'}>{t(late ? 'duties.late' : 'duties.due')}</Tag> },
  ];
  return (
    <Modal
      open
      width={1060}
      title={`${L.duty[duty]}${summary?.period && summary.window ? `（${periodName(summary.window, summary.period, L.locale)}）` : ''}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <ErrorAlert error={list.error ?? categories.error} onClose={list.clearError} />
      <Segmented<DutyState>
        value={state}
        onChange={(v) => {
          setState(v);
          setPage(1);
        }}
        options={[
          { value: 'late', label: `${t('duties.late')} ${summary?.late.toLocaleString() ?? ''}` },
          { value: 'due', label: `${t('duties.due')} ${summary?.due.toLocaleString() ?? ''}` },
          { value: 'owing', label: t('duties.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <FilePageTable<DutyFile> testId="duty-files" columns={columns} list={list.data} loading={list.loading} page={page} onPage={setPage} onOpenFile={onOpenFile} />
    </Modal>
  );
}
