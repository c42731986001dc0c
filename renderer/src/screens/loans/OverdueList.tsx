import { Button, Empty, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { LoanRegisterRow } from '../../../../shared/api';
import { api } from '../../api';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { useT } from '../../i18n';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';

/** 逾期: files past their due date, longest first, with the borrower's phone; a reminder slip per borrower. */
export function OverdueList({ refreshKey }: { refreshKey: number }) {
  const t = useT();
  const [reminder, setReminder] = useState<FormRequest | null>(null);
  const overdue = useApi(() => api.listOverdue(), [refreshKey], [] as LoanRegisterRow[]);
  return (
    <>
      <ErrorAlert error={overdue.error} onClose={overdue.clearError} />
      <DeskTable<LoanRegisterRow>
        data-testid="overdue-table"
        size="small"
        rowKey="itemId"
        dataSource={overdue.data}
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
              <Button size="small" onClick={() => setReminder({ formId: 'overdue-reminder', blank: false, params: { borrowerId: r.borrowerId } })}>
                {t('loans.reminder')}
              </Button>
            ),
          },
        ]}
      />
      <FormPreview request={reminder} onClose={() => setReminder(null)} />
    </>
  );
}
