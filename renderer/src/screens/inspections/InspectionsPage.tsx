import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { CabinetInspectionDue, CatalogueRow, InspectionDetail, InspectionSummary, StorageRoom } from '../../../../shared/api';
import { localDate } from '../../../../shared/dates';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { FormPreview } from '../../components/FormPreview';
import { useAction } from '../../components/useAction';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { InspectionBoxCard } from './InspectionBoxCard';
import { InspectionFindings } from './InspectionFindings';
import { InspectionList } from './InspectionList';

/** 档案检查 (003 §6 4.8): each month, every box of a cabinet is checked against what should be inside. */
export function InspectionsPage() {
  const t = useT();
  const { error, setError, run } = useAction();
  const { message } = App.useApp();
  const inspections = useApi(() => api.listInspections(), [], [] as InspectionSummary[]);
  const dueCabinets = useApi(() => api.listCabinetsDueInspection(), [], [] as CabinetInspectionDue[]);
  const storageTree = useApi(() => api.getStorage(), [], [] as StorageRoom[]);
  const [list, due, storage] = [inspections.data, dueCabinets.data, storageTree.data];
  const loadError = inspections.error ?? dueCabinets.error ?? storageTree.error;
  const { reload: reloadInspections } = inspections;
  const { reload: reloadDue } = dueCabinets;
  const { reload: reloadStorage } = storageTree;
  const [current, setCurrent] = useState<InspectionDetail | null>(null);
  const [boxId, setBoxId] = useState<number | null>(null);
  const [missingFor, setMissingFor] = useState<{ fileId: number; refNo: string; catalogue: CatalogueRow[] } | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [printing, setPrinting] = useState(false);

  const load = useCallback(() => {
    reloadInspections();
    reloadDue();
    reloadStorage();
  }, [reloadInspections, reloadDue, reloadStorage]);

  const open = (detail: InspectionDetail) => {
    setCurrent(detail);
    setBoxId((id) => (id && detail.boxes.some((b) => b.boxId === id) ? id : (detail.boxes[0]?.boxId ?? null)));
  };
  const box = current?.boxes.find((b) => b.boxId === boxId) ?? null;
  const editable = current?.status === 'open';

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={loadError} onClose={() => (inspections.clearError(), dueCabinets.clearError(), storageTree.clearError())} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {due.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="inspection-due"
          title={t('inspect.due', { cabinets: due.map((d) => d.code).join('、') })}
          description={due.map((d) => `${d.code}：${d.lastInspectedAt ? t('inspect.lastAt', { date: localDate(d.lastInspectedAt) }) : t('inspect.never')}`).join('；')}
        />
      )}
      {!current && <InspectionList list={list} storage={storage} run={run} onOpen={open} />}
      {current && (
        <>
          <Space wrap>
            <Button
              onClick={() => {
                setCurrent(null);
                load();
              }}
            >
              {t('inspect.back')}
            </Button>
            <Typography.Text strong>
              {t('inspect.no')} {current.id} · {current.cabinets.join('、')} · {t(current.status === 'open' ? 'inspect.open' : 'inspect.finished')}
            </Typography.Text>
            {editable && (
              <Button type="primary" onClick={() => setFinishing(true)}>
                {t('inspect.finish')}
              </Button>
            )}
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
              {t('inspect.print')}
            </Button>
          </Space>
          <Row gutter={16}>
            <Col span={6}>
              <Card size="small" title={t('inspect.boxes')}>
                <List
                  size="small"
                  dataSource={current.boxes}
                  renderItem={(b) => (
                    <List.Item
                      onClick={() => setBoxId(b.boxId)}
                      style={{ cursor: 'pointer', background: b.boxId === boxId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                      data-testid={`inspect-box-${b.code}`}
                    >
                      <span>
                        {b.cabinetCode} / {t('loc.shelf', { n: b.shelfPosition })} / <b>{b.code}</b>
                      </span>
                      {b.checked ? <Tag color="green">{t('inspect.boxChecked')}</Tag> : <Tag>{`${b.expected.filter((f) => f.found).length}/${b.expected.length}`}</Tag>}
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col span={18}>
              {box && (
                <InspectionBoxCard
                  current={current}
                  box={box}
                  run={run}
                  onOpen={open}
                  onFlagDocument={(f) =>
                    void run(async () => {
                      const file = await api.getFile({ fileId: f.fileId });
                      setMissingFor({ fileId: f.fileId, refNo: f.refNo, catalogue: file.catalogue });
                    })
                  }
                />
              )}
            </Col>
          </Row>
          <InspectionFindings current={current} />
        </>
      )}

      <FormModal<{ documentId: number; note?: string }>
        title={t('inspect.flagDocument')}
        open={!!missingFor}
        onClose={() => setMissingFor(null)}
        intro={<Typography.Paragraph>{missingFor?.refNo}</Typography.Paragraph>}
        onSubmit={async (v) => {
          open(await api.flagMissingDocument({ inspectionId: current!.id, documentId: v.documentId, note: v.note }));
          setMissingFor(null);
          message.success(t('inspect.flagged'));
        }}
      >
        <Form.Item name="documentId" label={t('inspect.document')} rules={[{ required: true }]}>
          <Select options={(missingFor?.catalogue ?? []).map((d) => ({ value: d.documentId, label: `${d.seq}. ${d.title}（${d.docDate}）` }))} />
        </Form.Item>
        <Form.Item name="note" label={t('inspect.note')}>
          <Input />
        </Form.Item>
      </FormModal>

      <FormModal<{ note?: string }>
        title={t('inspect.finish')}
        open={finishing}
        onClose={() => setFinishing(false)}
        okText={t('inspect.finish')}
        intro={<Typography.Paragraph>{t('inspect.finishHint')}</Typography.Paragraph>}
        onSubmit={async (v) => {
          open(await api.finishInspection({ inspectionId: current!.id, note: v.note }));
          setFinishing(false);
          reloadDue();
        }}
      >
        <Form.Item name="note" label={t('inspect.note')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <FormPreview request={printing && current ? { formId: 'inspection-record', blank: false, params: { inspectionId: current.id } } : null} onClose={() => setPrinting(false)} />
    </Flex>
  );
}
