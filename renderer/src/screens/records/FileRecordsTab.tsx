import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import type { RecordRow } from '../../../../shared/api';
import { recordKind, recordKinds } from '../../../../shared/record-kinds';
import { occurredText } from '../../../../shared/record-text';
import { recordCommonLabels, recordLabels, recordStatusLabel } from '../../../../shared/record-labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useMayCall } from '../../components/useMayCall';
import { useLocaleStore, useT } from '../../i18n';
import { useRecordStore } from './record-store';

/** The kinds a desk takes most often, offered as buttons; the rest are in a menu. */
const FIRST_KINDS = ['complaint', 'repair', 'visit', 'key-custody', 'meter-reading'];

/** 记录 in a file: its records of every kind, newest first, and a new one started from this customer. */
export function FileRecordsTab({ fileId, fileLabel, active }: { fileId: number; fileLabel: string; active: boolean }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { saved, edit, openRecord } = useRecordStore();
  const records = useApi(() => api.fileRecords({ fileId }), [fileId, saved], [] as RecordRow[]);
  const mayWrite = useMayCall('saveRecord');
  return (
    <Flex vertical gap={8}>
      {mayWrite && active && (
        <Space wrap>
          {recordKinds
            .filter((k) => k.scope === 'file' && FIRST_KINDS.includes(k.id))
            .map((k) => (
              <Button key={k.id} size="small" icon={<PlusOutlined />} onClick={() => edit({ kind: k.id, fileId, fileLabel })}>
                {t('rec.newKind', { kind: recordLabels(k.id, locale).title })}
              </Button>
            ))}
          <Dropdown
            menu={{
              items: recordKinds.filter((k) => k.scope === 'file' && !FIRST_KINDS.includes(k.id)).map((k) => ({ key: k.id, label: recordLabels(k.id, locale).title })),
              onClick: ({ key }) => edit({ kind: key, fileId, fileLabel }),
              // Two dozen kinds: the menu scrolls inside the 768-pixel-high screen.
              style: { maxHeight: 440, overflowY: 'auto' },
            }}
          >
            <Button size="small" icon={<PlusOutlined />}>
              {t('rec.otherKinds')} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      )}
      <ErrorAlert error={records.error} onClose={records.clearError} />
      {records.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rec.none')} />
      ) : (
        <List
          size="small"
          data-testid="file-records"
          dataSource={records.data}
          renderItem={(r) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => openRecord(r.id)}>
              <Space>
                <Typography.Text strong>{recordLabels(r.kind, locale).title}</Typography.Text>
                <span>{r.recordNo}</span>
                <Typography.Text type="secondary">{occurredText(recordKind(r.kind), r.occurredAt)}</Typography.Text>
              </Space>
              <Space>
                {r.overdue && <Tag color="red">{recordCommonLabels[locale].overdue}</Tag>}
                <Tag>{recordStatusLabel(r.kind, r.status, locale)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
