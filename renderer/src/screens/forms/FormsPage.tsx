import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { FormInfo } from '../../../../shared/api';
import type { FormRecordKind } from '../../../../shared/forms';
import type { FormParams } from '../../../../shared/schemas';
import { api } from '../../api';
import { type ArchiveError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApi } from '../../components/useApi';
import { toArchiveError } from '../../errors';
import { FilePicker } from '../../components/FilePicker';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../labels';
import { localDate } from '../../../../shared/dates';

type Option = { value: number; label: string };

/** The choices for a record of one kind, loaded when the dialog opens. */
async function recordOptions(kind: FormRecordKind, L: ReturnType<typeof useLabels>): Promise<Option[]> {
  switch (kind) {
    case 'loan': {
      const rows = await api.listLoans({ limit: 500 });
      const seen = new Map<number, string>();
      for (const r of rows) if (!seen.has(r.loanId)) seen.set(r.loanId, `${r.slipNo} · ${r.borrower} · ${L.loanStatus[r.status]}`);
      return [...seen].map(([value, label]) => ({ value, label }));
    }
    case 'borrower':
      return (await api.listBorrowers({ includeLeft: true })).map((b) => ({ value: b.id, label: `${b.name}（${b.department}）` }));
    case 'transfer':
      return (await api.listTransfers()).map((t) => ({ value: t.id, label: `${t.transferNo} → ${t.toDepartment}` }));
    case 'inspection':
      return (await api.listInspections()).map((i) => ({ value: i.id, label: `#${i.id} · ${i.cabinets.join('、')} · ${localDate(i.startedAt)}` }));
    case 'register':
      return (await api.listDestructionRegisters()).map((r) => ({ value: r.id, label: `#${r.id} · ${r.reason} · ${localDate(r.createdAt)}` }));
    case 'box':
    case 'cabinet': {
      const storage = await api.getStorage();
      const cabinets = storage.flatMap((r) => r.cabinets.map((c) => ({ ...c, room: r.name })));
      if (kind === 'cabinet') return cabinets.map((c) => ({ value: c.id, label: `${c.room} / ${c.code}` }));
      return cabinets.flatMap((c) => c.shelves.flatMap((s) => s.boxes.map((b) => ({ value: b.id, label: `${c.room} / ${c.code} / ${s.position} / ${b.code}` }))));
    }
    default:
      return [];
  }
}

const paramOf: Partial<Record<FormRecordKind, keyof FormParams>> = {
  file: 'fileId',
  loan: 'loanId',
  borrower: 'borrowerId',
  transfer: 'transferId',
  inspection: 'inspectionId',
  register: 'registerId',
  box: 'boxId',
  cabinet: 'cabinetId',
};

type RecordValues = { record?: number; files?: number[]; month?: Dayjs; year?: number; building?: string; recoveryKey?: string };

