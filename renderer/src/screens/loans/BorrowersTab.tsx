import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Borrower, LoanRegisterRow } from '../../../../shared/api';
import type { SaveBorrowerInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';
import { FormModal } from '../../components/FormModal';

/** 借阅人: company staff who borrow; a leaver's files are listed, and they leave only once all are back. */
export function BorrowersTab({ refreshKey, onChanged }: { refreshKey: number; onChanged: () => void }) {
  const t = useT();
  const { error, setError, run } = useAction();
  const L = useLabels();
  const { message } = App.useApp();
  const [includeLeft, setIncludeLeft] = useState(false);
  const [editing, setEditing] = useState<Partial<Borrower> | null>(null);
  const [leaving, setLeaving] = useState<{ borrower: Borrower; items: LoanRegisterRow[] } | null>(null);
  const [successor, setSuccessor] = useState<number | undefined>();
  const [handingOver, setHandingOver] = useState<Borrower | null>(null);
  const borrowers = useApi(() => api.listBorrowers({ includeLeft }), [includeLeft, refreshKey], [] as Borrower[]);
  const { data: rows, reload: load } = borrowers;
  // Who can take customers over: current staff other than the one giving them.
  const takers = (from: Borrower | undefined) => rows.filter((b) => b.status === 'active' && b.id !== from?.id).map((b) => ({ value: b.id, label: `${b.name}（${b.department}）` }));
  const leavingOwns = leaving?.borrower.owns ?? 0;

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <ErrorAlert error={borrowers.error} onClose={borrowers.clearError} />
      <Space>
        <Button type="primary" onClick={() => setEditing({})}>
          {t('borrowers.add')}
        </Button>
        <Checkbox checked={includeLeft} onChange={(e) => setIncludeLeft(e.target.checked)}>
          {t('borrowers.showLeft')}
        </Checkbox>
      </Space>
      <DeskTable<Borrower>
        data-testid="borrowers-table"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('borrowers.name'), dataIndex: 'name', width: 120 },
          { title: t('borrowers.department'), dataIndex: 'department', width: 130 },
          { title: t('borrowers.employeeNo'), dataIndex: 'employeeNo', width: 140 },
          { title: t('borrowers.phone'), dataIndex: 'phone', width: 140 },
          { title: t('borrowers.holding'), dataIndex: 'holding', width: 90, render: (n: number) => (n > 0 ? <Tag color="blue">{n}</Tag> : 0) },
          { title: t('borrowers.owns'), dataIndex: 'owns', width: 90, render: (n: number) => (n > 0 ? <Tag color="green">{n}</Tag> : 0) },
          { title: t('loans.status'), dataIndex: 'status', width: 80, render: (s: Borrower['status']) => L.borrowerStatus[s] },
          {
            title: '',
            key: 'actions',
            width: 260,
            render: (_: unknown, b) =>
              b.status === 'active' && (
                <Space>
                  <Button size="small" onClick={() => setEditing(b)}>
                    {t('borrowers.edit')}
                  </Button>
                  {b.owns > 0 && (
                    <Button size="small" onClick={() => setHandingOver(b)}>
                      {t('handover.open')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      void run(async () => {
                        setSuccessor(undefined);
                        setLeaving(await api.getBorrowerHoldings({ borrowerId: b.id }));
                      })
                    }
                  >
                    {t('borrowers.leave')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal<SaveBorrowerInput>
        title={editing?.id ? t('borrowers.edit') : t('borrowers.add')}
        open={!!editing}
        onClose={() => setEditing(null)}
        initialValues={editing ? { ...editing, phone: editing.phone ?? undefined, employeeNo: editing.employeeNo ?? undefined } : {}}
        onSubmit={async (v) => {
          await api.saveBorrower({ ...v, id: editing?.id });
          setEditing(null);
          load();
          onChanged();
        }}
      >
        <Form.Item name="name" label={t('borrowers.name')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="department" label={t('borrowers.department')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="employeeNo" label={t('borrowers.employeeNo')} extra={t('borrowers.employeeNoHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('borrowers.phone')}>
          <Input />
        </Form.Item>
      </FormModal>
      <Modal
        title={leaving ? t('borrowers.leaveTitle', { name: leaving.borrower.name }) : ''}
        open={!!leaving}
        onCancel={() => setLeaving(null)}
        okText={t('borrowers.markLeft')}
        okButtonProps={{ danger: true, disabled: (leaving?.items.length ?? 0) > 0 || (leavingOwns > 0 && !successor) }}
        cancelText={t('common.close')}
        onOk={() =>
          void run(async () => {
            await api.markBorrowerLeft({ borrowerId: leaving!.borrower.id, customersTo: leavingOwns > 0 ? successor : undefined });
            message.success(t('borrowers.left'));
            setLeaving(null);
            load();
          })
        }
        width={760}
      >
        <Typography.Paragraph>{leaving && (leaving.items.length ? t('borrowers.stillHolds', { count: leaving.items.length }) : t('borrowers.holdsNothing'))}</Typography.Paragraph>
        {leavingOwns > 0 && (
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Text>{t('handover.leaverOwns', { count: leavingOwns })}</Typography.Text>
            <Select
              data-testid="leaver-successor"
              style={{ width: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('handover.chooseTaker')}
              value={successor}
              onChange={setSuccessor}
              options={takers(leaving?.borrower)}
            />
          </Space>
        )}
        <DeskTable<LoanRegisterRow>
          data-testid="leaver-holdings"
          size="small"
          rowKey="itemId"
          pagination={false}
          dataSource={leaving?.items ?? []}
          columns={[
            { title: t('loans.slipNo'), dataIndex: 'slipNo' },
            { title: t('customers.refNo'), dataIndex: 'refNo' },
            { title: t('customers.name'), dataIndex: 'customerName' },
            { title: t('loans.dueDate'), dataIndex: 'dueDate' },
          ]}
        />
      </Modal>
      <FormModal<{ toBorrowerId: number; reason: string }>
        title={handingOver ? t('handover.title', { name: handingOver.name, count: handingOver.owns }) : ''}
        open={!!handingOver}
        onClose={() => setHandingOver(null)}
        initialValues={{}}
        onSubmit={async (v) => {
          const { customers } = await api.handOverCustomers({ fromBorrowerId: handingOver!.id, toBorrowerId: v.toBorrowerId, reason: v.reason });
          message.success(t('handover.done', { count: customers }));
          setHandingOver(null);
          load();
          onChanged();
        }}
      >
        <Form.Item name="toBorrowerId" label={t('handover.to')} rules={[{ required: true, message: t('handover.chooseTaker') }]}>
          <Select data-testid="handover-taker" showSearch={{ optionFilterProp: 'label' }} options={takers(handingOver ?? undefined)} />
        </Form.Item>
        <Form.Item name="reason" label={t('handover.reason')} rules={[{ required: true, whitespace: true, message: t('handover.reasonRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
