import { Alert, Button, Descriptions, Tag } from 'antd';
import type { FileDetail } from '../../../../shared/api';
import { localDate } from '../../../../shared/dates';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

/** What a clerk reads first about a file: warnings (an old label, a flag from an inspection, closed), its retention, place, confidentiality and hold. */
export function FileFacts({ file, onClearFlag }: { file: FileDetail; onClearFlag: () => void }) {
  const t = useT();
  const L = useLabels();
  return (
    <>
      {file.labelOutOfDate && <Alert type="warning" showIcon title={t('file.labelWarning', { label: file.labelName })} />}
      {file.flag && (
        <Alert
          type="warning"
          showIcon
          data-testid="file-flag"
          title={`${t('file.flag')}：${file.flag.note}`}
          action={
            <Button size="small" onClick={onClearFlag}>
              {t('file.clearFlag')}
            </Button>
          }
        />
      )}
      {file.status === 'departed' && <Alert type="info" showIcon title={t('file.closed', { date: localDate(file.closedAt ?? '') })} />}
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('file.retention')}>
          {L.retention[file.retention]}（{L.retentionEvent[file.retentionEvent]}）
        </Descriptions.Item>
        <Descriptions.Item label={t('file.retentionDue')}>{file.retention === 'permanent' ? '—' : (file.retentionDueDate ?? t('file.retentionPending'))}</Descriptions.Item>
        <Descriptions.Item label={t('customers.location')}>{[file.customer.building, file.customer.floor].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('file.confidentiality')}>{L.confidentiality[file.confidentiality]}</Descriptions.Item>
        <Descriptions.Item label={t('file.legalHold')} span={2}>
          {file.legalHold ? <Tag color="purple">{file.legalHoldReason}</Tag> : '—'}
        </Descriptions.Item>
        {file.aliases.length > 0 && (
          <Descriptions.Item label={t('file.aliases')} span={3}>
            {file.aliases.map((a) => (
              <Tag key={a.refNo}>
                {a.refNo}（{a.reason}）
              </Tag>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}
