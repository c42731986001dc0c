import { App, Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { AccountInfo } from '../../../../shared/api';
import type { Role } from '../../../../shared/domain';
import { ArchiveError } from '../../../../shared/errors';
import { accountStatusLabels } from '../../../../shared/labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { useSessionStore } from '../../stores/session-store';
import { PasswordPair } from '../../components/PasswordPair';
import { FormModal } from '../../components/FormModal';
import { localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';

type Dialog = { kind: 'add' } | { kind: 'edit'; account: AccountInfo } | { kind: 'reset'; account: AccountInfo } | null;

/** Administrators add accounts, change roles, disable and reset them; each account has its own key slot. */
export function AccountsCard() {
  const t = useT();
  const L = useLabels();
  const { modal, message } = App.useApp();
  const refreshSession = useSessionStore((s) => s.refresh);
  const myId = useSessionStore((s) => s.status?.session?.accountId);
  const [dialog, setDialog] = useState<Dialog>(null);

  const accountList = useApi(() => api.listAccounts(), [], [] as AccountInfo[]);
  const { data: accounts, reload: load } = accountList;
  const submit = async (values: Record<string, string>) => {
    if (dialog?.kind === 'add') await api.createAccount(values as never);
    if (dialog?.kind === 'edit') await api.updateAccount({ accountId: dialog.account.id, displayName: values.displayName!, role: values.role as Role });
    if (dialog?.kind === 'reset') await api.resetAccountPassword({ accountId: dialog.account.id, newPassword: values.newPassword!, newPasswordConfirm: values.newPasswordConfirm! });
    setDialog(null);
    message.success(t('accounts.saved'));
    load();
    await refreshSession();
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('form.required', { field: label }) }];
  return (
    <Card title={t('accounts.title')} style={{ maxWidth: 960 }} extra={<Button onClick={() => setDialog({ kind: 'add' })}>{t('accounts.add')}</Button>}>
      <ErrorAlert error={accountList.error} onClose={accountList.clearError} />
      <DeskTable<AccountInfo>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={accounts}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username' },
          { title: t('accounts.displayName'), dataIndex: 'displayName' },
          { title: t('accounts.role'), dataIndex: 'role', render: (r: Role) => L.role[r] },
          { title: t('accounts.status'), dataIndex: 'status', render: (s: AccountInfo['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{accountStatusLabels[L.locale][s]}</Tag> },
          { title: t('accounts.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? localDateTime(v) : '—') },
          {
            key: 'actions',
            render: (_: unknown, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => setDialog({ kind: 'edit', account: a })}>
                  {t('accounts.edit')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'reset', account: a })}>
                  {t('accounts.reset')}
                </Button>
                {a.status === 'active' && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      modal.confirm({
                        title: t('accounts.disable'),
                        content: t('accounts.disableConfirm', { name: a.displayName }),
                        onOk: async () => {
                          try {
                            await api.disableAccount({ accountId: a.id });
                            load();
                          } catch (e) {
                            message.error(e instanceof ArchiveError ? e.message : String(e));
                          }
                        },
                      })
                    }
                  >
                    {t('accounts.disable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Record<string, string>>
        open={dialog !== null}
        title={
          dialog?.kind === 'add'
            ? t('accounts.add')
            : dialog?.kind === 'edit'
              ? `${t('accounts.edit')}：${dialog.account.username}`
              : dialog
                ? `${t('accounts.reset')}：${dialog.account.username}`
                : ''
        }
        onClose={() => setDialog(null)}
        // Most new accounts are clerks.
        initialValues={dialog?.kind === 'edit' ? { displayName: dialog.account.displayName, role: dialog.account.role } : dialog?.kind === 'add' ? { role: 'clerk' } : {}}
        onSubmit={submit}
      >
        {dialog?.kind === 'add' && (
          <Form.Item name="username" label={t('accounts.username')} rules={required(t('accounts.username'))}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        {dialog?.kind !== 'reset' && (
          <>
            <Form.Item name="displayName" label={t('accounts.displayName')} rules={required(t('accounts.displayName'))}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
              {/* Nobody changes their own role; the archive refuses it too. */}
              <Select options={options(L.role)} disabled={dialog?.kind === 'edit' && dialog.account.id === myId} />
            </Form.Item>
          </>
        )}
        {dialog?.kind === 'add' && <PasswordPair name="password" confirmName="passwordConfirm" label={t('accounts.password')} confirmLabel={t('accounts.passwordConfirm')} />}
        {dialog?.kind === 'reset' && <PasswordPair name="newPassword" confirmName="newPasswordConfirm" label={t('accounts.newPassword')} confirmLabel={t('accounts.passwordConfirm')} />}
      </FormModal>
    </Card>
  );
}