/** 表格打印: every standard form, blank or filled from a record, previewed, printed or saved as PDF. */
export function FormsPage() {
  const t = useT();
  const L = useLabels();
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [choosing, setChoosing] = useState<FormInfo | null>(null);
  const [options, setOptions] = useState<Option[]>([]);
  const [optionsError, setOptionsError] = useState<ArchiveError | null>(null);
  const [request, setRequest] = useState<FormRequest | null>(null);

  const formList = useApi(() => api.listForms(), [], [] as FormInfo[]);
  const forms = formList.data;
  useEffect(() => {
    let gone = false;
    void (async () => {
      // Thumbnails: the blank form itself, scaled down. One that cannot be drawn stays empty; the form still opens.
      for (const f of forms) {
        const rendered = await api.renderForm({ formId: f.id, blank: true }).catch(() => null);
        if (gone) return;
        if (rendered) setThumbs((m) => ({ ...m, [f.id]: rendered.html }));
      }
    })();
    return () => {
      gone = true;
    };
  }, [forms]);

  const choose = (f: FormInfo) => {
    setOptions([]);
    setOptionsError(null);
    recordOptions(f.record, L).then(setOptions, (e: unknown) => setOptionsError(toArchiveError(e)));
    setChoosing(f);
  };
  const submit = async (v: RecordValues) => {
    const f = choosing!;
    const params: FormParams = {};
    const key = paramOf[f.record];
    if (f.record === 'file') params.fileId = v.files?.[0];
    else if (key) (params as Record<string, unknown>)[key] = v.record;
    if (f.record === 'month') params.month = v.month?.format('YYYY-MM');
    if (f.record === 'year') params.year = v.year;
    if (f.record === 'building') params.building = v.building || undefined;
    if (f.record === 'recoveryKey') params.recoveryKey = v.recoveryKey;
    setChoosing(null);
    setRequest({ formId: f.id, blank: false, params });
  };

  return (
    <>
      <ErrorAlert error={formList.error} onClose={formList.clearError} />
      <Flex wrap gap={16}>
        {forms.map((f) => (
          <Card
            key={f.id}
            size="small"
            style={{ width: 250 }}
            data-testid={`form-card-${f.id}`}
            cover={
              <div style={{ height: 180, overflow: 'hidden', background: '#8c8c8c' }} aria-hidden>
                {thumbs[f.id] && (
                  <iframe
                    title={f.title}
                    srcDoc={thumbs[f.id]}
                    sandbox=""
                    tabIndex={-1}
                    style={{ width: 1000, height: 720, border: 'none', transform: 'scale(0.25)', transformOrigin: '0 0', pointerEvents: 'none' }}
                  />
                )}
              </div>
            }
          >
            <Typography.Text strong>{f.title}</Typography.Text>
            <div>
              {f.formNo && <Tag>{f.formNo}</Tag>}
              <Tag>{t(f.orientation === 'portrait' ? 'forms.portrait' : 'forms.landscape')}</Tag>
            </div>
            <Space style={{ marginTop: 8 }}>
              <Button size="small" onClick={() => setRequest({ formId: f.id, blank: true, params: {} })}>
                {t('forms.blank')}
              </Button>
              <Button size="small" type="primary" onClick={() => choose(f)}>
                {t('forms.filled')}
              </Button>
            </Space>
          </Card>
        ))}
      </Flex>

      <FormModal<RecordValues>
        title={choosing ? `${choosing.title} · ${t(`forms.record_${choosing.record}` as MessageKey)}` : ''}
        open={!!choosing}
        onClose={() => setChoosing(null)}
        onSubmit={submit}
        okText={t('forms.preview')}
        initialValues={{ month: dayjs(), year: dayjs().year() }}
        intro={<ErrorAlert error={optionsError} onClose={() => setOptionsError(null)} />}
      >
        {choosing?.record === 'file' && (
          <Form.Item name="files" label={t('forms.record_file')} rules={[{ required: true }]}>
            <FilePicker multiple={false} />
          </Form.Item>
        )}
        {choosing && paramOf[choosing.record] && choosing.record !== 'file' && (
          <Form.Item name="record" label={t(`forms.record_${choosing.record}` as MessageKey)} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
          </Form.Item>
        )}
        {choosing?.record === 'month' && (
          <Form.Item name="month" label={t('forms.record_month')} rules={[{ required: true }]}>
            <DatePicker picker="month" />
          </Form.Item>
        )}
        {choosing?.record === 'year' && (
          <Form.Item name="year" label={t('forms.record_year')} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
        )}
        {choosing?.record === 'building' && (
          <Form.Item name="building" label={t('forms.record_building')} extra={t('forms.buildingHint')}>
            <Input />
          </Form.Item>
        )}
        {choosing?.record === 'recoveryKey' && (
          <Form.Item name="recoveryKey" label={t('forms.record_recoveryKey')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
      </FormModal>

      <FormPreview request={request} onClose={() => setRequest(null)} />
    </>
  );
}
