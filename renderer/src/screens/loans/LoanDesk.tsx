import { Alert, Button, Card, Col, Flex, Input, Row, Select, Space, Tag, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Borrower } from '../../../../shared/api';
import type { ReturnCondition } from '../../../../shared/domain';
import { api } from '../../api';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { scanTone } from '../../components/scan-feedback';
import { SignaturePad } from '../../components/SignaturePad';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { useLoanDeskStore, type DeskLine } from '../../stores/loan-desk-store';
import { DeskTable } from '../../components/DeskTable';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { PrinterOutlined } from '@ant-design/icons';

/**
 * 借阅台: scan the borrower's badge (or pick them), scan each file, press Enter on the empty scan
 * field: approved files are lent and files that were out come back, in one pass. Keyboard only.
 */
export function LoanDesk({ onDone }: { onDone: () => void }) {
  const t = useT();
  const L = useLabels();
  const desk = useLoanDeskStore();
  const [code, setCode] = useState('');
  const borrowerList = useApi(() => api.listBorrowers({}), [], [] as Borrower[]);
  const borrowers = borrowerList.data;
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  const [slips, setSlips] = useState<{ loanId: number; slipNo: string }[]>([]);
  const [preview, setPreview] = useState<FormRequest | null>(null);
  const [padKey, setPadKey] = useState(0);
  const input = useRef<InputRef>(null);
  const setSignature = useLoanDeskStore((s) => s.setSignature);
  const onSignature = useCallback((png: string | undefined) => setSignature(png), [setSignature]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async () => {
    const value = code.trim();
    setCode('');
    if (!value) {
      const done = await desk.confirm();
      if (done) {
        const parts = [
          done.lent.length ? t('desk.lentCount', { count: done.lent.length, due: done.lent[0]!.dueDate ?? '' }) : '',
          done.returned.length ? t('desk.returnedCount', { count: done.returned.length }) : '',
        ].filter(Boolean);
        setLast({ ok: true, text: parts.join('；') });
        // The slips just lent, to print at once for the borrower to sign.
        setSlips([...new Map(done.lent.map((l) => [l.loanId, { loanId: l.loanId, slipNo: l.slipNo }])).values()]);
        scanTone('ok');
        setPadKey((k) => k + 1);
        onDone();
      } else if (useLoanDeskStore.getState().error) scanTone('warn');
      input.current?.focus();
      return;
    }
    setSlips([]);
    const outcome = await desk.scan(value);
    if (outcome.kind === 'borrower') setLast({ ok: true, text: t('desk.borrowerSet', { name: outcome.borrower.name, department: outcome.borrower.department }) });
    else if (outcome.kind === 'queued') setLast({ ok: true, text: t(outcome.line.action === 'lend' ? 'desk.queuedLend' : 'desk.queuedReturn', { who: `${outcome.line.refNo} ${outcome.line.name}` }) });
    else setLast({ ok: false, text: t(`desk.refused_${outcome.reason}`, { code: outcome.code }) });
    scanTone(outcome.kind === 'refused' ? 'warn' : 'ok');
    input.current?.focus();
  };

  return (
    <Row gutter={16}>
      <Col span={15}>
        <Flex vertical gap={12}>
          <ErrorAlert error={desk.error} />
          <ErrorAlert error={borrowerList.error} onClose={borrowerList.clearError} />
          <Space wrap>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 320 }}
              aria-label={t('desk.borrower')}
              placeholder={t('desk.borrower')}
              value={desk.borrower?.id}
              onChange={(id) => desk.setBorrower(borrowers.find((b) => b.id === id) ?? null)}
              options={borrowers.map((b) => ({ value: b.id, label: `${b.name}（${b.department}${b.employeeNo ? ` · ${b.employeeNo}` : ''}）` }))}
            />
            <Button
              onClick={() => {
                desk.clear();
                setLast(null);
                setPadKey((k) => k + 1);
                input.current?.focus();
              }}
            >
              {t('desk.clear')}
            </Button>
          </Space>
          <Input
            ref={input}
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void submit()}
            placeholder={t('desk.scanHere')}
            aria-label={t('desk.scanHere')}
            disabled={desk.busy}
          />
          {last && (
            <Alert
              type={last.ok ? 'success' : 'warning'}
              showIcon
              title={last.text}
              data-testid="desk-last"
              action={
                last.ok && slips.length > 0 ? (
                  <Space>
                    {slips.map((s) => (
                      <Button key={s.loanId} size="small" icon={<PrinterOutlined />} onClick={() => setPreview({ formId: 'loan-slip', blank: false, params: { loanId: s.loanId } })}>
                        {t('desk.printSlip', { slipNo: s.slipNo })}
                      </Button>
                    ))}
                  </Space>
                ) : undefined
              }
            />
          )}
          <FormPreview request={preview} onClose={() => setPreview(null)} />
          <DeskTable<DeskLine>
            data-testid="desk-lines"
            size="small"
            rowKey="fileId"
            pagination={false}
            tableLayout="fixed"
            dataSource={desk.lines}
            locale={{ emptyText: t('desk.empty') }}
            columns={[
              {
                title: t('desk.action'),
                dataIndex: 'action',
                width: 80,
                render: (a: DeskLine['action']) => <Tag color={a === 'lend' ? 'blue' : 'green'}>{t(a === 'lend' ? 'desk.lend' : 'desk.return')}</Tag>,
              },
              { title: t('customers.refNo'), dataIndex: 'refNo', width: 210 },
              { title: t('customers.name'), dataIndex: 'name', width: 140 },
              { title: t('desk.detail'), dataIndex: 'detail', width: 200 },
              {
                title: t('desk.condition'),
                key: 'condition',
                width: 260,
                render: (_: unknown, l: DeskLine) =>
                  l.action === 'return' && (
                    <Space.Compact style={{ width: '100%' }}>
                      <Select<ReturnCondition>
                        aria-label={`${t('desk.condition')} ${l.refNo}`}
                        value={l.condition}
                        style={{ width: 120 }}
                        onChange={(condition) => desk.setLine(l.fileId, { condition })}
                        options={options(L.returnCondition)}
                      />
                      {l.condition !== 'complete' && (
                        <Input
                          aria-label={`${t('desk.conditionNote')} ${l.refNo}`}
                          placeholder={t('desk.conditionNote')}
                          value={l.note}
                          onChange={(e) => desk.setLine(l.fileId, { note: e.target.value })}
                        />
                      )}
                    </Space.Compact>
                  ),
              },
              {
                title: '',
                key: 'x',
                width: 60,
                render: (_: unknown, l: DeskLine) => (
                  <Button size="small" type="link" onClick={() => desk.removeLine(l.fileId)}>
                    {t('inspect.undo')}
                  </Button>
                ),
              },
            ]}
          />
          <Button type="primary" disabled={desk.lines.length === 0} loading={desk.busy} onClick={() => void submit()} style={{ alignSelf: 'flex-start' }}>
            {t('desk.confirm')}
          </Button>
        </Flex>
      </Col>
      <Col span={9}>
        <Card size="small" title={t('desk.signature')}>
          <Typography.Paragraph type="secondary">{t('desk.signatureHint')}</Typography.Paragraph>
          <SignaturePad onChange={onSignature} resetKey={padKey} />
        </Card>
        {desk.borrower && (
          <Card size="small" style={{ marginTop: 12 }} title={desk.borrower.name}>
            {desk.borrower.department} · {desk.borrower.phone ?? ''} · {t('desk.holding', { count: desk.borrower.holding })}
          </Card>
        )}
      </Col>
    </Row>
  );
}
