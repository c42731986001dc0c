import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { AuthFrame } from '../../components/AuthFrame';
import { useT } from '../../i18n';
import { useSessionStore } from '../../stores/session-store';

/** Shown once after the archive is made. The sheet is what gets printed (see print.css). */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const { status, createdAt, dismissRecoveryKey } = useSessionStore();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <AuthFrame title={t('recovery.title')} width={640}>
      <Alert className="no-print" type="warning" showIcon title={t('recovery.intro')} style={{ marginBottom: 16 }} />
      <section className="print-sheet" aria-label={t('recovery.sheetTitle')}>
        <Typography.Title level={3} className="print-only">
          {t('recovery.sheetTitle')}
        </Typography.Title>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('recovery.organisation')}>{status?.session?.organisation}</Descriptions.Item>
          <Descriptions.Item label={t('recovery.createdAt')}>{createdAt}</Descriptions.Item>
          <Descriptions.Item label={t('recovery.archiveDir')}>{status?.archiveDir}</Descriptions.Item>
          <Descriptions.Item label={t('recovery.keyLabel')}>
            <Typography.Text data-testid="recovery-key" copyable strong style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 }}>
              {recoveryKey}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph className="print-only" style={{ marginTop: 24 }}>
          {t('recovery.intro')}
        </Typography.Paragraph>
        <Typography.Paragraph className="print-only" style={{ marginTop: 48 }}>
          {t('recovery.keeper')}：________________　　{t('recovery.createdAt')}：________________
        </Typography.Paragraph>
      </section>
      <Flex vertical gap={12} style={{ marginTop: 16 }} className="no-print">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('recovery.print')}
        </Button>
        <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
          {t('recovery.confirm')}
        </Checkbox>
        <Button type="primary" disabled={!confirmed} onClick={dismissRecoveryKey}>
          {t('recovery.continue')}
        </Button>
      </Flex>
    </AuthFrame>
  );
}
