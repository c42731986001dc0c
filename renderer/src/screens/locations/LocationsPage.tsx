import { App, Button, Card, Col, Flex, Row, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { BoxDetail, DepartedMoveProposal, StorageRoom } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { RegisterImportModal } from '../../components/RegisterImportModal';
import { useAction } from '../../components/useAction';
import { useApi } from '../../components/useApi';
import { useMayCall } from '../../components/useMayCall';
import { useT } from '../../i18n';
import { useNavStore } from '../../stores/nav-store';
import { DepartedMovesModal } from './DepartedMovesModal';
import { PlaceFormModal, type PlaceKind } from './PlaceFormModal';
import { PlacePane } from './PlacePane';
import { StorageTree, type Selection } from './StorageTree';

type Dialog = 'room' | 'cabinet' | 'box' | 'departed' | null;

/** 档案柜位置: rooms, cabinets, shelves and boxes; a cabinet map; what each box should hold. */
export function LocationsPage() {
  const t = useT();
  const { error, setError, run } = useAction();
  const { modal, message } = App.useApp();
  const [importingPositions, setImportingPositions] = useState(false);
  const mayImportPositions = useMayCall('previewRegisterImport', 'moveFile');
  const [selected, setSelected] = useState<Selection>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // What the add dialog was opened for: kept while it closes, so its title and fields stay put.
  const [formKind, setFormKind] = useState<PlaceKind>('room');
  const [formDefaults, setFormDefaults] = useState<Record<string, unknown>>({});
  const openForm = (kind: PlaceKind, defaults: Record<string, unknown> = {}) => {
    setFormDefaults(defaults);
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

  const submit = async (values: Record<string, unknown>) => {
    if (dialog === 'room') setStorage(await api.saveRoom(values as never));
    if (dialog === 'cabinet') setStorage(await api.saveCabinet({ ...(values as { code: string }), roomId: selected!.id }));
    if (dialog === 'box') setStorage(await api.saveBox({ ...(values as { code: string; capacity: number }), shelfId: shelfId! }));
    setDialog(null);
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
            <StorageTree storage={storage} selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col span={16}>
          <PlacePane box={box} cabinet={cabinet} onFiled={load} onPickBox={(id) => setSelected({ kind: 'box', id })} />
        </Col>
      </Row>

      <PlaceFormModal kind={formKind} open={dialog === formKind} defaults={formDefaults} onClose={() => setDialog(null)} onSubmit={submit} />
      <FormPreview
        request={labels}
        onClose={() => setLabels(null)}
        onPrinted={() => {
          if (labels?.formId === 'file-labels') message.success(t('labels.printed'));
          load();
        }}
      />

      <DepartedMovesModal proposals={proposals} open={dialog === 'departed'} onClose={() => setDialog(null)} onMoved={load} />
    </Flex>
  );
}
