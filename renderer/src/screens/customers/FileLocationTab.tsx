import { Button, Descriptions, Flex, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import type { FileLocation, StorageRoom } from '../../../../shared/api';
import { type ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toArchiveError } from '../../errors';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { localDate, localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { fieldLabels } from '../../../../shared/field-labels';
import { useApi } from '../../components/useApi';

/** Where the file is, every move it made, and moving it to another box. */
export function FileLocationTab({ fileId }: { fileId: number }) {
  const t = useT();
  const L = useLabels();
  const where = useApi(() => api.whereIsFile({ fileId }), [fileId], null as FileLocation | null);
  const storageTree = useApi(() => api.getStorage(), [], [] as StorageRoom[]);
  const { data: location, set: setLocation } = where;
  const { data: storage, reload: reloadStorage } = storageTree;
  const [error, setError] = useState<ArchiveError | null>(null);
  const [form] = Form.useForm<{ toBoxId: number; reason: string }>();

  const boxOptions = storage.flatMap((r) =>
    r.cabinets.flatMap((c) =>
      c.shelves.flatMap((s) =>
        s.boxes.map((b) => ({ value: b.id, label: `${r.name} / ${c.code} / ${t('loc.shelf', { n: s.position })} / ${b.code}（${b.fileCount}/${b.capacity}）`, disabled: b.fileCount >= b.capacity })),
      ),
    ),
  );
  const home = location?.home;
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={where.error ?? storageTree.error} onClose={() => (where.clearError(), storageTree.clearError())} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('loc.location')}>
          <span data-testid="file-home">{home ? `${home.roomName} / ${home.cabinetCode} / ${t('loc.shelf', { n: home.shelfPosition })} / ${home.boxCode}` : t('loc.noHome')}</span>
        </Descriptions.Item>
        {location?.out && (
          <Descriptions.Item label={t('loans.status')}>
            <Tag color="blue" data-testid="file-out">
              {t('loc.outWith', { who: location.out.borrower, department: location.out.department, since: localDate(location.out.since), due: location.out.dueDate })}
            </Tag>
          </Descriptions.Item>
        )}
        {location?.transferred && (
          <Descriptions.Item label={t('loans.status')}>
            <Tag color="purple">{t('loc.transferred', { to: location.transferred.toDepartment, no: location.transferred.transferNo, at: location.transferred.at.slice(0, 10) })}</Tag>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          setError(null);
          try {
            setLocation(await api.moveFile({ fileId, toBoxId: v.toBoxId, reason: v.reason }));
            form.resetFields();
            reloadStorage();
          } catch (e) {
            setError(toArchiveError(e));
          }
        }}
      >
        <Form.Item messageVariables={{ label: fieldLabels[L.locale].toBoxId }} name="toBoxId" rules={[{ required: true }]}>
          <Select placeholder={t('loc.moveTo')} options={boxOptions} style={{ width: 380 }} aria-label={t('loc.moveTo')} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item messageVariables={{ label: fieldLabels[L.locale].reason }} name="reason" rules={[{ required: true, whitespace: true }]}>
          <Input placeholder={t('loc.moveReason')} aria-label={t('loc.moveReason')} />
        </Form.Item>
        <Button htmlType="submit">{t('loc.moveTo')}</Button>
      </Form>
      <DeskTable
        size="small"
        rowKey={(m) => m.at + m.to}
        pagination={false}
        dataSource={location?.moves ?? []}
        columns={[
          { title: t('history.at'), dataIndex: 'at', width: 170, render: (v: string) => localDateTime(v) },
          { title: t('loc.from'), dataIndex: 'from' },
          { title: t('loc.to'), dataIndex: 'to' },
          { title: t('history.by'), dataIndex: 'by', width: 90 },
          { title: t('history.reason'), dataIndex: 'reason' },
        ]}
      />
    </Flex>
  );
}
