import { Button, Drawer, Flex, Image, Space, Tag } from 'antd';
import { useState } from 'react';
import type { BundleTenantIndex } from '../../../../shared/api';
import { DeskTable } from '../../components/DeskTable';
import { saveBase64 } from '../../files';
import { useT, type MessageKey } from '../../i18n';

/** One tenant of an opened bundle: its catalogue and registration, its documents, and each scan to look at or save. */
export function BundleTenantDrawer({
  tenant,
  fetchFile,
  onClose,
}: {
  tenant: BundleTenantIndex | null;
  fetchFile: (file: string) => Promise<{ dataBase64: string; mime: string } | null>;
  onClose: () => void;
}) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  return (
    <Drawer
      title={tenant ? `${tenant.refNo} ${tenant.name}` : ''}
      open={!!tenant}
      onClose={() => {
        setImage(null);
        onClose();
      }}
      size="large"
    >
      {tenant && (
        <Flex vertical gap={12}>
          <Space wrap>
            {(['catalogue.pdf', 'registration.pdf', 'documents.csv', 'customer.json'] as const).map((name) => (
              <Button key={name} size="small" onClick={() => void fetchFile(`${tenant.folder}/${name}`).then((f) => f && saveBase64(f.dataBase64, f.mime, `${tenant.refNo}-${name}`))}>
                {t(`bundle.file_${name.replace('.', '_')}` as MessageKey)}
              </Button>
            ))}
          </Space>
          <DeskTable
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={tenant.documents}
            columns={[
              { title: t('bundle.seq'), dataIndex: 'seq', width: 50 },
              { title: t('doc.title'), dataIndex: 'title' },
              { title: t('doc.date'), dataIndex: 'docDate', width: 110 },
              { title: t('doc.pages'), dataIndex: 'pages', width: 60 },
              {
                title: t('bundle.scans'),
                key: 'scans',
                render: (_: unknown, d: BundleTenantIndex['documents'][number]) =>
                  d.scans.map((s) =>
                    s.path ? (
                      <Button
                        key={s.path}
                        size="small"
                        type="link"
                        onClick={() =>
                          void fetchFile(`${tenant.folder}/${s.path}`).then((f) => {
                            if (!f) return;
                            if (f.mime.startsWith('image/')) setImage(`data:${f.mime};base64,${f.dataBase64}`);
                            else saveBase64(f.dataBase64, f.mime, s.fileName);
                          })
                        }
                      >
                        {s.fileName}
                      </Button>
                    ) : (
                      <Tag key={s.fileName}>{t('bundle.withheld', { name: s.fileName })}</Tag>
                    ),
                  ),
              },
            ]}
          />
          {image && <Image src={image} alt="scan" data-testid="bundle-scan" />}
        </Flex>
      )}
    </Drawer>
  );
}
