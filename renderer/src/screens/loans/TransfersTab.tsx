import { App, Button, Flex, Form, Input, Tag } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useState } from 'react';
import type { TransferInfo } from '../../../../shared/api';
import type { RequestTransferInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { FilePicker } from '../../components/FilePicker';
import { FormPreview } from '../../components/FormPreview';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';

/** 移交 (003 §6 4.7): files to another department with the department head's approval and a signed receipt. */
export function TransfersTab({ refreshKey, onChanged }: { refreshKey: number; onChanged: () => void }) {
  const t = useT();
  const { error, setError, run: runAction } = useAction();
  const run = (action: () => Promise<unknown>) =>
    runAction(async () => {
      await action();
      load();
      onChanged();
    });
  const L = useLabels();
  const { message, modal } = App.useApp();
  const [requesting, setRequesting] = useState(false);
  const [receipt, setReceipt] = useState<TransferInfo | null>(null);
  const transfers = useApi(() => api.listTransfers(), [refreshKey], [] as TransferInfo[]);
  const { data: rows, reload: load } = transfers;

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={transfers.error} onClose={transfers.clearError} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setRequesting(true)}>
        {t('transfers.request')}
      </Button>
      <DeskTable<TransferInfo>
        data-testid="transfers-table"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('transfers.no'), dataIndex: 'transferNo', width: 130 },
          { title: t('transfers.to'), dataIndex: 'toDepartment' },
          {
            title: t('transfers.files'),
            dataIndex: 'files',
            render: (f: TransferInfo['files']) => (
              <>
                {f.some((x) => x.blacklisted) && <Tag color="red">{t('customers.blacklisted')}</Tag>}
                {f.map((x) => `${x.refNo} ${x.name}`).join('；')}
              </>
            ),
          },
          { title: t('approvals.reason'), dataIndex: 'reason' },
          { title: t('loans.status'), dataIndex: 'status', width: 110, render: (s: TransferInfo['status']) => <Tag>{L.transferStatus[s]}</Tag> },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, r) => (
              <Flex gap={8}>
                {r.status === 'approved' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      void run(async () => {
                        setReceipt(await api.completeTransfer({ transferId: r.id }));
                        message.success(t('transfers.done'));
                      })
                    }
                  >
                    {t('transfers.complete')}
                  </Button>
                )}
                <Button size="small" onClick={() => setReceipt(r)}>
                  {t('transfers.receipt')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <FormModal<RequestTransferInput>
        title={t('transfers.request')}
        open={requesting}
        onClose={() => setRequesting(false)}
        okText={t('loans.submitRequest')}
        width={640}
        onSubmit={async (v) => {
          const made = await api.requestTransfer(v);
          setRequesting(false);
          message.success(t('transfers.requested'));
          // Files of blacklisted customers leaving the desk are said out loud (004 四.1 d).
          const listed = [...new Set(made.files.filter((f) => f.blacklisted).map((f) => f.name))];
          if (listed.length) modal.warning({ title: t('blacklist.inTransferTitle'), content: t('blacklist.inTransfer', { names: listed.join('、') }) });
          load();
          onChanged();
        }}
      >
        <Form.Item name="fileIds" label={t('loans.files')} rules={[{ required: true }]}>
          <FilePicker />
        </Form.Item>
        <Form.Item name="fromDepartment" label={t('transfers.from')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="toDepartment" label={t('transfers.to')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="fromHandler" label={t('transfers.fromHandler')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="toHandler" label={t('transfers.toHandler')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('approvals.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
      <FormPreview request={receipt ? { formId: 'transfer-receipt', blank: false, params: { transferId: receipt.id } } : null} onClose={() => setReceipt(null)} />
    </Flex>
  );
}
