import { App, List, Modal, Typography } from 'antd';
import type { DepartedMoveProposal } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

/** Where each departed tenant's file would go (a departed box for its floor), and the one step that moves them all. */
export function DepartedMovesModal({ proposals, open, onClose, onMoved }: { proposals: DepartedMoveProposal[]; open: boolean; onClose: () => void; onMoved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { error, setError, run, busy } = useAction();
  return (
    <Modal
      title={t('loc.departed')}
      open={open}
      onCancel={onClose}
      okText={t('loc.moveAll')}
      okButtonProps={{ disabled: !proposals.some((p) => p.toBoxId) }}
      confirmLoading={busy}
      onOk={() =>
        void run(async () => {
          const result = await api.moveDepartedFiles();
          message.success(t('loc.departedMoved', result));
          onClose();
          onMoved();
        })
      }
      width={720}
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Typography.Paragraph type="secondary">{t('loc.departedHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={proposals}
        renderItem={(p) => (
          <List.Item>
            {p.refNo} {p.name}（{p.floor ?? '—'}）：{p.fromBox} → {p.toBox ?? <Typography.Text type="danger">{t('loc.noTarget')}</Typography.Text>}
          </List.Item>
        )}
      />
    </Modal>
  );
}
