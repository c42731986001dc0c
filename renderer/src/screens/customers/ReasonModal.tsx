import { Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

/** Asks for the reason an action needs (reopen a file, correct a 档号), then runs it. */
export function ReasonModal({ open, title, label, onClose, run }: { open: boolean; title: string; label: string; onClose: () => void; run: (reason: string) => Promise<void> }) {
  const t = useT();
  return (
    <FormModal<{ reason: string }>
      title={title}
      open={open}
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await run(reason.trim());
        onClose();
      }}
    >
      <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('form.required', { field: label }) }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
