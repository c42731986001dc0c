import { Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import type { BoxDetail, BoxInfo, StorageRoom } from '../../../../shared/api';
import { DeskTable } from '../../components/DeskTable';
import { useMayCall } from '../../components/useMayCall';
import { useT } from '../../i18n';
import { useCustomersStore } from '../../stores/customers-store';
import { useNavStore } from '../../stores/nav-store';
import { BoxScanField } from './BoxScanField';

type Cabinet = StorageRoom['cabinets'][number];

/** How full a box is, and how many of its files are out on loan. */
function BoxFill({ b }: { b: BoxInfo }) {
  const t = useT();
  return (
    <>
      <Progress
        percent={Math.round((b.fileCount / b.capacity) * 100)}
        size="small"
        format={() => t('loc.fill', { count: b.fileCount, capacity: b.capacity })}
        status={b.fileCount >= b.capacity ? 'exception' : 'normal'}
      />
      {b.outCount > 0 && (
        <Tag color="blue" data-testid={`box-out-${b.code}`}>
          {t('loc.outCount', { n: b.outCount })}
        </Tag>
      )}
    </>
  );
}

/** The selected box (what it holds, the scanner's field to file into it), or the selected cabinet as a map of its shelves. */
export function PlacePane({ box, cabinet, onFiled, onPickBox }: { box: BoxDetail | null; cabinet: Cabinet | undefined; onFiled: () => void; onPickBox: (boxId: number) => void }) {
  const t = useT();
  const mayFile = useMayCall('scanIntoBox');
  const openFile = useCustomersStore((s) => s.openFile);
  const go = useNavStore((s) => s.go);
  return box ? (
    <Card size="small" title={`${box.path.roomName} / ${box.path.cabinetCode} / ${t('loc.shelf', { n: box.path.shelfPosition })} / ${box.code}`} extra={<BoxFill b={box} />}>
      {mayFile && <BoxScanField key={box.id} boxId={box.id} boxCode={box.code} onFiled={onFiled} />}
      <Typography.Text type="secondary">{t('loc.boxFiles')}</Typography.Text>
      <DeskTable
        data-testid="box-files"
        size="small"
        rowKey="fileId"
        pagination={false}
        dataSource={box.files}
        onRow={(r) => ({
          onClick: () => {
            go('customers');
            openFile(r.fileId);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('customers.refNo'), dataIndex: 'refNo' },
          { title: t('customers.name'), dataIndex: 'name' },
          { title: t('customers.unit'), dataIndex: 'unit' },
        ]}
      />
    </Card>
  ) : cabinet ? (
    <Card size="small" title={`${cabinet.code} ${cabinet.description ?? ''}`} data-testid="cabinet-map">
      {cabinet.shelves.map((s) => (
        <Flex key={s.id} gap={8} align="stretch" style={{ borderBottom: '4px solid #8c8c8c', padding: '8px 0' }}>
          <Typography.Text type="secondary" style={{ width: 56 }}>
            {t('loc.shelf', { n: s.position })}
          </Typography.Text>
          {s.boxes.map((b) => (
            <Card key={b.id} size="small" hoverable style={{ width: 150 }} onClick={() => onPickBox(b.id)}>
              <Flex vertical gap={2}>
                <Typography.Text strong>{b.code}</Typography.Text>
                {b.purpose === 'departed' && <Tag color="default">{t('loc.purposeDeparted')}</Tag>}
                <BoxFill b={b} />
              </Flex>
            </Card>
          ))}
        </Flex>
      ))}
    </Card>
  ) : (
    <Empty description={t('loc.pick')} />
  );
}
