import { App, Button, Checkbox, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
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
  const borrowers = useApi(() => api.listBorrowers({ includeLeft }), [includeLeft, refreshKey], [] as Borrower[]);
  const { data: rows, reload: load } = borrowers;

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
          { title: t('borrowers.name'), dataIndex: 'name' },
          { title: t('borrowers.department'), dataIndex: 'department' },
          { title: t('borrowers.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('borrowers.phone'), dataIndex: 'phone' },
          { title: t('borrowers.holding'), dataIndex: 'holding', render: (n: number) => (n > 0 ? <Tag color="blue">{n}</Tag> : 0) },
          { title: t('loans.status'), dataIndex: 'status', render: (s: Borrower['status']) => L.borrowerStatus[s] },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, b) =>
              b.status === 'active' && (
                <Space>
                  <Button size="small" onClick={() => setEditing(b)}>
                    {t('borrowers.edit')}
                  </Button>
                  <Button size="small" danger onClick={() => void run(async () => setLeaving(await api.getBorrowerHoldings({ borrowerId: b.id })))}>
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
        okButtonProps={{ danger: true, disabled: (leaving?.items.length ?? 0) > 0 }}
        cancelText={t('common.close')}
        onOk={() =>
          void run(async () => {
            await api.markBorrowerLeft({ borrowerId: leaving!.borrower.id });
            message.success(t('borrowers.left'));
            setLeaving(null);
            load();
          })
        }
        width={760}
      >
        <Typography.Paragraph>{leaving && (leaving.items.length ? t('borrowers.stillHolds', { count: leaving.items.length }) : t('borrowers.holdsNothing'))}</Typography.Paragraph>
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
    </Flex>
  );
}
