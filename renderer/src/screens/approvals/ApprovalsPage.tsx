import { App, Button, Checkbox, Form, Input, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import type { ApprovalInfo } from '../../../../shared/api';
import { approverRank, type ApprovalStatus } from '../../../../shared/domain';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { useSessionStore } from '../../stores/session-store';
import { toArchiveError } from '../../errors';
import { localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';
import { FormModal } from '../../components/FormModal';

interface DecideValues {
  reason: string;
  atDesk: boolean;
  username?: string;
  password?: string;
}

/** Requests waiting for a manager; a manager may approve here, or at a clerk's desk with their own password. */
export function ApprovalsPage() {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const session = useSessionStore((s) => s.status?.session);
  const [status, setStatus] = useState<ApprovalStatus | 'all'>('pending');
  const [deciding, setDeciding] = useState<{ approval: ApprovalInfo; approve: boolean } | null>(null);
  const [form] = Form.useForm<DecideValues>();
  const atDesk = Form.useWatch('atDesk', form);
  const isApprover = !!session && approverRank[session.role] > 0;

  const approvals = useApi(() => api.listApprovals({ status: status === 'all' ? undefined : status }), [status], [] as ApprovalInfo[]);
  const { data: rows, reload: load } = approvals;
  return (
    <>
      <ErrorAlert error={approvals.error} onClose={approvals.clearError} />
      <Segmented<ApprovalStatus | 'all'>
        value={status}
        onChange={setStatus}
        options={[
          { value: 'pending', label: t('approvals.pending') },
          { value: 'all', label: t('approvals.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <DeskTable<ApprovalInfo>
        data-testid="approvals-table"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('approvals.kind'), dataIndex: 'kind', width: 120, render: (k: ApprovalInfo['kind']) => L.approvalKind[k] },
          {
            title: t('approvals.summary'),
            dataIndex: 'summary',
            render: (summary: string, r) => (
              <>
                {summary}
                {r.blacklisted.length > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="approval-blacklisted">
                    {t('blacklist.inApproval', { names: r.blacklisted.join('、') })}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('approvals.reason'), dataIndex: 'reason' },
          { title: t('approvals.requestedBy'), dataIndex: 'requestedBy', width: 90 },
          { title: t('approvals.requestedAt'), dataIndex: 'requestedAt', width: 170, render: (v: string) => localDateTime(v) },
          {
            title: t('approvals.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: ApprovalStatus, r) => (
              <Space size={4}>
                <Tag color={s === 'pending' ? 'gold' : s === 'approved' || s === 'used' ? 'green' : 'default'}>{L.approvalStatus[s]}</Tag>
                {s === 'pending' && <Tag>{`${t('approvals.requiredRole')} ${L.role[r.requiredRole]}`}</Tag>}
                {r.decidedBy && <span>{r.decidedBy}</span>}
              </Space>
            ),
          },
          {
            key: 'actions',
            width: 200,
            render: (_: unknown, r) =>
              r.status === 'pending' && (
                <Space size={4}>
                  <Button size="small" type="primary" onClick={() => setDeciding({ approval: r, approve: true })}>
                    {t('approvals.approve')}
                  </Button>
                  <Button size="small" onClick={() => setDeciding({ approval: r, approve: false })}>
                    {t('approvals.reject')}
                  </Button>
                  {r.requestedBy === session?.displayName && (
                    <Button size="small" type="link" onClick={() => void api.withdrawApproval({ approvalId: r.id }).then(load, (e: unknown) => message.error(toArchiveError(e).message))}>
                      {t('approvals.withdraw')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <FormModal<DecideValues>
        title={deciding ? `${deciding.approve ? t('approvals.approve') : t('approvals.reject')}：${deciding.approval.summary}` : ''}
        open={deciding !== null}
        onClose={() => setDeciding(null)}
        form={form}
        initialValues={{ atDesk: !isApprover }}
        onSubmit={async (v) => {
          if (!deciding) return;
          await api.decideApproval({
            approvalId: deciding.approval.id,
            approve: deciding.approve,
            reason: v.reason,
            approver: v.atDesk ? { username: v.username ?? '', password: v.password ?? '' } : undefined,
          });
          message.success(L.approvalStatus[deciding.approve ? 'approved' : 'rejected']);
          setDeciding(null);
          load();
        }}
      >
        <Form.Item name="reason" label={t('approvals.decisionReason')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('approvals.decisionReason') }) }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="atDesk" valuePropName="checked">
          <Checkbox>{t('approvals.atDesk')}</Checkbox>
        </Form.Item>
        {atDesk && (
          <>
            <Form.Item name="username" label={t('approvals.approverUsername')} rules={[{ required: true }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={t('approvals.approverPassword')} rules={[{ required: true }]}>
              <Input.Password autoComplete="off" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
