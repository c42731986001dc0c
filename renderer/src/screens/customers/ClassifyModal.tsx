import { Form, Input, Modal, Select, Switch } from 'antd';
import { useLayoutEffect, useState } from 'react';
import type { CustomerDetail } from '../../../../shared/api';
import { type ArchiveError } from '../../../../shared/errors';
import type { ChangeClassificationInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { toArchiveError } from '../../errors';

/** Classification, value grade, special tags and blacklist, changed (or confirmed) with a reason. */
export function ClassifyModal({ customer, open, onClose, onSaved }: { customer: CustomerDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm<ChangeClassificationInput>();
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const blacklisted = Form.useWatch('blacklisted', form);
  // Before paint, so the form is reset before anyone can type into it.
  useLayoutEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({
      customerId: customer.id,
      classification: customer.classification,
      valueGrade: customer.valueGrade,
      specialTags: customer.specialTags,
      blacklisted: customer.blacklisted,
      blacklistReason: customer.blacklistReason ?? undefined,
      reason: '',
    });
  }, [open, customer, form]);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('form.required', { field: label }) }];
  return (
    <Modal title={t('classify.title')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t('form.save')} cancelText={t('form.cancel')} confirmLoading={busy} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<ChangeClassificationInput>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            await api.changeClassification({ ...v, customerId: customer.id, valueGrade: v.valueGrade ?? null, specialTags: v.specialTags ?? [] });
            onSaved();
          } catch (e) {
            setError(toArchiveError(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="classification" label={L.field.classification}>
          <Select options={options(L.classification)} />
        </Form.Item>
        <Form.Item name="valueGrade" label={L.field.valueGrade}>
          <Select allowClear options={options(L.valueGrade)} />
        </Form.Item>
        <Form.Item name="specialTags" label={t('classify.specialTags')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="blacklisted" label={t('classify.blacklisted')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {blacklisted && (
          <Form.Item name="blacklistReason" label={t('classify.blacklistReason')} rules={required(t('classify.blacklistReason'))}>
            <Input maxLength={500} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('classify.reason')} rules={required(t('classify.reason'))}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
