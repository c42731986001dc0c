import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Typography } from 'antd';
import type { LoanRegisterRow } from '../../../../shared/api';
import { dayOrEmpty } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { PrintList } from '../../components/PrintList';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

/** Tomorrow's returns, to remind the borrowers the day before (003 §6 4.6.4), on screen and on paper. */
export function DueTomorrowModal({ rows, date, onClose }: { rows: LoanRegisterRow[]; date: string; onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const title = t('dueTomorrow.title', { date });
  return (
    <Modal
      open
      width={1060}
      title={title}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={rows.length === 0} onClick={() => window.print()} data-testid="due-tomorrow-print">
            {t('dueTomorrow.print')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('dueTomorrow.hint')}</Typography.Paragraph>
      <DeskTable<LoanRegisterRow>
        data-testid="due-tomorrow"
        rowKey="itemId"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { title: t('loans.slipNo'), dataIndex: 'slipNo', width: 130 },
          { title: L.field.refNo, dataIndex: 'refNo', width: 210 },
          { title: L.field.name, dataIndex: 'customerName', width: 180 },
          { title: t('dueTomorrow.borrower'), dataIndex: 'borrower', width: 100 },
          { title: t('borrowers.department'), dataIndex: 'department', width: 110 },
          { title: t('borrowers.phone'), dataIndex: 'phone', width: 130 },
          { title: t('loans.lentAt'), dataIndex: 'lentAt', width: 110, render: (v: string | null) => dayOrEmpty(v) },
        ]}
      />
      <PrintList
        title={title}
        subtitle={t('dueTomorrow.count', { n: rows.length })}
        columns={[
          { title: t('loans.slipNo'), share: 12 },
          { title: L.field.refNo, share: 20 },
          { title: L.field.name, share: 16 },
          { title: t('dueTomorrow.borrower'), share: 9 },
          { title: t('borrowers.department'), share: 10 },
          { title: t('borrowers.phone'), share: 15 },
          { title: t('dueTomorrow.reminded'), share: 9 },
          { title: t('dueTomorrow.note'), share: 9 },
        ]}
        rows={rows.map((r) => [r.slipNo, r.refNo, r.customerName, r.borrower, r.department, r.phone ?? '', '', ''])}
      />
    </Modal>
  );
}
