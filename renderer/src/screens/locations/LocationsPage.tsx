import { App, Button, Card, Col, Empty, Flex, Form, Input, InputNumber, List, Modal, Progress, Row, Select, Space, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { BoxDetail, BoxInfo, DepartedMoveProposal, StorageRoom } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { useT } from '../../i18n';
import { useCustomersStore } from '../../stores/customers-store';
import { useNavStore } from '../../stores/nav-store';
import { DeskTable } from '../../components/DeskTable';
import { RegisterImportModal } from '../../components/RegisterImportModal';
import { useApi } from '../../components/useApi';
import { BoxScanField } from './BoxScanField';
import { useMayCall } from '../../components/useMayCall';

type Selection = { kind: 'room' | 'cabinet' | 'shelf' | 'box'; id: number } | null;
type Dialog = 'room' | 'cabinet' | 'box' | 'departed' | null;

/** 档案柜位置: rooms, cabinets, shelves and boxes; a cabinet map; what each box should hold. */
export function LocationsPage() {
  const t = useT();
  const { error, setError, run } = useAction();
  const { modal, message } = App.useApp();
  const [importingPositions, setImportingPositions] = useState(false);
  const mayImportPositions = useMayCall('previewRegisterImport', 'moveFile');
  const mayFile = useMayCall('scanIntoBox');
  const [selected, setSelected] = useState<Selection>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // What the add dialog was opened for: kept while it closes, so its title and fields stay put.
  const [formKind, setFormKind] = useState<'room' | 'cabinet' | 'box'>('room');
  const openForm = (kind: 'room' | 'cabinet' | 'box', defaults: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(defaults);
    setFormKind(kind);
    setDialog(kind);
  };
  const [proposals, setProposals] = useState<DepartedMoveProposal[]>([]);
  const [labels, setLabels] = useState<FormRequest | null>(null);
  const [layout, setLayout] = useState<'sheet' | 'single'>('sheet');
  const pendingBoxId = useNavStore((s) => s.pendingBoxId);
  const clearPendingBox = useNavStore((s) => s.clearPendingBox);
  useEffect(() => {
    // A box code scanned anywhere in the app lands here.
    if (pendingBoxId) {
      setSelected({ kind: 'box', id: pendingBoxId });
      clearPendingBox();
    }
  }, [pendingBoxId, clearPendingBox]);
  const [form] = Form.useForm();
  const openFile = useCustomersStore((s) => s.openFile);
  const go = useNavStore((s) => s.go);

  const storageTree = useApi(() => api.getStorage(), [], [] as StorageRoom[]);
  const { data: storage, set: setStorage, reload: load } = storageTree;
  const boxId = selected?.kind === 'box' ? selected.id : null;
  const openBox = useApi(() => (boxId === null ? Promise.resolve(null) : api.getBox({ boxId })), [boxId, storage], null as BoxDetail | null);
  const box = openBox.data;

  const find = useMemo(() => {
    const cabinets = storage.flatMap((r) => r.cabinets.map((c) => ({ ...c, roomId: r.id })));
    const shelves = cabinets.flatMap((c) => c.shelves.map((s) => ({ ...s, cabinetId: c.id })));
    return { cabinets, shelves };
  }, [storage]);
  /** The selected place as the clerk names it: the room's name, the cabinet's or box's code, the shelf. */
  const selectedName = (): string => {
    if (!selected) return '';
    if (selected.kind === 'room') return storage.find((r) => r.id === selected.id)?.name ?? '';
    if (selected.kind === 'cabinet') return find.cabinets.find((c) => c.id === selected.id)?.code ?? '';
    if (selected.kind === 'shelf') {
      const shelf = find.shelves.find((x) => x.id === selected.id);
      return shelf ? `${find.cabinets.find((c) => c.id === shelf.cabinetId)?.code ?? ''} ${t('loc.shelf', { n: shelf.position })}` : '';
    }
    return find.shelves.flatMap((x) => x.boxes).find((b) => b.id === selected.id)?.code ?? '';
  };
  const cabinet =
    selected?.kind === 'cabinet'
      ? find.cabinets.find((c) => c.id === selected.id)
      : selected?.kind === 'shelf'
        ? find.cabinets.find((c) => c.id === find.shelves.find((s) => s.id === selected.id)?.cabinetId)
        : undefined;
  const shelfId = selected?.kind === 'shelf' ? selected.id : undefined;

  const fill = (b: BoxInfo) => (
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

  const treeData = storage.map((r) => ({
    key: `room-${r.id}`,
    title: r.name,
    children: r.cabinets.map((c) => ({
      key: `cabinet-${c.id}`,
      title: `${c.code}${c.description ? `（${c.description}）` : ''}`,
      children: c.shelves.map((s) => ({
        key: `shelf-${s.id}`,
        title: t('loc.shelf', { n: s.position }),
        children: s.boxes.map((b) => ({
          key: `box-${b.id}`,
          title: `${b.code} · ${b.fileCount}/${b.capacity}${b.outCount > 0 ? ` · ${t('loc.outCount', { n: b.outCount })}` : ''}${b.purpose === 'departed' ? ` · ${t('loc.purposeDeparted')}` : ''}`,
          isLeaf: true,
        })),
      })),
    })),
  }));

  // Everything starts open, new rooms, cabinets and shelves too; only what the clerk folds stays folded.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const allKeys = useMemo(() => {
    const keys = new Set<string>();
    const walk = (nodes: { key: string; children?: unknown[] }[]) => {
      for (const n of nodes) {
        keys.add(n.key);
        if (n.children) walk(n.children as { key: string; children?: unknown[] }[]);
      }
    };
    walk(treeData);
    return keys;
  }, [treeData]);

  const submit = async (values: Record<string, unknown>) => {
    const ok = await run(async () => {
      if (dialog === 'room') setStorage(await api.saveRoom(values as never));
      if (dialog === 'cabinet') setStorage(await api.saveCabinet({ ...(values as { code: string }), roomId: selected!.id }));
      if (dialog === 'box') setStorage(await api.saveBox({ ...(values as { code: string; capacity: number }), shelfId: shelfId! }));
    });
    if (ok) setDialog(null);
  };

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={storageTree.error ?? openBox.error} onClose={() => (storageTree.clearError(), openBox.clearError())} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Space wrap>
        <Button onClick={() => openForm('room')}>{t('loc.addRoom')}</Button>
        <Button disabled={selected?.kind !== 'room'} onClick={() => openForm('cabinet', { shelves: 5 })}>
          {t('loc.addCabinet')}
        </Button>
        <Button disabled={selected?.kind !== 'cabinet'} onClick={() => void run(async () => setStorage(await api.addShelf({ cabinetId: selected!.id })))}>
          {t('loc.addShelf')}
        </Button>
        <Button disabled={selected?.kind !== 'shelf'} onClick={() => openForm('box', { capacity: 30, purpose: 'active' })}>
          {t('loc.addBox')}
        </Button>
        <Button
          danger
          disabled={!selected}
          onClick={() =>
            modal.confirm({
              title: t('loc.retire'),
              content: t('loc.retireConfirm', { name: selectedName() }),
              onOk: () =>
                run(async () => {
                  setStorage(await api.retireLocation(selected!));
                  setSelected(null);
                }),
            })
          }
        >
          {t('loc.retire')}
        </Button>
        <Button
          onClick={() =>
            void run(async () => {
              setProposals(await api.proposeDepartedMoves());
              setDialog('departed');
            })
          }
        >
          {t('loc.departed')}
        </Button>
        <Select<'sheet' | 'single'>
          value={layout}
          onChange={setLayout}
          aria-label={t('labels.layout')}
          style={{ width: 170 }}
          options={[
            { value: 'sheet', label: t('labels.sheet') },
            { value: 'single', label: t('labels.single') },
          ]}
        />
        <Button disabled={!box || box.files.length === 0} onClick={() => setLabels({ formId: 'file-labels', blank: false, params: { boxId: box!.id, labelLayout: layout } })}>
          {t('labels.printFiles')}
        </Button>
        <Button
          disabled={!box && !cabinet}
          onClick={() => setLabels({ formId: 'box-labels', blank: false, params: box ? { boxId: box.id, labelLayout: layout } : { cabinetId: cabinet!.id, labelLayout: layout } })}
        >
          {t('labels.printBoxes')}
        </Button>
        {mayImportPositions && <Button onClick={() => setImportingPositions(true)}>{t('registerImport.open_positions')}</Button>}
      </Space>
      <RegisterImportModal register="positions" open={importingPositions} onClose={() => setImportingPositions(false)} onImported={load} />
      <Row gutter={16}>
        <Col span={8}>
          <Card size="small">
            <Tree
              data-testid="storage-tree"
              expandedKeys={[...allKeys].filter((k) => !collapsed.has(k))}
              onExpand={(keys) => setCollapsed(new Set([...allKeys].filter((k) => !keys.includes(k))))}
              treeData={treeData}
              selectedKeys={selected ? [`${selected.kind}-${selected.id}`] : []}
              onSelect={(keys) => {
                // Clicking the selected node again keeps it selected (antd would clear it).
                if (keys.length === 0) return;
                const [kind, id] = String(keys[0]).split('-') as [NonNullable<Selection>['kind'], string];
                setSelected({ kind, id: Number(id) });
              }}
            />
          </Card>
        </Col>
        <Col span={16}>
          {box ? (
            <Card size="small" title={`${box.path.roomName} / ${box.path.cabinetCode} / ${t('loc.shelf', { n: box.path.shelfPosition })} / ${box.code}`} extra={fill(box)}>
              {mayFile && <BoxScanField key={box.id} boxId={box.id} boxCode={box.code} onFiled={load} />}
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
                    <Card key={b.id} size="small" hoverable style={{ width: 150 }} onClick={() => setSelected({ kind: 'box', id: b.id })}>
                      <Flex vertical gap={2}>
                        <Typography.Text strong>{b.code}</Typography.Text>
                        {b.purpose === 'departed' && <Tag color="default">{t('loc.purposeDeparted')}</Tag>}
                        {fill(b)}
                      </Flex>
                    </Card>
                  ))}
                </Flex>
              ))}
            </Card>
          ) : (
            <Empty description={t('loc.pick')} />
          )}
        </Col>
      </Row>

      <Modal
        title={formKind === 'room' ? t('loc.addRoom') : formKind === 'cabinet' ? t('loc.addCabinet') : t('loc.addBox')}
        open={dialog === formKind}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={t('form.save')}
        cancelText={t('form.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v as Record<string, unknown>)}>
          {formKind === 'room' && (
            <Form.Item name="name" label={t('loc.roomName')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
          )}
          {formKind === 'cabinet' && (
            <>
              <Form.Item name="code" label={t('loc.cabinetCode')} rules={[{ required: true, whitespace: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="description" label={t('loc.description')}>
                <Input />
              </Form.Item>
              <Form.Item name="shelves" label={t('loc.shelves')}>
                <InputNumber min={1} max={20} />
              </Form.Item>
            </>
          )}
          {formKind === 'box' && (
            <>
              <Form.Item name="code" label={t('loc.boxCode')} rules={[{ required: true, whitespace: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="capacity" label={t('loc.capacity')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} />
              </Form.Item>
              <Form.Item name="purpose" label={t('loc.purpose')}>
                <Select
                  options={[
                    { value: 'active', label: t('loc.purposeActive') },
                    { value: 'departed', label: t('loc.purposeDeparted') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="servesBuilding" label={t('loc.servesBuilding')}>
                <Input />
              </Form.Item>
              <Form.Item name="servesFloor" label={t('loc.servesFloor')}>
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>

      <FormPreview
        request={labels}
        onClose={() => setLabels(null)}
        onPrinted={() => {
          if (labels?.formId === 'file-labels') message.success(t('labels.printed'));
          load();
        }}
      />

      <Modal
        title={t('loc.departed')}
        open={dialog === 'departed'}
        onCancel={() => setDialog(null)}
        okText={t('loc.moveAll')}
        okButtonProps={{ disabled: !proposals.some((p) => p.toBoxId) }}
        onOk={async () => {
          let result: { moved: number; left: number } | undefined;
          const ok = await run(async () => {
            result = await api.moveDepartedFiles();
          });
          if (ok && result) {
            message.success(t('loc.departedMoved', result));
            setDialog(null);
            load();
          }
        }}
        width={720}
      >
        <Typography.Paragraph type="secondary">{t('loc.departedHint')}</Typography.Paragraph>
        <List
          size="small"
          dataSource={proposals}
          renderItem={(p) => (
            <List.Item>
              {p.refNo} {p.name}（{p.floor ?? '—'}）：{p.fromBox} → {p.toBox ?? <Typography.Text type="danger">{t('loc.noTarget')}</Typography.Text>}
            </List.Item>
          )}
        />
      </Modal>
    </Flex>
  );
}
