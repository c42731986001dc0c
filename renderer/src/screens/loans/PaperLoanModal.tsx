import { Alert, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LoanKind, LoanTerm } from '../../../../shared/domain';
import { api } from '../../api';
import { useBorrowerOptions } from './useBorrowerOptions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePicker } from '../../components/FilePicker';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';

type Values = { borrowerId: number; fileIds: number[]; purpose: string; kind: LoanKind; term: LoanTerm; lentOn: Dayjs; dueDate: Dayjs; paperSlipNo?: string; paperApprovedBy?: string };

/**
 * 补登纸质借阅 (going live): a loan already out on the paper register, typed in with the paper's
 * own lend and due dates, so the overdue list is right from the first day.
 */
export function PaperLoanModal({ open, onClose, onEntered }: { open: boolean; onClose: () => void; onEntered: (slipNo: string) => void }) {
  const t = useT();
  const L = useLabels();
  const borrowers = useBorrowerOptions(open);
  return (
    <FormModal<Values>
      title={t('paperLoan.title')}
      open={open}
      onClose={onClose}
      okText={t('paperLoan.save')}
      width={800}
      initialValues={{ kind: 'take_out', term: 'short' }}
      intro={
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('paperLoan.hint')} />
          <ErrorAlert error={borrowers.error} />
        </>
      }
      onSubmit={async (v) => {
        const loan = await api.enterPaperLoan({
          ...v,
          lentOn: v.lentOn.format('YYYY-MM-DD'),
          dueDate: v.dueDate.format('YYYY-MM-DD'),
          paperSlipNo: v.paperSlipNo || undefined,
          paperApprovedBy: v.paperApprovedBy || undefined,
        });
        onEntered(loan.slipNo);
      }}
    >
      <Flex gap={16}>
        <Form.Item name="borrowerId" label={t('desk.borrower')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={borrowers.options} />
        </Form.Item>
        <Form.Item name="purpose" label={t('loans.purpose')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Form.Item name="fileIds" label={t('loans.files')} rules={[{ required: true }]}>
        <FilePicker />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="kind" label={t('loans.kind')} style={{ flex: 3 }}>
          <Radio.Group options={options(L.loanKind)} />
        </Form.Item>
        <Form.Item name="term" label={t('loans.term')} style={{ flex: 2 }}>
          <Radio.Group options={options(L.loanTerm)} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="lentOn" label={t('loans.lentAt')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('loans.dueDate')}
          dependencies={['lentOn']}
          style={{ flex: 1 }}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) =>
                !value || !getFieldValue('lentOn') || !value.isBefore(getFieldValue('lentOn'), 'day') ? Promise.resolve() : Promise.reject(new Error(t('paperLoan.dueBeforeLent'))),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="paperSlipNo" label={t('paperLoan.paperSlipNo')} style={{ flex: 1 }}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="paperApprovedBy" label={t('paperLoan.paperApprovedBy')} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
