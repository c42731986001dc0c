import { Form, Input, Select, Switch } from 'antd';
import type { CustomerDetail } from '../../../../shared/api';
import type { ChangeClassificationInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';

/** Classification, value grade, special tags and blacklist, changed (or confirmed) with a reason. */
export function ClassifyModal({ customer, open, onClose, onSaved }: { customer: CustomerDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm<ChangeClassificationInput>();
  const blacklisted = Form.useWatch('blacklisted', form);
  // The tags of 设置's list to pick from; another can still be typed.
  const tags = useApi(() => api.getSettings().then((s) => s.customerLists.tags), [open], [] as string[]).data;
  const required = (label: string) => [{ required: true, whitespace: true, message: t('form.required', { field: label }) }];
  return (
    <FormModal<ChangeClassificationInput>
      title={t('classify.title')}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{
        customerId: customer.id,
        classification: customer.classification,
        valueGrade: customer.valueGrade,
        specialTags: customer.specialTags,
        blacklisted: customer.blacklisted,
        blacklistReason: customer.blacklistReason ?? undefined,
        reason: '',
      }}
      onSubmit={async (v) => {
        await api.changeClassification({ ...v, customerId: customer.id, valueGrade: v.valueGrade ?? null, specialTags: v.specialTags ?? [] });
        onSaved();
      }}
    >
      <Form.Item name="classification" label={L.field.classification}>
        <Select options={options(L.classification)} />
      </Form.Item>
      <Form.Item name="valueGrade" label={L.field.valueGrade}>
        <Select allowClear options={options(L.valueGrade)} />
      </Form.Item>
      <Form.Item name="specialTags" label={t('classify.specialTags')}>
        <Select mode="tags" tokenSeparators={[',', '，']} options={tags.map((value) => ({ value }))} />
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
    </FormModal>
  );
}
