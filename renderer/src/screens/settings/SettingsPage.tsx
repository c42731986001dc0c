import { Card, Descriptions, Flex, Typography } from 'antd';
import { roleMay } from '../../../../shared/permissions';
import { ArchiveSettingsCard } from './ArchiveSettingsCard';
import { CategoriesCard } from './CategoriesCard';
import { RecordDeadlinesCard } from './RecordDeadlinesCard';
import { DutiesSettingsCard } from './DutiesSettingsCard';
import { FollowUpSettingsCard } from './FollowUpSettingsCard';
import { NewFileSettingsCard } from './NewFileSettingsCard';
import { CustomerListsCard } from './CustomerListsCard';
import { AccountsCard } from './AccountsCard';
import { BackupCard } from './BackupCard';
import { roleLabels } from '../../../../shared/labels';
import { useLocaleStore, useT } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';

export function SettingsPage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const status = useSessionStore((s) => s.status);
  const session = status?.session;
  const canEdit = !!session && roleMay(session.role, 'settings.manage');
  return (
    <Flex vertical gap={16}>
      <Card title={t('settings.archive')} style={{ maxWidth: 960 }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('settings.organisation')}>{session?.organisation}</Descriptions.Item>
          <Descriptions.Item label={t('settings.archiveDir')}>
            <Typography.Text code copyable>
              {status?.archiveDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.encryption')}>{t('settings.encryptionValue')}</Descriptions.Item>
          <Descriptions.Item label={t('settings.account')}>
            {session?.displayName} ({session?.username})
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.role')}>{session && roleLabels[locale][session.role]}</Descriptions.Item>
        </Descriptions>
      </Card>
      {session && roleMay(session.role, 'accounts.manage') && <AccountsCard />}
      {session && roleMay(session.role, 'backup.create') && <BackupCard />}
      <ArchiveSettingsCard canEdit={canEdit} />
      <CategoriesCard canEdit={canEdit} />
      <RecordDeadlinesCard canEdit={canEdit} />
      <DutiesSettingsCard canEdit={canEdit} />
      <NewFileSettingsCard canEdit={canEdit} />
      <FollowUpSettingsCard canEdit={canEdit} />
      <CustomerListsCard canEdit={canEdit} />
    </Flex>
  );
}
