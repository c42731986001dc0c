import { App, Button, DatePicker, Flex, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { LoanDetail, LoanRegisterRow } from '../../../../shared/api';
import { loanListPage, type LoanKind, type LoanTerm } from '../../../../shared/domain';
import type { ListLoansInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { useApi } from '../../components/useApi';
import { useBorrowerOptions } from './useBorrowerOptions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { FilePicker } from '../../components/FilePicker';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { saveBase64 } from '../../files';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { DeskTable } from '../../components/DeskTable';
import { useMayCall } from '../../components/useMayCall';
import { PaperLoanModal } from './PaperLoanModal';
import { LoanSlipModal } from './LoanSlipModal';
import { FormModal } from '../../components/FormModal';
import { localDate } from '../../../../shared/dates';

type Status = NonNullable<ListLoansInput['status']>;
type LoanRequestValues = { borrowerId: number; fileIds: number[]; purpose: string; kind: LoanKind; term: LoanTerm };
const day = (iso: string | null) => (iso ? localDate(iso) : '');

/** 借阅登记簿: every loan, filtered by date, borrower, department, file and status; slips, renewals, export, the month's form. */
export function LoanRegister({ refreshKey, onChanged, initialStatus }: { refreshKey: number; onChanged: () => void; initialStatus?: Status }) {
  const t = useT();
  const { error, setError, run } = useAction();
  const L = useLabels();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ range: [Dayjs, Dayjs] | null; status?: Status; query?: string; department?: string }>({ range: null, status: initialStatus });
  const [slip, setSlip] = useState<LoanDetail | null>(null);
  const [preview, setPreview] = useState<FormRequest | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [enteringPaper, setEnteringPaper] = useState(false);
  const mayEnterPaper = useMayCall('enterPaperLoan');
  const mayRequest = useMayCall('requestLoan');

  const input = useCallback(
    (): ListLoansInput => ({
      from: filter.range?.[0].format('YYYY-MM-DD'),
      to: filter.range?.[1].format('YYYY-MM-DD'),
      status: filter.status,
      query: filter.query || undefined,
      department: filter.department || undefined,
    }),
    [filter],
  );
  const loans = useApi(() => api.listLoans(input()), [input, refreshKey], [] as LoanRegisterRow[]);
  const { data: rows, reload: load } = loans;
  const borrowers = useBorrowerOptions(requesting);

  const openSlip = (loanId: number) => void run(async () => setSlip(await api.getLoan({ loanId })));

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={loans.error ?? borrowers.error} onClose={loans.clearError} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Space wrap>
        {mayRequest && (
          <Button
            type="primary"
            onClick={() => {
              setRequesting(true);
            }}
          >
            {t('loans.request')}
          </Button>
        )}
        {mayEnterPaper && <Button onClick={() => setEnteringPaper(true)}>{t('paperLoan.open')}</Button>}
        <DatePicker.RangePicker value={filter.range} onChange={(r) => setFilter({ ...filter, range: r as [Dayjs, Dayjs] | null })} aria-label={t('loans.dateRange')} />
        <Select<Status>
          allowClear
          style={{ width: 150 }}
          placeholder={t('loans.status')}
          aria-label={t('loans.status')}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={(['requested', 'approved', 'out', 'overdue', 'returned', 'closed'] as const).map((s) => ({ value: s, label: t(`loans.filter_${s}`) }))}
        />
        <Input.Search allowClear style={{ width: 220 }} placeholder={t('loans.searchHint')} aria-label={t('loans.searchHint')} onSearch={(query) => setFilter({ ...filter, query })} />
        <Input.Search
          allowClear
          style={{ width: 160 }}
          placeholder={t('borrowers.department')}
          aria-label={t('borrowers.department')}
          onSearch={(department) => setFilter({ ...filter, department })}
        />
        <Button
          onClick={() =>
            void run(async () => {
              const f = await api.exportLoans(input());
              saveBase64(f.dataBase64, f.mime, f.fileName);
            })
          }
        >
          {t('loans.export')}
        </Button>
        <Button onClick={() => setPreview({ formId: 'loan-register', blank: false, params: { month: (filter.range?.[0] ?? dayjs()).format('YYYY-MM') } })}>{t('loans.printMonth')}</Button>
      </Space>
      {rows.length >= loanListPage && (
        <Typography.Text type="warning" data-testid="loan-register-more">
          {t('loans.moreThanPage', { n: loanListPage })}
        </Typography.Text>
      )}
      <DeskTable<LoanRegisterRow>
        data-testid="loan-register"
        size="small"
        rowKey="itemId"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('loans.slipNo'),
            dataIndex: 'slipNo',
            width: 130,
            render: (v: string, r) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openSlip(r.loanId)}>
                {v}
              </Button>
            ),
          },
          { title: t('loans.requestedAt'), dataIndex: 'requestedAt', width: 100, render: day },
          { title: t('desk.borrower'), dataIndex: 'borrower', width: 130, wrap: true, render: (v: string, r) => `${v}（${r.department}）` },
          { title: t('customers.refNo'), dataIndex: 'refNo', width: 200 },
          { title: t('customers.name'), dataIndex: 'customerName', wrap: true },
          { title: t('loans.purpose'), dataIndex: 'purpose', wrap: true },
          { title: t('loans.kind'), dataIndex: 'kind', width: 110, render: (k: LoanKind, r) => `${L.loanKind[k]} · ${L.loanTerm[r.term]}` },
          {
            title: t('loans.status'),
            key: 'status',
            width: 130,
            render: (_: unknown, r) =>
              r.daysOverdue > 0 ? (
                <Tag color="red">{t('loans.overdueDays', { n: r.daysOverdue })}</Tag>
              ) : r.itemState === 'cancelled' && r.status === 'lent' ? (
                <Tag>{t('loans.notTaken')}</Tag>
              ) : (
                <Tag>{r.itemState === 'handed_over' ? t('loans.handedOver') : L.loanStatus[r.status]}</Tag>
              ),
          },
          { title: t('loans.dueDate'), dataIndex: 'dueDate', width: 100 },
          { title: t('loans.returnedAt'), dataIndex: 'returnedAt', width: 100, render: day },
          {
            title: t('desk.condition'),
            dataIndex: 'condition',
            width: 110,
            render: (c: LoanRegisterRow['condition'], r) => (c ? `${L.returnCondition[c]}${r.conditionNote ? `：${r.conditionNote}` : ''}` : ''),
          },
        ]}
      />

      <FormModal<LoanRequestValues>
        title={t('loans.request')}
        open={requesting}
        onClose={() => setRequesting(false)}
        okText={t('loans.submitRequest')}
        width={640}
        initialValues={{ kind: 'take_out', term: 'short' }}
        onSubmit={async (v) => {
          const loan = await api.requestLoan(v);
          setRequesting(false);
          message.success(t('loans.requested', { slipNo: loan.slipNo }));
          onChanged();
          load();
        }}
      >
        <Form.Item name="borrowerId" label={t('desk.borrower')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={borrowers.options} />
        </Form.Item>
        <Form.Item name="fileIds" label={t('loans.files')} rules={[{ required: true }]}>
          <FilePicker />
        </Form.Item>
        <Form.Item name="purpose" label={t('loans.purpose')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('loans.kind')}>
          <Radio.Group options={options(L.loanKind)} />
        </Form.Item>
        <Form.Item name="term" label={t('loans.term')} extra={t('loans.termHint')}>
          <Radio.Group options={options(L.loanTerm)} />
        </Form.Item>
      </FormModal>

      <LoanSlipModal
        slip={slip}
        onSlip={setSlip}
        onPrint={setPreview}
        onChanged={() => {
          onChanged();
          load();
        }}
        run={run}
      />

      <PaperLoanModal
        open={enteringPaper}
        onClose={() => setEnteringPaper(false)}
        onEntered={(slipNo) => {
          setEnteringPaper(false);
          message.success(t('paperLoan.entered', { slipNo }));
          onChanged();
          load();
        }}
      />
      <FormPreview request={preview} onClose={() => setPreview(null)} />
    </Flex>
  );
}
