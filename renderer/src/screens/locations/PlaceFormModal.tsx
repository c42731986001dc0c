import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

export type PlaceKind = 'room' | 'cabinet' | 'box';

/** Adds a store room, a cabinet (with its shelves) or a box; `kind` is kept by the caller while the dialog closes, so its title and fields stay put. */
export function PlaceFormModal({
  kind,
  open,
  defaults,
  onClose,
  onSubmit,
}: {
  kind: PlaceKind;
  open: boolean;
  defaults: Record<string, unknown>;
  onClose: () => void;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
}) {
  const t = useT();
  return (
    <FormModal<Record<string, unknown>>
      title={kind === 'room' ? t('loc.addRoom') : kind === 'cabinet' ? t('loc.addCabinet') : t('loc.addBox')}
      open={open}
      onClose={onClose}
      initialValues={defaults}
      onSubmit={onSubmit}
    >
      {kind === 'room' && (
        <Form.Item name="name" label={t('loc.roomName')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
      )}
      {kind === 'cabinet' && (
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
      {kind === 'box' && (
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
    </FormModal>
  );
}
