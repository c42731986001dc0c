import { Badge, Button, Card, Col, Empty, List, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { addDays } from '../../../../shared/dates';
import { DueTomorrowModal } from './DueTomorrowModal';
import { DutiesCard } from './DutiesCard';
import { FollowUpsModal } from './FollowUpsModal';
import { NewFilesModal, type NewFileState } from './NewFilesModal';
import { useLabels } from '../../labels';
import type { Dashboard, OpenRecordCount } from '../../../../shared/api';
import { HOME_DUE_DAYS, recordKinds } from '../../../../shared/record-kinds';
import { recordLabels } from '../../../../shared/record-labels';
import { useRecordStore } from '../records/record-store';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useLocaleStore, useT } from '../../i18n';
import { useCustomersStore } from '../../stores/customers-store';
import { useNavStore } from '../../stores/nav-store';

const REFRESH_MS = 30_000;
const RECOUNT_MS = 1_000;

/** 工作台: what needs doing today; each card opens the list behind it. */
export function HomePage() {
  const t = useT();
  const dashboard = useApi(() => api.getDashboard({ allowStale: true }), [], null as Dashboard | null);
  const openRecords = useApi(() => api.openRecords(), [], [] as OpenRecordCount[]);
  const locale = useLocaleStore((s) => s.locale);
  const showRegister = useRecordStore((s) => s.showRegister);
  const d = dashboard.data;
  const go = useNavStore((s) => s.go);
  const showLoans = useNavStore((s) => s.showLoans);
  const openFile = useCustomersStore((s) => s.openFile);
  const loadDashboard = dashboard.reload;
  const loadRecords = openRecords.reload;
  const [tomorrowShown, setTomorrowShown] = useState(false);
  const [followUpsShown, setFollowUpsShown] = useState(false);
  const [newFilesShown, setNewFilesShown] = useState<NewFileState | null>(null);
  const L = useLabels();
  // Counts follow the archive: on arrival, when the window regains focus, and every half minute.
  useEffect(() => {
    const load = () => {
      loadDashboard();
      loadRecords();
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener('focus', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [loadDashboard, loadRecords]);
  // Counts over every file being read again behind the answer: ask again shortly for them.
  const stale = d ? !d.countsFresh : false;
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(loadDashboard, RECOUNT_MS);
    return () => clearTimeout(timer);
  }, [stale, d, loadDashboard]);
  if (!d) return <ErrorAlert error={dashboard.error} onClose={dashboard.clearError} />;
  const file = (fileId: number) => {
    go('customers');
    openFile(fileId);
  };

  const card = (testId: string, title: string, count: number, open: () => void, body?: ReactNode, danger = false) => (
    <Col xs={24} md={12} xl={8}>
      <Card
        size="small"
        data-testid={testId}
        title={
          <Badge count={count} showZero color={count === 0 ? '#bfbfbf' : danger ? '#ff4d4f' : '#1677ff'} offset={[14, 0]}>
            <span>{title}</span>
          </Badge>
        }
        extra={
          <Button size="small" type="link" onClick={open}>
            {t('home.open')}
          </Button>
        }
      >
        {body ?? <Statistic value={count} />}
      </Card>
    </Col>
  );
  const files = (items: { fileId: number; refNo: string; name: string; note?: ReactNode }[]) =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothing')} />
    ) : (
      <List
        size="small"
        dataSource={items.slice(0, 6)}
        renderItem={(i) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => file(i.fileId)}>
            <span>
              {i.name} <Typography.Text type="secondary">{i.refNo}</Typography.Text>
            </span>
            {i.note}
          </List.Item>
        )}
      />
    );

  return (
    <Row gutter={[16, 16]}>
      {dashboard.error && (
        <Col span={24}>
          <ErrorAlert error={dashboard.error} onClose={dashboard.clearError} />
        </Col>
      )}
      {card(
        'home-overdue',
        t('home.overdue'),
        d.overdue.length,
        () => showLoans('overdue'),
        d.overdue.length === 0 ? undefined : (
          <List
            size="small"
            dataSource={d.overdue.slice(0, 6)}
            renderItem={(r) => (
              <List.Item>
                <span>
                  {r.borrower}（{r.department}）{r.phone ?? ''}
                </span>
                <Tag color="red">{t('loans.overdueDays', { n: r.daysOverdue })}</Tag>
              </List.Item>
            )}
          />
        ),
        true,
      )}
      {card(
        'home-due-today',
        t('home.dueToday'),
        d.dueToday.length,
        () => showLoans('register'),
        d.dueToday.length === 0 ? undefined : files(d.dueToday.map((r) => ({ fileId: r.fileId, refNo: r.refNo, name: r.customerName, note: <span>{r.borrower}</span> }))),
      )}
      {card(
        'home-due-tomorrow',
        t('home.dueTomorrow'),
        d.dueTomorrow.length,
        () => setTomorrowShown(true),
        d.dueTomorrow.length === 0
          ? undefined
          : files(d.dueTomorrow.map((r) => ({ fileId: r.fileId, refNo: r.refNo, name: r.customerName, note: <span style={{ whiteSpace: 'nowrap' }}>{r.borrower}</span> }))),
      )}
      {followUpsShown && (
        <FollowUpsModal
          summary={d.followUpSummary}
          onClose={() => setFollowUpsShown(false)}
          onOpenFile={(fileId) => {
            setFollowUpsShown(false);
            file(fileId);
          }}
        />
      )}
      {newFilesShown && (
        <NewFilesModal
          counts={d.newFiles}
          initial={newFilesShown}
          onClose={() => setNewFilesShown(null)}
          onChanged={loadDashboard}
          onOpenFile={(fileId) => {
            setNewFilesShown(null);
            file(fileId);
          }}
        />
      )}
      {tomorrowShown && <DueTomorrowModal rows={d.dueTomorrow} date={addDays(d.today, 1)} onClose={() => setTomorrowShown(false)} />}
      <DutiesCard duties={d.countsReady ? d.duties : null} onOpenFile={file} />
      {card('home-approvals', t(d.approvalsMine ? 'home.myApprovals' : 'home.approvals'), d.approvalsWaiting, () => go('approvals'))}
      {card(
        'home-new-files',
        t('home.newFiles'),
        d.newFiles.pending + d.newFiles.returned + d.newFiles.unboxed,
        () => setNewFilesShown(d.newFiles.returned > 0 ? 'returned' : d.newFiles.pending > 0 ? 'pending' : 'unboxed'),
        <List
          size="small"
          dataSource={(['pending', 'returned', 'unboxed'] as const).map((s) => ({ state: s, n: d.newFiles[s] }))}
          renderItem={(i) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => setNewFilesShown(i.state)} data-testid={`new-files-${i.state}`}>
              <span>{t(`newFiles.${i.state}`)}</span>
              <Tag color={i.n === 0 ? undefined : i.state === 'returned' ? 'orange' : 'blue'}>{i.n.toLocaleString()}</Tag>
            </List.Item>
          )}
        />,
      )}
      {card(
        'home-inspections',
        t('home.inspections'),
        d.cabinetsNotInspected.length,
        () => go('inspections'),
        d.cabinetsNotInspected.length === 0 ? undefined : <Typography.Paragraph>{d.cabinetsNotInspected.map((c) => c.code).join('、')}</Typography.Paragraph>,
      )}
      {card(
        'home-labels',
        t('home.labels'),
        d.labelsOutOfDateCount,
        () => go('locations'),
        files(
          d.labelsOutOfDate.map((l) => ({
            ...l,
            note: (
              <Typography.Text delete type="secondary">
                {l.labelName}
              </Typography.Text>
            ),
          })),
        ),
      )}
      {card('home-departed', t('home.departed'), d.departedInActiveBoxes, () => go('locations'))}
      {card('home-review', t('home.review'), d.dueForReviewCount, () => go('customers'), files(d.dueForReview))}
      {card(
        'home-followups',
        t('home.followUps'),
        d.followUpsCount,
        () => setFollowUpsShown(true),
        d.countsReady ? (
          files(
            d.followUps.map((f) => ({
              ...f,
              note: (
                <Tag color={f.late ? 'red' : undefined} title={L.followUp[f.followUp]}>
                  {f.followUp.startsWith('grade_')
                    ? t(f.late ? 'home.visitRegularLate' : 'home.visitRegular', { date: f.dueDate })
                    : t(f.late ? 'home.visitLate' : 'home.visit', { n: f.visit, of: f.of, date: f.dueDate })}
                </Tag>
              ),
            })),
          )
        ) : (
          <Spin tip={t('home.counting')}>
            <div style={{ height: 48 }} />
          </Spin>
        ),
      )}
      {recordKinds
        .filter((k) => k.home)
        .map((k) => {
          const counts = openRecords.data.find((c) => c.kind === k.id) ?? { open: 0, overdue: 0, dueSoon: 0 };
          return card(
            `home-records-${k.id}`,
            t(k.home === 'due' ? 'home.recordsDue' : 'home.records', { kind: recordLabels(k.id, locale).title, days: HOME_DUE_DAYS }),
            k.home === 'due' ? counts.dueSoon : counts.open,
            () => {
              showRegister({ kind: k.id, open: counts.overdue === 0, overdue: counts.overdue > 0 });
              go('records');
            },
            counts.overdue > 0 ? <Tag color="red">{t('home.recordsOverdue', { n: counts.overdue })}</Tag> : undefined,
            counts.overdue > 0,
          );
        })}
    </Row>
  );
}
