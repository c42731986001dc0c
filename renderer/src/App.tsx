import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useLocaleStore, useT } from './i18n';
import { LoginScreen } from './screens/sign-in/LoginScreen';
import { MainLayout } from './screens/MainLayout';
import { RecoveryKeyScreen } from './screens/sign-in/RecoveryKeyScreen';
import { SetupScreen } from './screens/sign-in/SetupScreen';
import { useSessionStore } from './stores/session-store';

function Screens() {
  const t = useT();
  const { status, recoveryKey, refresh } = useSessionStore();
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!status) return <Spin fullscreen tip={t('loading')} />;
  if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} />;
  if (status.state === 'none') return <SetupScreen />;
  if (status.state === 'locked') return <LoginScreen />;
  return <MainLayout />;
}

export function App() {
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      // Keep "登录" as written: antd would space two-character labels ("登 录"), which screen readers then spell out.
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          // System CJK fonts only: nothing is downloaded.
          fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif',
        },
      }}
    >
      <AntApp>
        <Screens />
      </AntApp>
    </ConfigProvider>
  );
}
