import { Alert, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BlacklistRow, Page } from '../../../../shared/api';
import { localDate } from '../../../../shared/dates';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

/** 客户黑名单 (004 四.1 d): every customer on it with why and since when, a page at a time; a row opens the file. */
export function BlacklistView({ onOpen }: { onOpen: (fileId: number) => void }) {
  const t = useT();
  const L = useLabels();
  const [query, setQuery] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const list = useApi(() => api.listBlacklist({ query: query || undefined, ...paging }), [query, paging], { rows: [], total: 0, page: 1, pageSize: 50 } as Page<BlacklistRow>);
  return (
    <Flex vertical gap={12} data-testid="blacklist">
      <Alert type="info" showIcon title={t('blacklist.hint')} />
      <ErrorAlert error={list.error} onClose={list.clearError} />
      <Flex gap={8} align="center">
        <Input.Search
          allowClear
          placeholder={t('blacklist.search')}
          aria-label={t('blacklist.search')}
          onSearch={(v) => {
            setQuery(v.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 420 }}
        />
        <Typography.Text type="secondary" data-testid="blacklist-total">
          {t('blacklist.total', { total: list.data.total })}
        </Typography.Text>
      </Flex>
      <DeskTable<BlacklistRow>
        rowKey="customerId"
        loading={list.loading}
        dataSource={list.data.rows}
        scroll={{ y: 520 }}
        onRow={(r) => (r.fileId ? { onClick: () => onOpen(r.fileId!), style: { cursor: 'pointer' } } : {})}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data.total,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200, 500],
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('customers.name'),
            dataIndex: 'name',
            width: 240,
            render: (name: string, r) => (
              <>
                {name} {r.closedAt && <Tag>{t('customer.closedTag')}</Tag>}
              </>
            ),
          },
          { title: t('customers.kind'), dataIndex: 'kind', width: 90, render: (k: BlacklistRow['kind']) => L.kind[k] },
          { title: L.field.phone, dataIndex: 'phone', width: 140 },
          { title: L.field.licenceNo, dataIndex: 'licenceNo', width: 180 },
          { title: t('blacklist.reason'), dataIndex: 'reason' },
          { title: t('blacklist.since'), dataIndex: 'since', width: 110, render: (at: string | null) => (at ? localDate(at) : '') },
        ]}
      />
    </Flex>
  );
}
