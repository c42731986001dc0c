import { Alert, Button, Card, Checkbox, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { InspectionDetail } from '../../../../shared/api';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { scanTone } from '../../components/scan-feedback';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../labels';
import { kindColour } from './inspection-kinds';

type InspectedBox = InspectionDetail['boxes'][number];

/** One box of an inspection: the scanner's field, what should be inside (ticked as found), and what was found that does not belong. */
export function InspectionBoxCard({
  current,
  box,
  run,
  onOpen,
  onFlagDocument,
}: {
  current: InspectionDetail;
  box: InspectedBox;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  onOpen: (detail: InspectionDetail) => void;
  onFlagDocument: (file: InspectedBox['expected'][number]) => void;
}) {
  const t = useT();
  const L = useLabels();
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ text: string; ok: boolean } | null>(null);
  const scanInput = useRef<{ focus: () => void } | null>(null);
  const editable = current.status === 'open';
  const open = onOpen;

  const scan = async (value: string) => {
    if (!value.trim()) return;
    await run(async () => {
      const result = await api.recordInspectionScan({ inspectionId: current.id, boxId: box.boxId, code: value.trim() });
      open(result.inspection);
      const who = result.refNo ? `${result.refNo} ${result.name ?? ''}` : value.trim();
      const text = result.kind === 'misfiled' ? t('inspect.scanMisfiled', { who, where: result.expectedBox ?? t('loc.noHome') }) : t(`inspect.scan_${result.kind}` as MessageKey, { who });
      setLast({ text, ok: result.kind === 'present' || result.kind === 'repeat' });
      scanTone(result.kind === 'present' ? 'ok' : 'warn');
    });
    setCode('');
    scanInput.current?.focus();
  };

  return (
    <Card
      size="small"
      title={`${box.cabinetCode} / ${t('loc.shelf', { n: box.shelfPosition })} / ${box.code}`}
      extra={
        editable && (
          <Checkbox checked={box.checked} onChange={(e) => void run(async () => open(await api.setInspectionBoxChecked({ inspectionId: current.id, boxId: box.boxId, checked: e.target.checked })))}>
            {t('inspect.markChecked')}
          </Checkbox>
        )
      }
    >
      {editable && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            ref={(el) => {
              scanInput.current = el;
            }}
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onSearch={(v) => void scan(v)}
            enterButton={t('inspect.record')}
            placeholder={t('inspect.scanHere')}
            aria-label={t('inspect.scanHere')}
          />
          {last && <Alert type={last.ok ? 'success' : 'warning'} showIcon title={last.text} data-testid="inspect-last" />}
        </Flex>
      )}
      <DeskTable
        data-testid="inspect-expected"
        size="small"
        rowKey="fileId"
        pagination={false}
        dataSource={box.expected}
        columns={[
          {
            title: t('inspect.found'),
            key: 'found',
            width: 60,
            render: (_: unknown, f: (typeof box.expected)[number]) => (
              <Checkbox
                aria-label={f.refNo}
                checked={f.found}
                disabled={!editable}
                onChange={(e) => void (e.target.checked ? scan(f.refNo) : run(async () => open(await api.removeInspectionScan({ inspectionId: current.id, boxId: box.boxId, code: f.refNo }))))}
              />
            ),
          },
          { title: t('customers.refNo'), dataIndex: 'refNo', width: 200 },
          { title: t('customers.name'), dataIndex: 'name' },
          { title: t('customers.unit'), dataIndex: 'unit', width: 100 },
          {
            title: t('inspect.note'),
            key: 'note',
            render: (_: unknown, f: (typeof box.expected)[number]) => (
              <Space size={4} wrap>
                {f.out && <Tag color="blue">{t('inspect.outWith', { who: f.out.borrower, due: f.out.dueDate })}</Tag>}
                {f.flag && <Tag color="gold">{f.flag}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'docs',
            width: 110,
            render: (_: unknown, f: (typeof box.expected)[number]) =>
              editable && (
                <Button size="small" onClick={() => onFlagDocument(f)}>
                  {t('inspect.flagDocument')}
                </Button>
              ),
          },
        ]}
      />
      {box.scanned.some((s) => s.kind !== 'present') && (
        <List
          size="small"
          header={<Typography.Text strong>{t('inspect.notBelonging')}</Typography.Text>}
          dataSource={box.scanned.filter((s) => s.kind !== 'present')}
          renderItem={(s) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button key="x" size="small" type="link" onClick={() => void run(async () => open(await api.removeInspectionScan({ inspectionId: current.id, boxId: box.boxId, code: s.code })))}>
                        {t('inspect.undo')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Tag color={kindColour[s.kind]}>{L.inspectionFinding[s.kind]}</Tag> {s.refNo ?? s.code} {s.name ?? ''}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
