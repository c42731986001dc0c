import { Checkbox, Form, Input } from 'antd';
import type { CustomerDetail } from '../../../../shared/api';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

/** 淘汰 (004 四.1 d): the customer is closed with a reason, and put on the blacklist when the reason is cause. */
export function CloseCustomerModal({ open, customer, onClose, onSaved }: { open: boolean; customer: CustomerDetail; onClose: () => void; onSaved: () => Promise<void> }) {
  const t = useT();
  return (
    <FormModal<{ reason: string; blacklist: boolean }>
      title={t('customer.closeTitle', { name: customer.name })}
      open={open}
      onClose={onClose}
      initialValues={{ blacklist: false }}
      onSubmit={async ({ reason, blacklist }) => {
        await api.closeCustomer({ customerId: customer.id, reason: reason.trim(), blacklist: !!blacklist });
        onClose();
        await onSaved();
      }}
    >
      <Form.Item name="reason" label={t('customer.closeReason')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('customer.closeReason') }) }]}>
        <Input.TextArea rows={3} maxLength={200} autoFocus />
      </Form.Item>
      {!customer.blacklisted && (
        <Form.Item name="blacklist" valuePropName="checked" extra={t('customer.closeBlacklistHint')}>
          <Checkbox>{t('customer.closeBlacklist')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
