import { Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { InspectionDetail, InspectionSummary, StorageRoom } from '../../../../shared/api';
import { localDateTime } from '../../../../shared/dates';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { kindColour, kindOrder } from './inspection-kinds';

/** The inspections so far, and where a new one is started for the cabinets picked. */
export function InspectionList({
  list,
  storage,
  run,
  onOpen,
}: {
  list: InspectionSummary[];
  storage: StorageRoom[];
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  onOpen: (detail: InspectionDetail) => void;
}) {
  const t = useT();
  const L = useLabels();
  const [cabinetIds, setCabinetIds] = useState<number[]>([]);
  const cabinetOptions = storage.flatMap((r) => r.cabinets.map((c) => ({ value: c.id, label: `${c.code}${c.description ? `（${c.description}）` : ''}` })));
  return (
    <>
      <Space wrap>
        <Select
          mode="multiple"
          style={{ minWidth: 320 }}
          placeholder={t('inspect.pickCabinets')}
          aria-label={t('inspect.pickCabinets')}
          value={cabinetIds}
          onChange={setCabinetIds}
          options={cabinetOptions}
        />
        <Button
          type="primary"
          disabled={cabinetIds.length === 0}
          onClick={() =>
            void run(async () => {
              onOpen(await api.startInspection({ cabinetIds }));
              setCabinetIds([]);
            })
          }
        >
          {t('inspect.start')}
        </Button>
      </Space>
      <DeskTable<InspectionSummary>
        data-testid="inspection-list"
        size="small"
        rowKey="id"
        dataSource={list}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('inspect.no'), dataIndex: 'id', width: 70 },
          { title: t('inspect.cabinets'), dataIndex: 'cabinets', render: (c: string[]) => c.join('、') },
          { title: t('inspect.startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string) => localDateTime(v) },
          { title: t('inspect.by'), dataIndex: 'startedBy', width: 100 },
          {
            title: t('inspect.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === 'open' ? 'processing' : 'default'}>{t(s === 'open' ? 'inspect.open' : 'inspect.finished')}</Tag>,
          },
          {
            title: t('inspect.result'),
            key: 'counts',
            render: (_: unknown, r: InspectionSummary) => kindOrder.filter((k) => r.counts[k] > 0).map((k) => <Tag key={k} color={kindColour[k]}>{`${L.inspectionFinding[k]} ${r.counts[k]}`}</Tag>),
          },
          {
            title: '',
            key: 'open',
            width: 90,
            render: (_: unknown, r: InspectionSummary) => (
              <Button size="small" onClick={() => void run(async () => onOpen(await api.getInspection({ inspectionId: r.id })))}>
                {t(r.status === 'open' ? 'inspect.resume' : 'inspect.view')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
