import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { AuditRow, AuditVerification, Page } from '../../../../shared/api';
import { ArchiveError } from '../../../../shared/errors';
import type { AuditSearchInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { saveBase64 } from '../../files';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { auditGroupLabels, auditGroups, rawAuditEntry, type AuditGroup } from '../../../../shared/audit-labels';
import { localDateTime, localDateTimeSeconds } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';

/** The auditor's screen: search the log, verify its hash chain, export it. */
export function AuditPage() {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditSearchInput>({ page: 1, pageSize: 50, locale: L.locale });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [data, setData] = useState<Page<AuditRow> | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [loading, setLoading] = useState(false);
  const [paper, setPaper] = useState('');

  const load = useCallback(
    async (f: AuditSearchInput) => {
      setLoading(true);
      try {
        setData(await api.searchAuditLog(f));
      } catch (e) {
        message.error(e instanceof ArchiveError ? e.message : String(e));
      } finally {
        setLoading(false);
      }
    },
    [message],
  );

  useEffect(() => {
    void load({ ...filters, locale: L.locale });
  }, [filters, load, L.locale]);

  const withRange = (f: AuditSearchInput): AuditSearchInput => ({
    ...f,
    from: range?.[0] ? range[0].startOf('day').toISOString() : undefined,
    to: range?.[1] ? range[1].add(1, 'day').startOf('day').toISOString() : undefined,
  });

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} placeholder={[t('audit.from'), t('audit.to')]} />
        <Select
          allowClear
          aria-label={t('audit.action')}
          placeholder={t('audit.allGroups')}
          style={{ width: 150 }}
          options={auditGroups.map((g) => ({ value: g, label: auditGroupLabels[L.locale][g] }))}
          onChange={(v: AuditGroup | undefined) => setFilters((f) => ({ ...f, group: v, page: 1 }))}
        />
        <Input allowClear placeholder={t('audit.text')} style={{ width: 220 }} onChange={(e) => setFilters((f) => ({ ...f, text: e.target.value || undefined }))} />
        <Button type="primary" onClick={() => setFilters((f) => withRange({ ...f, page: 1 }))}>
          {t('audit.search')}
        </Button>
        <Input allowClear placeholder={t('audit.paperAnchor')} title={t('audit.paperAnchorHint')} style={{ width: 260 }} value={paper} onChange={(e) => setPaper(e.target.value)} />
        <Button
          icon={<SafetyOutlined />}
          onClick={() => {
            // "第 120 条 · 3fa2…" as printed on the inspection record, or "120 3fa2…".
            const m = /(\d+)\D+([0-9a-fA-F]{12,64})/.exec(paper);
            const paperAnchors = m ? [{ id: Number(m[1]), hash: m[2]!.toLowerCase(), where: t('audit.paperWhere') }] : [];
            api.verifyAuditLog({ paperAnchors }).then(setVerification, (e: unknown) => message.error(e instanceof ArchiveError ? e.message : String(e)));
          }}
        >
          {t('audit.verify')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => {
            const { page: _p, pageSize: _s, ...rest } = withRange(filters);
            api.exportAuditLog({ ...rest, locale: L.locale }).then(
              (f) => saveBase64(f.dataBase64, f.mime, f.fileName),
              (e: unknown) => message.error(e instanceof ArchiveError ? e.message : String(e)),
            );
          }}
        >
          {t('audit.export')}
        </Button>
      </Flex>
      {verification && (
        <Alert
          data-testid="audit-verification"
          type={verification.ok ? 'success' : 'error'}
          showIcon
          title={
            verification.firstBroken
              ? t('audit.verifyBroken', { id: verification.firstBroken.id, at: localDateTime(verification.firstBroken.at) })
              : verification.firstAnchorMismatch
                ? t(verification.firstAnchorMismatch.problem === 'entry_missing' ? 'audit.anchorMissing' : 'audit.anchorDiffers', {
                    source: t(`audit.anchorSource.${verification.firstAnchorMismatch.source}`),
                    where: verification.firstAnchorMismatch.where,
                    at: localDateTime(verification.firstAnchorMismatch.at),
                    id: verification.firstAnchorMismatch.id,
                  })
                : t('audit.verifyOk', { checked: verification.checked })
          }
          description={t('audit.anchorsChecked', { count: verification.anchors.length, bad: verification.anchors.filter((a) => !a.ok).length })}
        />
      )}
      <DeskTable<AuditRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
        expandable={{
          // The stored entry, for whoever checks the sentence against what the chain hashes.
          expandedRowRender: (r) => (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('audit.raw')}：
              <Typography.Text code copyable>
                {rawAuditEntry(r)}
              </Typography.Text>
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('audit.no'), dataIndex: 'id', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => localDateTimeSeconds(v) },
          { title: t('audit.by'), dataIndex: 'accountName', width: 100, ellipsis: true },
          { title: t('audit.entry'), dataIndex: 'summary', width: 900, wrap: true },
        ]}
      />
    </Flex>
  );
}
