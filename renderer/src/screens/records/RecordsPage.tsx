import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Page, RecordRow } from '../../../../shared/api';
import { recordKind, recordKinds } from '../../../../shared/record-kinds';
import { recordLabels, recordStatusLabel } from '../../../../shared/record-labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useApi } from '../../components/useApi';
import { useMayCall } from '../../components/useMayCall';
import { saveBase64 } from '../../files';
import { useLocaleStore, useT } from '../../i18n';
import { printRecords, useRecordStore } from './record-store';
import { RecordTable } from './RecordTable';

const PAGE_SIZE = 50;

/** 登记簿: one screen for every kind of record: pick the kind, filter, page through all of it, export what is shown. */
export function RecordsPage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { view, showRegister, edit, saved, print } = useRecordStore();
  const kind = recordKind(view.kind) ?? recordKinds[0]!;
  const [status, setStatus] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const [building, setBuilding] = useState('');
  const [floor, setFloor] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [page, setPage] = useState(1);
  const filters = {
    kind: kind.id,
    status: status.length ? status : undefined,
    from: from || undefined,
    to: to || undefined,
    query: query || undefined,
    open: view.open || undefined,
    overdue: view.overdue || undefined,
  };
  const list = useApi(() => api.listRecords({ ...filters, page, pageSize: PAGE_SIZE }), [JSON.stringify(filters), page, saved], null as Page<RecordRow> | null);
  const exporting = useAction();
  const mayWrite = useMayCall('saveRecord');
  const mayExport = useMayCall('exportRecords');
  const change = (next: Partial<typeof view>) => {
    setPage(1);
    showRegister({ ...view, ...next });
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Typography.Text>{t('rec.kind')}</Typography.Text>
        <Select
          aria-label={t('rec.kind')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 360 }}
          value={kind.id}
          onChange={(v) => {
            setStatus([]);
            setSelected([]);
            change({ kind: v, open: false, overdue: false });
          }}
          options={recordKinds.map((k) => ({ value: k.id, label: `${recordLabels(k.id, locale).title}${k.formNo ? `（${k.formNo}）` : ''}` }))}
        />
        {recordLabels(kind.id, locale).hint && <Typography.Text type="secondary">{recordLabels(kind.id, locale).hint}</Typography.Text>}
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Input.Search allowClear placeholder={t('rec.query')} style={{ width: 320 }} onSearch={(v) => (setPage(1), setQuery(v.trim()))} />
          {kind.statuses.length > 1 && (
            <Select
              mode="multiple"
              allowClear
              placeholder={t('rec.status')}
              style={{ minWidth: 160 }}
              value={status}
              onChange={(v) => (setPage(1), setStatus(v))}
              options={kind.statuses.map((s) => ({ value: s, label: recordStatusLabel(kind.id, s, locale) }))}
            />
          )}
          <Space size={4}>
            {t('rec.from')}
            <Input type="date" style={{ width: 150 }} value={from} onChange={(e) => (setPage(1), setFrom(e.target.value))} />
            {t('rec.to')}
            <Input type="date" style={{ width: 150 }} value={to} onChange={(e) => (setPage(1), setTo(e.target.value))} />
          </Space>
          <Input placeholder={t('rec.building')} style={{ width: 100 }} allowClear value={building} onChange={(e) => (setPage(1), setBuilding(e.target.value.trim()))} />
          <Input placeholder={t('rec.floor')} style={{ width: 80 }} allowClear value={floor} onChange={(e) => (setPage(1), setFloor(e.target.value.trim()))} />
          <Checkbox checked={!!view.open} onChange={(e) => change({ open: e.target.checked })}>
            {t('rec.openOnly')}
          </Checkbox>
          {(kind.deadline || kind.dueField) && (
            <Checkbox checked={!!view.overdue} onChange={(e) => change({ overdue: e.target.checked })}>
              {t('rec.overdueOnly')}
            </Checkbox>
          )}
          <span style={{ flex: 1 }} />
          {mayExport && (
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.busy}
              onClick={() =>
                void exporting.run(async () => {
                  const { page: _p, ...rest } = { ...filters, page };
                  const file = await api.exportRecords({ ...rest, locale });
                  saveBase64(file.dataBase64, file.mime, file.fileName);
                })
              }
            >
              {t('rec.export')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => print({ formId: 'desk-record', blank: true, params: { recordKind: kind.id } })}>
            {t('rec.printBlank')}
          </Button>
          {selected.length > 0 && (
            <Button icon={<PrinterOutlined />} onClick={() => print(printRecords(kind.id, selected))}>
              {t('rec.printSelected', { n: selected.length })}
            </Button>
          )}
          {(kind.scope === 'file' || kind.floorTable) && building && (
            <Button icon={<PrinterOutlined />} onClick={() => print({ formId: 'desk-record', blank: false, params: { recordKind: kind.id, building, floor: floor || undefined } })}>
              {t('rec.printFloor')}
            </Button>
          )}
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => edit({ kind: kind.id })}>
              {t('rec.newKind', { kind: recordLabels(kind.id, locale).title })}
            </Button>
          )}
        </Flex>
      </Card>
      <ErrorAlert error={list.error ?? exporting.error} onClose={() => (list.clearError(), exporting.setError(null))} />
      <RecordTable
        kind={kind}
        rows={list.data?.rows ?? []}
        loading={list.loading}
        data-testid="record-register"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n: number) => t('rec.total', { n }) }}
      />
    </Flex>
  );
}
