import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Form, Image, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { LoanDetail, LoanRegisterRow } from '../../../../shared/api';
import { localDate } from '../../../../shared/dates';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { FormModal } from '../../components/FormModal';
import type { FormRequest } from '../../components/FormPreview';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

const day = (iso: string | null) => (iso ? localDate(iso) : '');

/** One loan slip: its borrower, approval, dates, files and signatures; a renewal asked for or applied; the slip printed. */
export function LoanSlipModal({
  slip,
  onSlip,
  onPrint,
  onChanged,
  run,
}: {
  slip: LoanDetail | null;
  /** The slip as it is now (after a renewal), or null when it is closed. */
  onSlip: (slip: LoanDetail | null) => void;
  onPrint: (request: FormRequest) => void;
  onChanged: () => void;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [renewing, setRenewing] = useState<LoanDetail | null>(null);
  return (
    <>
      <Modal
        title={slip ? `${t('loans.slipTitle')} ${slip.slipNo}` : ''}
        open={!!slip}
        onCancel={() => onSlip(null)}
        width={900}
        footer={
          slip && (
            <Space>
              {slip.status === 'lent' &&
                (slip.pendingRenewal?.status === 'approved' ? (
                  <Button
                    type="primary"
                    onClick={() =>
                      void run(async () => {
                        onSlip(await api.renewLoan({ loanId: slip.id, approvalId: slip.pendingRenewal!.approvalId }));
                        onChanged();
                      })
                    }
                  >
                    {t('loans.applyRenewal')}
                  </Button>
                ) : slip.pendingRenewal ? (
                  <Tag color="processing">{t('loans.renewalPending')}</Tag>
                ) : (
                  <Button onClick={() => setRenewing(slip)}>{t('loans.requestRenewal')}</Button>
                ))}
              <Button icon={<PrinterOutlined />} onClick={() => onPrint({ formId: 'loan-slip', blank: false, params: { loanId: slip.id } })}>
                {t('loans.printSlip')}
              </Button>
            </Space>
          )
        }
      >
        {slip && (
          <Flex vertical gap={8} data-testid="loan-slip">
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label={t('loans.status')}>
                {L.loanStatus[slip.status]}
                {slip.enteredLate && (
                  <Tag style={{ marginLeft: 8 }}>{`${t('paperLoan.tag')} ${day(slip.enteredLate.at)}${slip.enteredLate.paperSlipNo ? ` · ${slip.enteredLate.paperSlipNo}` : ''}`}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('desk.borrower')}>{`${slip.borrower.name}（${slip.borrower.department}）${slip.borrower.phone ?? ''}`}</Descriptions.Item>
              <Descriptions.Item label={t('loans.purpose')}>{slip.purpose}</Descriptions.Item>
              <Descriptions.Item label={t('loans.kind')}>{`${L.loanKind[slip.kind]}（${L.loanTerm[slip.term]}）`}</Descriptions.Item>
              <Descriptions.Item label={t('loans.approvedBy')}>
                {slip.approval ? `${slip.approval.decidedBy ?? ''} ${day(slip.approval.decidedAt)}` : (slip.enteredLate?.paperApprovedBy ?? '')}
              </Descriptions.Item>
              <Descriptions.Item label={t('loans.lentAt')}>{day(slip.lentAt)}</Descriptions.Item>
              <Descriptions.Item label={t('loans.dueDate')}>{slip.dueDate ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('loans.renewals')}>{`${slip.renewals}（${t('loans.renewalsLeft', { n: slip.renewalsLeft })}）`}</Descriptions.Item>
            </Descriptions>
            <DeskTable<LoanRegisterRow>
              size="small"
              rowKey="itemId"
              pagination={false}
              dataSource={slip.items}
              columns={[
                { title: t('customers.refNo'), dataIndex: 'refNo' },
                { title: t('customers.name'), dataIndex: 'customerName' },
                { title: t('loans.returnedAt'), dataIndex: 'returnedAt', render: day },
                {
                  title: t('desk.condition'),
                  dataIndex: 'condition',
                  render: (c: LoanRegisterRow['condition'], r) => (c ? `${L.returnCondition[c]}${r.conditionNote ? `：${r.conditionNote}` : ''}` : ''),
                },
              ]}
            />
            <Flex gap={24}>
              {slip.lendSignature && (
                <span>
                  {t('loans.lendSignature')}：<Image src={slip.lendSignature} preview={false} height={50} alt={t('loans.lendSignature')} />
                </span>
              )}
              {slip.returnSignature && (
                <span>
                  {t('loans.returnSignature')}：<Image src={slip.returnSignature} preview={false} height={50} alt={t('loans.returnSignature')} />
                </span>
              )}
            </Flex>
          </Flex>
        )}
      </Modal>
      <FormModal<{ reason: string }>
        title={t('loans.requestRenewal')}
        open={!!renewing}
        onClose={() => setRenewing(null)}
        okText={t('loans.submitRequest')}
        intro={<Typography.Paragraph>{renewing && t('loans.renewHint', { due: renewing.dueDate ?? '', left: renewing.renewalsLeft })}</Typography.Paragraph>}
        onSubmit={async (v) => {
          const loan = await api.requestRenewal({ loanId: renewing!.id, reason: v.reason });
          setRenewing(null);
          onSlip(loan);
          message.success(t('loans.renewalAsked'));
          onChanged();
        }}
      >
        <Form.Item name="reason" label={t('approvals.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
