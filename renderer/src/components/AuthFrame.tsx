import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame around the screens shown before sign-in. */
export function AuthFrame({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  const t = useT();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f0f2f5' }} className="no-print-bg">
      <Flex align="center" justify="space-between" style={{ width, marginBottom: 16 }} className="no-print">
        <Flex align="center" gap={8}>
          <SafetyCertificateOutlined style={{ fontSize: 28, color: '#1677ff' }} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('appName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('appTagline')}</Typography.Text>
          </div>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <Card title={title} style={{ width }}>
        {children}
      </Card>
    </Flex>
  );
}
