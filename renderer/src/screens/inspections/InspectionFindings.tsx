import { Card, Space, Tag } from 'antd';
import type { InspectionDetail, InspectionFinding } from '../../../../shared/api';
import type { InspectionFindingKind } from '../../../../shared/domain';
import { DeskTable } from '../../components/DeskTable';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';
import { kindColour, kindOrder } from './inspection-kinds';

/** What an inspection found so far, problems first, with a count of each kind. */
export function InspectionFindings({ current }: { current: InspectionDetail }) {
  const t = useT();
  const L = useLabels();
  const findingColumns = [
    { title: t('inspect.kind'), dataIndex: 'kind', width: 150, render: (k: InspectionFindingKind) => <Tag color={kindColour[k]}>{L.inspectionFinding[k]}</Tag> },
    { title: t('customers.refNo'), dataIndex: 'refNo', width: 200, render: (v: string | null, f: InspectionFinding) => v ?? f.code },
    { title: t('customers.name'), dataIndex: 'name', width: 140 },
    { title: t('inspect.expectedBox'), dataIndex: 'expectedBox' },
    { title: t('inspect.foundBox'), dataIndex: 'foundBox' },
    { title: t('inspect.detail'), dataIndex: 'detail' },
  ];
  const sortedFindings = current.findings.slice().sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));

  return (
    <Card size="small" title={t('inspect.findings')}>
      <Space wrap style={{ marginBottom: 8 }} data-testid="inspect-counts">
        {kindOrder.map((k) => (
          <Tag key={k} color={kindColour[k]}>{`${L.inspectionFinding[k]} ${current.counts[k]}`}</Tag>
        ))}
      </Space>
      <DeskTable<InspectionFinding>
        data-testid="inspect-findings"
        size="small"
        rowKey={(f) => `${f.kind}-${f.fileId ?? f.code}-${f.foundBox ?? ''}-${f.detail ?? ''}`}
        pagination={false}
        dataSource={sortedFindings.filter((f) => f.kind !== 'present')}
        columns={findingColumns}
      />
    </Card>
  );
}
