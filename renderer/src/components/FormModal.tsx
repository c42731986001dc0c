import { Form, Modal, type FormInstance } from 'antd';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './useAction';

export interface FormModalProps<V> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Saves what was typed; a failure is shown in the dialog, which stays open with what was typed. */
  onSubmit: (values: V) => Promise<unknown>;
  /** What the form shows each time it opens. */
  initialValues?: Partial<V>;
  /** The caller's form, when it watches a field or sets one. */
  form?: FormInstance<V>;
  okText?: ReactNode;
  /** The save button in red: what it does cannot be undone (a destruction carried out). */
  okDanger?: boolean;
  width?: number;
  /** Shown above the form (what the dialog is about). */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * A dialog that is one form: reset as it opens, saved with 保存 (or Enter), busy while saving,
 * and a failure shown in it the one way (ErrorAlert) without losing what was typed.
 */
export function FormModal<V>({ title, open, onClose, onSubmit, initialValues, form: given, okText, okDanger, width, intro, children }: FormModalProps<V>) {
  const t = useT();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const { error, setError, run, busy } = useAction();
  const initial = useRef(initialValues);
  useLayoutEffect(() => {
    initial.current = initialValues;
  });
  // Before paint, so the form is reset before anyone can type into it.
  useLayoutEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (initial.current) form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form, setError]);
  return (
    <Modal
      title={title}
      open={open}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('form.save')}
      okButtonProps={{ danger: okDanger }}
      cancelText={t('form.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {intro}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<V> form={form} layout="vertical" onFinish={(v) => void run(() => onSubmit(v))}>
        {children}
      </Form>
    </Modal>
  );
}
