import { App, Button, Card, Flex, Modal, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/api';
import { ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { RestoreForm } from '../../components/RestoreForm';
import { useT } from '../../i18n';
import { localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { FolderInput } from '../../components/FolderInput';

export function BackupCard() {
  const t = useT();
  const { message } = App.useApp();
  const [folder, setFolder] = useState('');
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const load = useCallback(
    (f: string) =>
      void api
        .listBackups({ folder: f || undefined })
        .then(setBackups)
        .catch(() => setBackups([])),
    [],
  );
  useEffect(() => load(''), [load]);

  return (
    <Card title={t('backup.title')} style={{ maxWidth: 960 }}>
      <Flex gap={8} align="start">
        <div style={{ flex: 1 }}>
          <FolderInput
            placeholder={t('backup.folder')}
            value={folder}
            onChange={setFolder}
            // A folder picked in the dialog is listed at once; a typed one when the field is left.
            onChosen={load}
            onBlur={() => load(folder)}
            ariaLabel={t('backup.folder')}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('backup.folderHint')}
          </Typography.Text>
        </div>
        <Button
          type="primary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const made = await api.backupArchive({ folder: folder || undefined });
              message.success(t('backup.done', { folder: made.folder }));
              load(folder);
            } catch (e) {
              message.error(e instanceof ArchiveError ? e.message : String(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('backup.now')}
        </Button>
      </Flex>
      <Typography.Title level={5}>{t('backup.list')}</Typography.Title>
      <DeskTable<BackupInfo>
        size="small"
        rowKey="folder"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={backups}
        columns={[
          { title: t('backup.createdAt'), dataIndex: 'createdAt', render: (v: string) => localDateTime(v) },
          { title: t('backup.by'), dataIndex: 'createdBy' },
          { title: t('backup.kind'), dataIndex: 'automatic', render: (a: boolean) => <Tag>{a ? t('backup.auto') : t('backup.manual')}</Tag> },
          { title: t('backup.size'), dataIndex: 'sizeBytes', render: (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB` },
          {
            key: 'restore',
            render: (_: unknown, b) => (
              <Button size="small" danger onClick={() => setRestoring(b)}>
                {t('backup.restore')}
              </Button>
            ),
          },
        ]}
      />
      <Modal title={t('backup.restoreTitle')} open={restoring !== null} onCancel={() => setRestoring(null)} footer={null} destroyOnHidden width={640}>
        {restoring && <RestoreForm folder={restoring.folder} onDone={() => setRestoring(null)} />}
      </Modal>
    </Card>
  );
}
