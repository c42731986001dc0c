import {
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  DeleteOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ContainerOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  LockOutlined,
  PrinterOutlined,
  ProfileOutlined,
  SettingOutlined,
  SwapOutlined,
  UserOutlined,
  ScanOutlined,
} from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { roleLabels } from '../../../shared/labels';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLocaleStore, useT, type MessageKey } from '../i18n';
import { useNavStore, type Section } from '../stores/nav-store';
import { IntakePage } from './intake/IntakePage';
import { useSessionStore } from '../stores/session-store';
import { CustomersPage } from './customers/CustomersPage';
import { SettingsPage } from './settings/SettingsPage';
import { AuditPage } from './audit/AuditPage';
import { LocationsPage } from './locations/LocationsPage';
import { InspectionsPage } from './inspections/InspectionsPage';
import { LoansPage } from './loans/LoansPage';
import { FormsPage } from './forms/FormsPage';
import { YearlyPage } from './yearly/YearlyPage';
import { HomePage } from './home/HomePage';
import { ReportsPage } from './reports/ReportsPage';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { DestructionPage } from './destruction/DestructionPage';
import { RecordDrawer } from './records/RecordDrawer';
import { RecordFormModal } from './records/RecordFormModal';
import { RecordsPage } from './records/RecordsPage';
import { ChangePasswordModal } from '../components/ChangePasswordModal';
import { DeskWorkNotice } from '../components/DeskWorkNotice';
import { useAutoLock } from '../components/useAutoLock';
import { useBarcodeScanner } from '../components/useBarcodeScanner';
import { roleMay, type MethodAccess } from '../../../shared/permissions';
import { useState } from 'react';
import { localDateTime } from '../../../shared/dates';

const navItems: { key: Section; icon: ReactNode }[] = [
  { key: 'home', icon: <HomeOutlined /> },
  { key: 'customers', icon: <FolderOpenOutlined /> },
  { key: 'intake', icon: <ScanOutlined /> },
  { key: 'locations', icon: <InboxOutlined /> },
  { key: 'inspections', icon: <FileSearchOutlined /> },
  { key: 'loans', icon: <SwapOutlined /> },
  { key: 'approvals', icon: <CheckSquareOutlined /> },
  { key: 'reports', icon: <BarChartOutlined /> },
  { key: 'records', icon: <ProfileOutlined /> },
  { key: 'forms', icon: <PrinterOutlined /> },
  { key: 'yearly', icon: <ContainerOutlined /> },
  { key: 'destruction', icon: <DeleteOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
];

const sectionNeeds: Record<Section, MethodAccess> = {
  home: 'customers.read',
  customers: 'customers.read',
  intake: 'customers.write',
  locations: 'customers.read',
  inspections: 'customers.read',
  loans: 'customers.read',
  approvals: 'customers.read',
  reports: 'customers.read',
  records: 'customers.read',
  forms: 'customers.read',
  yearly: 'customers.read',
  destruction: 'customers.read',
  audit: 'audit.read',
  settings: 'signed-in',
};

export function MainLayout() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { section, go } = useNavStore();
  const { status, lock, busy } = useSessionStore();
  const session = status?.session;
  const [changingPassword, setChangingPassword] = useState(false);
  useAutoLock();
  useBarcodeScanner();
  // Each screen by the permission it needs (三员分立: the administrator sees 设置 only).
  const visible = navItems.filter((item) => !!session && roleMay(session.role, sectionNeeds[item.key]));
  const current: Section = visible.some((item) => item.key === section) ? section : (visible[0]?.key ?? 'settings');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
        <Typography.Title level={5} style={{ padding: '16px 20px', margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[current]}
          onClick={({ key }) => go(key as Section)}
          items={visible.map((item) => ({ key: item.key, icon: item.icon, label: t(`nav.${item.key}` as MessageKey) }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Typography.Text strong>{session?.organisation}</Typography.Text>
            <Space size="middle">
              <DeskWorkNotice compact />
              <span data-testid="current-user">
                <UserOutlined /> {session?.displayName} {session && <Tag>{roleLabels[locale][session.role]}</Tag>}
              </span>
              <Button size="small" type="link" onClick={() => setChangingPassword(true)}>
                {t('me.changePassword')}
              </Button>
              <LanguageSwitch />
              <Button icon={<LockOutlined />} onClick={() => void lock()} loading={busy}>
                {t('layout.lock')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {session?.notices?.map((n) => (
            <Alert
              key={n.code}
              type="error"
              showIcon
              closable
              style={{ marginBottom: 16 }}
              data-testid="archive-notice"
              title={t('notice.walLost', { since: n.details.since ? localDateTime(n.details.since) : '', lastEntryAt: n.details.lastEntryAt ? localDateTime(n.details.lastEntryAt) : '' })}
            />
          ))}
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t(`nav.${current}` as MessageKey)}
          </Typography.Title>
          {current === 'settings' ? (
            <SettingsPage />
          ) : current === 'customers' ? (
            <CustomersPage />
          ) : current === 'intake' ? (
            <IntakePage />
          ) : current === 'locations' ? (
            <LocationsPage />
          ) : current === 'home' ? (
            <HomePage />
          ) : current === 'reports' ? (
            <ReportsPage />
          ) : current === 'yearly' ? (
            <YearlyPage />
          ) : current === 'forms' ? (
            <FormsPage />
          ) : current === 'loans' ? (
            <LoansPage />
          ) : current === 'inspections' ? (
            <InspectionsPage />
          ) : current === 'audit' ? (
            <AuditPage />
          ) : current === 'approvals' ? (
            <ApprovalsPage />
          ) : current === 'destruction' ? (
            <DestructionPage />
          ) : current === 'records' ? (
            <RecordsPage />
          ) : (
            <Empty description={t(`placeholder.${current}` as MessageKey)} />
          )}
        </Layout.Content>
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
        {/* A record opens over whichever screen it was found on (the register, a file, 工作台). */}
        <RecordDrawer />
        <RecordFormModal />
      </Layout>
    </Layout>
  );
}
