import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Borrower, FileListRow } from '../../../../shared/api';
import { ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { saveBase64 } from '../../files';
import { useMayCall } from '../../components/useMayCall';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { useCustomersStore, type Filters } from '../../stores/customers-store';
import { CustomerFormDrawer } from './CustomerFormDrawer';
import { FileDrawer } from './FileDrawer';
import { ImportModal } from './ImportModal';
import { RegisterImportModal } from '../../components/RegisterImportModal';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';
import { BlacklistView } from './BlacklistView';

export function CustomersPage() {
  const t = useT();
  const L = useLabels();
  const { message, modal } = App.useApp();
  const s = useCustomersStore();
  const mayRegister = useMayCall('registerCustomer');
  const mayImport = useMayCall('previewCustomerImport', 'startCustomerImport');
  const mayImportDocuments = useMayCall('previewRegisterImport', 'startRegisterImport');
  const [importingDocuments, setImportingDocuments] = useState(false);
  const mayExport = useMayCall('exportCustomers');
  const [typed, setTyped] = useState(s.query);
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Search as the clerk types, a short pause after the last key.
  useEffect(() => {
    if (typed === s.query) return;
    const timer = setTimeout(() => s.setQuery(typed.trim()), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  // Read again each time the list opens: staff are added on another screen; a leaver keeps a label.
  const [ownersKey, setOwnersKey] = useState(0);
  const [showBlacklist, setShowBlacklist] = useState(false);
  const owners = useApi(() => api.listBorrowers({ includeLeft: true }), [ownersKey], [] as Borrower[]).data.map((b) => ({
    value: b.id,
    label: `${b.name}（${b.department}${b.status === 'left' ? `，${L.borrowerStatus.left}` : ''}）`,
  }));
  const filter = (key: keyof Filters) => (value: unknown) => s.setFilters({ ...s.filters, [key]: value || undefined });

  const columns: TableProps<FileListRow>['columns'] = [
    { title: t('customers.refNo'), dataIndex: 'refNo', key: 'refNo', sorter: true, width: 250, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('customers.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (_: string, r) => (
        <Space size={4} wrap>
          <span>{r.name}</span>
          {r.shortName && <Typography.Text type="secondary">（{r.shortName}）</Typography.Text>}
          {r.labelOutOfDate && <Tag color="orange">{t('customers.labelOutOfDate')}</Tag>}
          {r.blacklisted && <Tag color="red">{t('customers.blacklisted')}</Tag>}
          {r.closedAt && <Tag>{t('customer.closedTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('customers.unit'), dataIndex: 'unit', key: 'unit', sorter: true, width: 110 },
    { title: t('customers.location'), key: 'location', width: 110, render: (_: unknown, r) => [r.building, r.floor].filter(Boolean).join(' / ') },
    { title: t('customers.kind'), dataIndex: 'kind', key: 'kind', sorter: true, width: 100, render: (v: FileListRow['kind']) => L.kind[v] },
    { title: t('customers.classification'), dataIndex: 'classification', key: 'classification', width: 100, render: (v: FileListRow['classification']) => L.classification[v] },
    { title: t('customers.phone'), dataIndex: 'phone', key: 'phone', width: 140 },
    {
      title: t('customers.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (v: FileListRow['status']) => <Tag color={v === 'active' ? 'green' : v === 'departed' ? 'default' : 'red'}>{L.fileStatus[v]}</Tag>,
    },
  ];

  const exportList = async () => {
    try {
      const file = await api.exportCustomers({ ...s.filters, query: s.query || undefined, sortBy: s.sortBy, sortOrder: s.sortOrder, locale: L.locale });
      saveBase64(file.dataBase64, file.mime, file.fileName);
      if (file.blacklisted) modal.warning({ title: t('blacklist.inExportTitle'), content: t('blacklist.inExport', { count: file.blacklisted }) });
    } catch (error) {
      message.error(error instanceof ArchiveError ? error.message : String(error));
    }
  };

  const reviewing = s.mode === 'review';
  return (
    <Flex vertical gap={12}>
      <Segmented<'all' | 'review' | 'blacklist'>
        value={showBlacklist ? 'blacklist' : s.mode}
        onChange={(v) => {
          setShowBlacklist(v === 'blacklist');
          if (v !== 'blacklist') s.setMode(v);
        }}
        options={[
          { value: 'all', label: t('customers.modeAll') },
          { value: 'review', label: t('customers.modeReview') },
          { value: 'blacklist', label: t('blacklist.mode') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {showBlacklist && <BlacklistView onOpen={(fileId) => s.openFile(fileId)} />}
      <Flex vertical gap={12} style={showBlacklist ? { display: 'none' } : undefined}>
        {reviewing && <Alert type="info" showIcon title={t('customers.reviewHint')} />}
        <Flex gap={8} wrap style={reviewing ? { display: 'none' } : undefined}>
          <Input.Search
            allowClear
            autoFocus
            aria-label={t('customers.search')}
            placeholder={t('customers.search')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => s.setQuery(v.trim())}
            style={{ flex: '1 1 420px' }}
          />
          {mayRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('customers.register')}
            </Button>
          )}
          {mayImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('customers.import')}
            </Button>
          )}
          {mayImportDocuments && (
            <Button icon={<UploadOutlined />} onClick={() => setImportingDocuments(true)}>
              {t('registerImport.open_documents')}
            </Button>
          )}
          {mayExport && (
            <Button icon={<DownloadOutlined />} onClick={() => void exportList()}>
              {t('customers.export')}
            </Button>
          )}
        </Flex>
        <Flex gap={8} wrap style={reviewing ? { display: 'none' } : undefined}>
          <Select allowClear placeholder={t('customers.filterKind')} style={{ width: 130 }} value={s.filters.kind} onChange={filter('kind')} options={options(L.kind)} />
          <Select
            allowClear
            placeholder={t('customers.filterClassification')}
            style={{ width: 130 }}
            value={s.filters.classification}
            onChange={filter('classification')}
            options={options(L.classification)}
          />
          <Select allowClear placeholder={t('customers.filterGrade')} style={{ width: 130 }} value={s.filters.valueGrade} onChange={filter('valueGrade')} options={options(L.valueGrade)} />
          <Select allowClear placeholder={t('customers.filterStatus')} style={{ width: 130 }} value={s.filters.status} onChange={filter('status')} options={options(L.fileStatus)} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.filterOwner')}
            style={{ width: 130 }}
            value={s.filters.ownerId}
            onChange={filter('ownerId')}
            options={owners}
            onOpenChange={(open) => open && setOwnersKey((k) => k + 1)}
            data-testid="filter-owner"
          />
          <Input
            allowClear
            placeholder={t('customers.filterBuilding')}
            style={{ width: 120 }}
            defaultValue={s.filters.building}
            onPressEnter={(e) => filter('building')(e.currentTarget.value.trim())}
            onBlur={(e) => e.currentTarget.value.trim() !== (s.filters.building ?? '') && filter('building')(e.currentTarget.value.trim())}
          />
          <Input
            allowClear
            placeholder={t('customers.filterFloor')}
            style={{ width: 100 }}
            defaultValue={s.filters.floor}
            onPressEnter={(e) => filter('floor')(e.currentTarget.value.trim())}
            onBlur={(e) => e.currentTarget.value.trim() !== (s.filters.floor ?? '') && filter('floor')(e.currentTarget.value.trim())}
          />
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="customers-total">
            {t('customers.total', { total: s.total })}
          </Typography.Text>
        </Flex>
        {s.documentHits.length > 0 && (
          <List
            size="small"
            bordered
            header={<Typography.Text strong>{t('customers.documentHits')}</Typography.Text>}
            dataSource={s.documentHits}
            renderItem={(hit) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => s.openFile(hit.fileId)}>
                <Space>
                  <span>{hit.title}</span>
                  <Typography.Text type="secondary">
                    {hit.docDate} · {hit.customerName} · {hit.refNo}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {s.pageHits.length > 0 && (
          <List
            size="small"
            bordered
            data-testid="page-hits"
            header={<Typography.Text strong>{t('customers.pageHits')}</Typography.Text>}
            dataSource={s.pageHits}
            renderItem={(hit) => (
              <List.Item style={{ cursor: 'pointer', display: 'block' }} onClick={() => s.openFile(hit.fileId)}>
                <Space wrap>
                  <span>{hit.title}</span>
                  <Typography.Text type="secondary">
                    {t('customers.pageOf', { page: hit.pageNo })} · {hit.docDate} · {hit.customerName} · {hit.refNo}
                  </Typography.Text>
                </Space>
                <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 2 }}>{hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</div>
              </List.Item>
            )}
          />
        )}
        <DeskTable<FileListRow>
          data-testid="customers-table"
          rowKey="fileId"
          size="middle"
          virtual
          scroll={{ x: 1100, y: 560 }}
          loading={s.loading}
          columns={columns}
          dataSource={s.rows}
          onRow={(row) => ({ onClick: () => s.openFile(row.fileId), style: { cursor: 'pointer' } })}
          onChange={(pagination, _filters, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const sortBy = (one?.order ? one.columnKey : 'refNo') as typeof s.sortBy;
            const sortOrder = one?.order === 'descend' ? 'desc' : 'asc';
            if (sortBy !== s.sortBy || sortOrder !== s.sortOrder) s.setSort(sortBy, sortOrder);
            else s.setPage(pagination.current ?? 1, pagination.pageSize ?? 50);
          }}
          pagination={reviewing ? false : { current: s.page, pageSize: s.pageSize, total: s.total, showSizeChanger: true, pageSizeOptions: [50, 100, 200, 500] }}
        />
      </Flex>
      <CustomerFormDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onSaved={(customer) => {
          setRegistering(false);
          void s.load();
          if (customer.files[0]) s.openFile(customer.files[0].id);
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={() => void s.load()} />
      <RegisterImportModal register="documents" open={importingDocuments} onClose={() => setImportingDocuments(false)} onImported={() => void s.load()} />
      <FileDrawer />
    </Flex>
  );
}
