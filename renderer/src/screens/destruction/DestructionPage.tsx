import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { AppraisalRow, DestructionRegister } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { FormPreview } from '../../components/FormPreview';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../labels';
import { localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';

type DraftValues = { reason: string; method: 'shred' | 'pulp' | 'incinerate' };
type ExecutionValues = { executor: string; witnesses: string };

/** 鉴定 and 销毁: files past retention, the register the department head approves, its execution. */
export function DestructionPage() {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const appraisal = useApi(() => api.listAppraisal(), [], [] as AppraisalRow[]);
  const registerList = useApi(() => api.listDestructionRegisters(), [], [] as DestructionRegister[]);
  const { reload: reloadAppraisal } = appraisal;
  const { reload: reloadRegisters } = registerList;
  const due = appraisal.data;
  const registers = registerList.data;
  const [selected, setSelected] = useState<number[]>([]);
  const [drafting, setDrafting] = useState(false);
  const [printing, setPrinting] = useState<DestructionRegister | null>(null);
  const [executing, setExecuting] = useState<DestructionRegister | null>(null);

  const load = useCallback(() => {
    reloadAppraisal();
    reloadRegisters();
  }, [reloadAppraisal, reloadRegisters]);

  return (
    <Flex vertical gap={16}>
      <ErrorAlert error={appraisal.error ?? registerList.error} onClose={() => (appraisal.clearError(), registerList.clearError())} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('destruction.appraisal')}
      </Typography.Title>
      <DeskTable<AppraisalRow>
        data-testid="appraisal-table"
        size="small"
        rowKey="fileId"
        dataSource={due}
        locale={{ emptyText: <Empty description={t('destruction.none')} /> }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('destruction.refNo'), dataIndex: 'refNo', width: 230 },
          { title: t('destruction.title'), dataIndex: 'title' },
          { title: t('destruction.retention'), dataIndex: 'retention', width: 90, render: (r: keyof typeof L.retention) => L.retention[r] },
          { title: t('destruction.dueDate'), dataIndex: 'dueDate', width: 110 },
          { title: t('destruction.kept'), dataIndex: 'keptYears', width: 80, render: (n: number) => t('destruction.years', { n }) },
          { title: t('destruction.pages'), dataIndex: 'pages', width: 60 },
        ]}
      />
      <Button type="primary" disabled={selected.length === 0} onClick={() => setDrafting(true)} style={{ alignSelf: 'flex-start' }}>
        {t('destruction.create')}
      </Button>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('destruction.registers')}
      </Typography.Title>
      <DeskTable<DestructionRegister>
        data-testid="registers-table"
        size="small"
        rowKey="id"
        dataSource={registers}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('approvals.requestedAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => localDateTime(v) },
          { title: t('destruction.reason'), dataIndex: 'reason' },
          { title: t('destruction.pages'), key: 'count', width: 80, render: (_: unknown, r) => r.items.length },
          {
            title: t('destruction.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: DestructionRegister['status']) => (
              <Tag color={s === 'destroyed' ? 'red' : s === 'approved' ? 'green' : s === 'pending' ? 'gold' : 'default'}>{t(`destruction.${s}` as MessageKey)}</Tag>
            ),
          },
          {
            key: 'actions',
            width: 220,
            render: (_: unknown, r) => (
              <Flex gap={4}>
                <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting(r)}>
                  {t('destruction.print')}
                </Button>
                {r.status === 'approved' && (
                  <Button size="small" danger onClick={() => setExecuting(r)}>
                    {t('destruction.confirm')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />

      <FormModal<DraftValues>
        title={t('destruction.create')}
        open={drafting}
        onClose={() => setDrafting(false)}
        initialValues={{ method: 'shred' }}
        onSubmit={async (v) => {
          await api.createDestructionRegister({ fileIds: selected, reason: v.reason, method: v.method });
          setDrafting(false);
          setSelected([]);
          message.success(t('approvals.requested'));
          load();
        }}
      >
        <Form.Item name="reason" label={t('destruction.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="method" label={t('destruction.method')}>
          <Select options={(['shred', 'pulp', 'incinerate'] as const).map((m) => ({ value: m, label: t(`destruction.${m}`) }))} />
        </Form.Item>
      </FormModal>

      <FormModal<ExecutionValues>
        title={t('destruction.confirm')}
        open={executing !== null}
        onClose={() => setExecuting(null)}
        okText={t('destruction.confirm')}
        okDanger
        intro={<Alert type="warning" showIcon title={t('destruction.confirmWarning')} style={{ marginBottom: 12 }} />}
        onSubmit={async (v) => {
          await api.confirmDestruction({ registerId: executing!.id, executor: v.executor, witnesses: v.witnesses.split(/[,，、\s]+/).filter(Boolean) });
          setExecuting(null);
          load();
        }}
      >
        <Form.Item name="executor" label={t('destruction.executor')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="witnesses" label={t('destruction.witnesses')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
      </FormModal>

      <FormPreview request={printing ? { formId: 'destruction-list', blank: false, params: { registerId: printing.id } } : null} onClose={() => setPrinting(null)} />
    </Flex>
  );
}
