import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type ArchiveError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { toArchiveError } from '../../errors';

/** Asks for the reason an action needs (reopen a file, correct a 档号), then runs it. */
export function ReasonModal({ open, title, label, onClose, run }: { open: boolean; title: string; label: string; onClose: () => void; run: (reason: string) => Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  // Cleared after closing rather than on opening, so nothing typed right away is wiped.
  const clear = () => {
    form.resetFields();
    setError(null);
  };
  return (
    <Modal title={title} open={open} onCancel={onClose} afterClose={clear} onOk={() => form.submit()} okText={t('form.save')} cancelText={t('form.cancel')} confirmLoading={busy} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          setBusy(true);
          try {
            await run(reason.trim());
            onClose();
          } catch (e) {
            setError(toArchiveError(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('form.required', { field: label }) }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
