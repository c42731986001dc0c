import { Button, Descriptions, Flex, Form, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import type { BundleTenantIndex, BundleVerifyReport, OpenedBundle } from '../../../../shared/api';
import { localDateTime } from '../../../../shared/dates';
import { type ArchiveError } from '../../../../shared/errors';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { toArchiveError } from '../../errors';
import { useT, type MessageKey } from '../../i18n';
import { BundleTenantDrawer } from './BundleTenantDrawer';

/** A bundle opened read-only (made here, or named by its path): what it holds, tenant by tenant, and a check of every file against its manifest. */
export function BundleBrowser({
  opened,
  onOpen,
  onError,
}: {
  opened: { bundle: OpenedBundle; password?: string } | null;
  onOpen: (b: OpenedBundle, password?: string) => void;
  onError: (e: ArchiveError) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ path: string; password?: string }>();
  const [report, setReport] = useState<BundleVerifyReport | null>(null);
  const [tenant, setTenant] = useState<BundleTenantIndex | null>(null);
  const bundle = opened?.bundle;
  const fetchFile = async (file: string) => {
    try {
      return await api.readBundleFile({ path: bundle!.path, file, password: opened?.password });
    } catch (e) {
      onError(toArchiveError(e));
      return null;
    }
  };
  return (
    <Flex vertical gap={12}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          void api.openBundle(v).then(
            (b) => {
              setReport(null);
              onOpen(b, v.password);
            },
            (e) => onError(toArchiveError(e)),
          )
        }
      >
        <Form.Item name="path" label={t('bundle.path')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 460 }} />
        </Form.Item>
        <Form.Item name="password" label={t('bundle.password')}>
          <Input.Password style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit">{t('bundle.open')}</Button>
      </Form>
      {bundle && (
        <>
          <Descriptions size="small" bordered column={3} data-testid="bundle-info">
            <Descriptions.Item label={t('bundle.year')}>{bundle.year}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.organisation')}>{bundle.organisation}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.exportedAt')}>{localDateTime(bundle.exportedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.path')} span={3}>
              {bundle.path}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button onClick={() => void api.verifyBundle({ path: bundle.path, password: opened?.password }).then(setReport, (e) => onError(toArchiveError(e)))}>{t('bundle.verify')}</Button>
            {report &&
              (report.ok ? (
                <Tag color="green" data-testid="bundle-verify">
                  {t('bundle.verifyOk', { files: report.files })}
                </Tag>
              ) : (
                <Tag color="red" data-testid="bundle-verify">
                  {t('bundle.verifyFailed', { n: report.problems.length })}
                </Tag>
              ))}
          </Space>
          {report && !report.ok && <List size="small" dataSource={report.problems} renderItem={(p) => <List.Item>{t(`bundle.verify_${p.kind}` as MessageKey, { path: p.path })}</List.Item>} />}
          <DeskTable<BundleTenantIndex>
            data-testid="bundle-tenants"
            size="small"
            rowKey="folder"
            dataSource={bundle.tenants}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(r) => ({ onClick: () => setTenant(r), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('bundle.floor'), dataIndex: 'floor', width: 70 },
              { title: t('customers.refNo'), dataIndex: 'refNo', width: 230 },
              { title: t('customers.name'), dataIndex: 'name' },
              { title: t('customers.unit'), dataIndex: 'unit', width: 100 },
              { title: t('bundle.moveOut'), dataIndex: 'moveOutDate', width: 110 },
              { title: t('bundle.documents'), key: 'docs', width: 80, render: (_: unknown, r) => r.documents.length },
            ]}
          />
        </>
      )}
      <BundleTenantDrawer tenant={tenant} fetchFile={fetchFile} onClose={() => setTenant(null)} />
    </Flex>
  );
}
