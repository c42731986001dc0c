import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { confidentialityLevels, type Confidentiality } from '../../../../shared/domain';
import { recordKind, type RecordKind } from '../../../../shared/record-kinds';
import { recordLabels } from '../../../../shared/record-labels';
import { api } from '../../api';
import { FilePicker } from '../../components/FilePicker';
import { FormModal } from '../../components/FormModal';
import { useT, useLocaleStore } from '../../i18n';
import { useLabels } from '../../labels';
import { printRecords, useRecordStore } from './record-store';
import { RecordFieldInput } from './RecordFieldInput';

interface Values {
  fileIds?: number[];
  fields: Record<string, unknown>;
  reason?: string;
  confidentiality?: Confidentiality;
}

/** The fields a new record asks for: all but those a later step asks for (a complaint's result) and signature lines. */
function intakeFields(kind: RecordKind, all: boolean) {
  const later = new Set(kind.moves.flatMap((m) => m.asks ?? []));
  return kind.fields.filter((f) => !f.signature && (all || !later.has(f.key)));
}

/** The one form for every kind: a new record (its fields started from the customer) or a kept one changed with a reason. Ctrl+S saves. */
export function RecordFormModal() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const labels = useLabels();
  const { editing, edit, openRecord, markSaved, print } = useRecordStore();
  const [printAfter, setPrintAfter] = useState(false);
  const [form] = Form.useForm<Values>();
  const [initial, setInitial] = useState<Partial<Values> | undefined>();
  const drafted = useRef<Record<string, unknown>>({});
  const kind = editing ? recordKind(editing.kind) : undefined;
  const revising = editing?.recordId !== undefined;

  useEffect(() => {
    if (!editing) return;
    setInitial(undefined);
    setPrintAfter(false);
    if (editing.recordId !== undefined) {
      void api.getRecord({ recordId: editing.recordId }).then((r) => setInitial({ fields: r.fields, confidentiality: r.confidentiality }));
    } else {
      void api.draftRecord({ kind: editing.kind, fileId: editing.fileId }).then((fields) => {
        drafted.current = fields;
        setInitial({ fields, fileIds: editing.fileId ? [editing.fileId] : [] });
      });
    }
  }, [editing]);

  useEffect(() => {
    if (!editing) return;
    // Ctrl+S saves; Ctrl+P saves and prints the kept record's form.
    const save = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && (key === 's' || key === 'p')) {
        e.preventDefault();
        setPrintAfter(key === 'p');
        form.submit();
      }
    };
    window.addEventListener('keydown', save);
    return () => window.removeEventListener('keydown', save);
  }, [editing, form]);

  if (!kind || !editing) return null;
  const names = recordLabels(kind.id, locale);
  const pickFile = (ids: number[]) => {
    const fileId = ids.at(-1);
    form.setFieldValue('fileIds', fileId ? [fileId] : []);
    // A chosen customer fills what the form starts with, where nothing was typed yet (a field
    // still holding the previous customer's answer is that customer's, not the clerk's).
    if (fileId) {
      void api.draftRecord({ kind: kind.id, fileId }).then((draft) => {
        const before = drafted.current;
        for (const [key, value] of Object.entries(draft)) {
          const now: unknown = form.getFieldValue(['fields', key]);
          if (!now || JSON.stringify(now) === JSON.stringify(before[key])) form.setFieldValue(['fields', key], value);
        }
        drafted.current = draft;
      });
    }
  };
  const submit = async (v: Values) => {
    const fields = Object.fromEntries(Object.entries(v.fields ?? {}).filter(([, value]) => value !== undefined && value !== ''));
    const saved = await api.saveRecord({
      kind: kind.id,
      recordId: editing.recordId,
      fileId: revising ? undefined : v.fileIds?.[0],
      fields,
      reason: v.reason,
      confidentiality: v.confidentiality,
    });
    markSaved();
    edit(null);
    openRecord(saved.id);
    if (printAfter) print(printRecords(saved.kind, [saved.id]));
  };
  return (
    <FormModal<Values>
      title={revising ? `${t('rec.edit')} · ${names.title}` : t('rec.newKind', { kind: names.title })}
      open={initial !== undefined}
      onClose={() => edit(null)}
      onSubmit={submit}
      initialValues={initial}
      form={form}
      width={880}
      okText={`${t('form.save')} (Ctrl+S)`}
      intro={
        <>
          {names.hint && <Typography.Paragraph type="secondary">{names.hint}</Typography.Paragraph>}
          <Typography.Paragraph type="secondary">{t('rec.keys')}</Typography.Paragraph>
        </>
      }
    >
      <Row gutter={16}>
        {kind.scope === 'file' && !revising && editing.fileLabel && (
          <Col span={24}>
            <Form.Item name="fileIds" label={t('rec.file')}>
              <Typography.Text strong>{editing.fileLabel}</Typography.Text>
            </Form.Item>
          </Col>
        )}
        {kind.scope === 'file' && !revising && !editing.fileLabel && (
          <Col span={24}>
            <Form.Item name="fileIds" label={t('rec.file')} rules={[{ required: true, message: t('form.required', { field: t('rec.file') }) }]}>
              <FilePicker multiple={false} onChange={pickFile} scannable />
            </Form.Item>
          </Col>
        )}
        {intakeFields(kind, revising).map((f) => (
          <Col key={f.key} span={f.wide ? 24 : 12}>
            <Form.Item name={['fields', f.key]} label={names.fields[f.key]} rules={f.required ? [{ required: true, message: t('form.required', { field: names.fields[f.key] }) }] : undefined}>
              <RecordFieldInput kind={kind} field={f} />
            </Form.Item>
          </Col>
        ))}
        <Col span={12}>
          <Form.Item name="confidentiality" label={t('rec.confidentiality')}>
            <Select allowClear options={confidentialityLevels.map((c) => ({ value: c, label: labels.confidentiality[c] }))} />
          </Form.Item>
        </Col>
        {revising && (
          <Col span={12}>
            <Form.Item name="reason" label={t('rec.reason')} rules={[{ required: true, message: t('form.required', { field: t('rec.reason') }) }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
