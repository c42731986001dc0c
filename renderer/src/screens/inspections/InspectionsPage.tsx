import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, List, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { CabinetInspectionDue, CatalogueRow, InspectionDetail, InspectionFinding, InspectionSummary, StorageRoom } from '../../../../shared/api';
import type { InspectionFindingKind } from '../../../../shared/domain';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { FormPreview } from '../../components/FormPreview';
import { scanTone } from '../../components/scan-feedback';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../labels';
import { localDate, localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { useApi } from '../../components/useApi';

const kindColour: Record<InspectionFindingKind, string> = {
  present: 'green',
  misfiled: 'orange',
  missing: 'red',
  lent: 'blue',
  unknown: 'purple',
  not_checked: 'default',
  flagged: 'gold',
  document_missing: 'volcano',
};
/** The order findings are read in: problems first. */
const kindOrder: InspectionFindingKind[] = ['missing', 'misfiled', 'unknown', 'document_missing', 'flagged', 'not_checked', 'lent', 'present'];

/** 档案检查 (003 §6 4.8): each month, every box of a cabinet is checked against what should be inside. */
export function InspectionsPage() {
  const t = useT();
  const { error, setError, run } = useAction();
  const L = useLabels();
  const { message } = App.useApp();
  const inspections = useApi(() => api.listInspections(), [], [] as InspectionSummary[]);
  const dueCabinets = useApi(() => api.listCabinetsDueInspection(), [], [] as CabinetInspectionDue[]);
  const storageTree = useApi(() => api.getStorage(), [], [] as StorageRoom[]);
  const [list, due, storage] = [inspections.data, dueCabinets.data, storageTree.data];
  const loadError = inspections.error ?? dueCabinets.error ?? storageTree.error;
  const { reload: reloadInspections } = inspections;
  const { reload: reloadDue } = dueCabinets;
  const { reload: reloadStorage } = storageTree;
  const [cabinetIds, setCabinetIds] = useState<number[]>([]);
  const [current, setCurrent] = useState<InspectionDetail | null>(null);
  const [boxId, setBoxId] = useState<number | null>(null);
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ text: string; ok: boolean } | null>(null);
  const [missingFor, setMissingFor] = useState<{ fileId: number; refNo: string; catalogue: CatalogueRow[] } | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [missingForm] = Form.useForm<{ documentId: number; note?: string }>();
  const [finishForm] = Form.useForm<{ note?: string }>();
  const scanInput = useRef<{ focus: () => void } | null>(null);

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

  const scan = async (value: string) => {
    if (!current || !boxId || !value.trim()) return;
    await run(async () => {
      const result = await api.recordInspectionScan({ inspectionId: current.id, boxId, code: value.trim() });
      open(result.inspection);
      const who = result.refNo ? `${result.refNo} ${result.name ?? ''}` : value.trim();
      const text = result.kind === 'misfiled' ? t('inspect.scanMisfiled', { who, where: result.expectedBox ?? t('loc.noHome') }) : t(`inspect.scan_${result.kind}` as MessageKey, { who });
      setLast({ text, ok: result.kind === 'present' || result.kind === 'repeat' });
      scanTone(result.kind === 'present' ? 'ok' : 'warn');
    });
    setCode('');
    scanInput.current?.focus();
  };

  const cabinetOptions = storage.flatMap((r) => r.cabinets.map((c) => ({ value: c.id, label: `${c.code}${c.description ? `（${c.description}）` : ''}` })));
  const findingColumns = [
    { title: t('inspect.kind'), dataIndex: 'kind', width: 150, render: (k: InspectionFindingKind) => <Tag color={kindColour[k]}>{L.inspectionFinding[k]}</Tag> },
    { title: t('customers.refNo'), dataIndex: 'refNo', width: 200, render: (v: string | null, f: InspectionFinding) => v ?? f.code },
    { title: t('customers.name'), dataIndex: 'name', width: 140 },
    { title: t('inspect.expectedBox'), dataIndex: 'expectedBox' },
    { title: t('inspect.foundBox'), dataIndex: 'foundBox' },
    { title: t('inspect.detail'), dataIndex: 'detail' },
  ];
  const sortedFindings = (current?.findings ?? []).slice().sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));

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
      {!current && (
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
                  open(await api.startInspection({ cabinetIds }));
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
                render: (_: unknown, r: InspectionSummary) =>
                  kindOrder.filter((k) => r.counts[k] > 0).map((k) => <Tag key={k} color={kindColour[k]}>{`${L.inspectionFinding[k]} ${r.counts[k]}`}</Tag>),
              },
              {
                title: '',
                key: 'open',
                width: 90,
                render: (_: unknown, r: InspectionSummary) => (
                  <Button size="small" onClick={() => void run(async () => open(await api.getInspection({ inspectionId: r.id })))}>
                    {t(r.status === 'open' ? 'inspect.resume' : 'inspect.view')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {current && (
        <>
          <Space wrap>
            <Button
              onClick={() => {
                setCurrent(null);
                setLast(null);
                load();
              }}
            >
              {t('inspect.back')}
            </Button>
            <Typography.Text strong>
              {t('inspect.no')} {current.id} · {current.cabinets.join('、')} · {t(current.status === 'open' ? 'inspect.open' : 'inspect.finished')}
            </Typography.Text>
            {editable && (
              <Button
                type="primary"
                onClick={() => {
                  finishForm.resetFields();
                  setFinishing(true);
                }}
              >
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
                <Card
                  size="small"
                  title={`${box.cabinetCode} / ${t('loc.shelf', { n: box.shelfPosition })} / ${box.code}`}
                  extra={
                    editable && (
                      <Checkbox
                        checked={box.checked}
                        onChange={(e) => void run(async () => open(await api.setInspectionBoxChecked({ inspectionId: current.id, boxId: box.boxId, checked: e.target.checked })))}
                      >
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
                            onChange={(e) =>
                              void (e.target.checked ? scan(f.refNo) : run(async () => open(await api.removeInspectionScan({ inspectionId: current.id, boxId: box.boxId, code: f.refNo }))))
                            }
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
                            <Button
                              size="small"
                              onClick={() =>
                                void run(async () => {
                                  const file = await api.getFile({ fileId: f.fileId });
                                  missingForm.resetFields();
                                  setMissingFor({ fileId: f.fileId, refNo: f.refNo, catalogue: file.catalogue });
                                })
                              }
                            >
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
                                  <Button
                                    key="x"
                                    size="small"
                                    type="link"
                                    onClick={() => void run(async () => open(await api.removeInspectionScan({ inspectionId: current.id, boxId: box.boxId, code: s.code })))}
                                  >
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
              )}
            </Col>
          </Row>
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
        </>
      )}

      <Modal title={t('inspect.flagDocument')} open={!!missingFor} onCancel={() => setMissingFor(null)} onOk={() => missingForm.submit()} okText={t('form.save')} cancelText={t('form.cancel')}>
        <Form
          form={missingForm}
          layout="vertical"
          onFinish={(v) =>
            void run(async () => {
              open(await api.flagMissingDocument({ inspectionId: current!.id, documentId: v.documentId, note: v.note }));
              setMissingFor(null);
              message.success(t('inspect.flagged'));
            })
          }
        >
          <Typography.Paragraph>{missingFor?.refNo}</Typography.Paragraph>
          <Form.Item name="documentId" label={t('inspect.document')} rules={[{ required: true }]}>
            <Select options={(missingFor?.catalogue ?? []).map((d) => ({ value: d.documentId, label: `${d.seq}. ${d.title}（${d.docDate}）` }))} />
          </Form.Item>
          <Form.Item name="note" label={t('inspect.note')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title={t('inspect.finish')} open={finishing} onCancel={() => setFinishing(false)} onOk={() => finishForm.submit()} okText={t('inspect.finish')} cancelText={t('form.cancel')}>
        <Typography.Paragraph>{t('inspect.finishHint')}</Typography.Paragraph>
        <Form
          form={finishForm}
          layout="vertical"
          onFinish={(v) =>
            void run(async () => {
              open(await api.finishInspection({ inspectionId: current!.id, note: v.note }));
              setFinishing(false);
              reloadDue();
            })
          }
        >
          <Form.Item name="note" label={t('inspect.note')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>

      <FormPreview request={printing && current ? { formId: 'inspection-record', blank: false, params: { inspectionId: current.id } } : null} onClose={() => setPrinting(false)} />
    </Flex>
  );
}
