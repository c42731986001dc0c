import { Button, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { LoanRegisterRow } from '../../../../shared/api';
import { api } from '../../api';
import { PrintSheet } from '../../components/PrintSheet';
import { useT } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';

/** 逾期: files past their due date, longest first, with the borrower's phone; a reminder slip per borrower. */
export function OverdueList({ refreshKey }: { refreshKey: number }) {
  const t = useT();
  const organisation = useSessionStore((s) => s.status?.session?.organisation) ?? '';
  const [rows, setRows] = useState<LoanRegisterRow[]>([]);
  const [reminder, setReminder] = useState<LoanRegisterRow[] | null>(null);
  useEffect(() => void api.listOverdue().then(setRows), [refreshKey]);
  const first = reminder?.[0];
  return (
    <>
      <Table<LoanRegisterRow>
        data-testid="overdue-table"
        size="small"
        rowKey="itemId"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('loans.noOverdue')} /> }}
        columns={[
          { title: t('loans.overdue'), dataIndex: 'daysOverdue', width: 100, render: (n: number) => <Tag color="red">{t('loans.overdueDays', { n })}</Tag> },
          { title: t('desk.borrower'), dataIndex: 'borrower', width: 90 },
          { title: t('borrowers.department'), dataIndex: 'department', width: 100 },
          { title: t('borrowers.phone'), dataIndex: 'phone', width: 120 },
          { title: t('customers.refNo'), dataIndex: 'refNo', width: 210 },
          { title: t('customers.name'), dataIndex: 'customerName' },
          { title: t('loans.dueDate'), dataIndex: 'dueDate', width: 100 },
          { title: t('loans.slipNo'), dataIndex: 'slipNo', width: 140 },
          {
            title: '',
            key: 'remind',
            width: 110,
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setReminder(rows.filter((x) => x.borrowerId === r.borrowerId))}>
                {t('loans.reminder')}
              </Button>
            ),
          },
        ]}
      />
      <PrintSheet
        open={!!reminder}
        onClose={() => setReminder(null)}
        title={`${organisation} ${t('loans.reminderTitle')}`}
        testId="overdue-reminder"
        meta={first ? [t('loans.reminderText', { name: first.borrower, department: first.department, date: dayjs().format('YYYY-MM-DD') })] : []}
        rows={reminder ?? []}
        rowKey={(r) => r.itemId}
        columns={[
          { title: t('loans.slipNo'), dataIndex: 'slipNo' },
          { title: t('customers.refNo'), dataIndex: 'refNo' },
          { title: t('customers.name'), dataIndex: 'customerName' },
          { title: t('loans.lentAt'), dataIndex: 'lentAt', render: (v: never) => dayjs(v as string).format('YYYY-MM-DD') },
          { title: t('loans.dueDate'), dataIndex: 'dueDate' },
          { title: t('loans.overdue'), dataIndex: 'daysOverdue', render: (n: never) => t('loans.overdueDays', { n: n as number }) },
        ]}
        signatures={[[t('loans.borrowerSigns'), t('destruction.date')]]}
      />
    </>
  );
}
