import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { Contact, ContactChange, CustomerDetail, CustomerHandover, FileDetail } from '../../../../shared/api';
import { localDate, localDateTime } from '../../../../shared/dates';
import { DeskTable } from '../../components/DeskTable';
import { useT } from '../../i18n';
import { useLabels } from '../../labels';

/** Contacts as one line: 刘经理（行政经理）13800000001；…. */
const contactText = (list: Contact[]) => list.map((c) => `${c.name}${c.title ? `（${c.title}）` : ''}${c.phone ? ` ${c.phone}` : ''}`).join('；');

export type CustomerAction = 'edit' | 'classify' | 'correctRef' | 'confidentiality' | 'hold' | 'closeCustomer' | 'reopenCustomer' | 'resubmitReview';

/** The customer a file belongs to: every field the register holds, its contacts, and the changes that may be made to it. */
export function CustomerTab({ file, customer, canManage, onAction }: { file: FileDetail; customer: CustomerDetail; canManage: boolean; onAction: (action: CustomerAction) => void }) {
  const t = useT();
  const L = useLabels();
  const contactRows = (contacts: Contact[]) => (
    <DeskTable<Contact>
      size="small"
      pagination={false}
      rowKey={(c) => `${c.name}${c.phone ?? ''}`}
      dataSource={contacts}
      columns={[
        { title: t('form.contactName'), dataIndex: 'name' },
        { title: t('form.contactTitle'), dataIndex: 'title' },
        { title: t('form.contactPhone'), dataIndex: 'phone' },
      ]}
    />
  );

  // The review of this file (003 §3 1): waiting, returned with the reviewer's reason, or done.
  const own = customer.files.find((f) => f.id === file.id);
  const review = own?.review;
  return (
    <Flex vertical gap={12}>
      <Space>
        <Button icon={<EditOutlined />} onClick={() => onAction('edit')}>
          {t('file.edit')}
        </Button>
        <Button onClick={() => onAction('classify')}>{t('file.classify')}</Button>
        <Button onClick={() => onAction('correctRef')}>{t('file.correctRef')}</Button>
        {canManage && <Button onClick={() => onAction('confidentiality')}>{t('file.setConfidentiality')}</Button>}
        {canManage && <Button onClick={() => onAction('hold')}>{file.legalHold ? t('file.liftHold') : t('file.setHold')}</Button>}
        {customer.closedAt ? <Button onClick={() => onAction('reopenCustomer')}>{t('customer.reopen')}</Button> : <Button onClick={() => onAction('closeCustomer')}>{t('customer.close')}</Button>}
      </Space>
      {customer.closedAt && (
        <Alert type="warning" showIcon data-testid="customer-closed" title={t('customer.closedSince', { date: localDate(customer.closedAt), reason: customer.closedReason ?? '' })} />
      )}
      {review?.state === 'pending' && <Alert type="info" showIcon data-testid="file-review" title={t('review.pendingNotice')} />}
      {review?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          data-testid="file-review"
          title={review.note ? t('review.returnedNotice', { who: review.by ?? '', date: review.at ? localDate(review.at) : '', note: review.note }) : t('review.withdrawnNotice')}
          action={
            <Button size="small" type="primary" onClick={() => onAction('resubmitReview')}>
              {t('review.resubmit')}
            </Button>
          }
        />
      )}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('review.opened')}>
          <span data-testid="file-opened">{t('review.openedBy', { date: localDate(file.createdAt), who: own?.openedBy ?? '—', contact: customer.firstContactOn ?? '—' })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.state')}>
          {review && <Tag color={review.state === 'approved' ? 'green' : review.state === 'returned' ? 'orange' : 'blue'}>{L.fileReview[review.state]}</Tag>}
          {review?.state === 'approved' && review.by && review.at ? t('review.approvedBy', { who: review.by, date: localDate(review.at) }) : null}
        </Descriptions.Item>
        <Descriptions.Item label={L.field.kind}>{L.kind[customer.kind]}</Descriptions.Item>
        <Descriptions.Item label={L.field.classification}>
          {L.classification[customer.classification]}
          {customer.valueGrade && ` · ${L.valueGrade[customer.valueGrade]}`}
          {customer.specialTags.map((tag) => (
            <Tag key={tag} style={{ marginInlineStart: 6 }}>
              {tag}
            </Tag>
          ))}
          {customer.blacklisted && (
            <Tag color="red">
              {t('customers.blacklisted')}：{customer.blacklistReason}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={L.field.phone}>{customer.phone}</Descriptions.Item>
        <Descriptions.Item label={L.field.fax}>{customer.fax}</Descriptions.Item>
        <Descriptions.Item label={L.field.address} span={2}>
          {customer.address}
        </Descriptions.Item>
        <Descriptions.Item label={L.field.units}>{customer.units.join('、')}</Descriptions.Item>
        <Descriptions.Item label={`${L.field.moveInDate} / ${L.field.moveOutDate}`}>
          {customer.moveInDate ?? '—'} / {customer.moveOutDate ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={L.field.legalRepresentative}>{customer.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label={t('classify.lastReviewed')}>{customer.lastReviewedAt ? localDate(customer.lastReviewedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={`${L.field.industry} / ${L.field.region}`}>
          {customer.industry ?? '—'} / {customer.region ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={L.field.website}>{customer.website}</Descriptions.Item>
        <Descriptions.Item label={L.field.licenceNo}>{customer.licenceNo}</Descriptions.Item>
        <Descriptions.Item label={L.field.licenceExpiry}>
          {customer.licenceExpiry ?? '—'}
          {customer.licenceExpiry && customer.licenceExpiry < localDate(new Date().toISOString()) ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('customer.licenceExpired')}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={L.field.deposit}>{customer.deposit === undefined ? '' : customer.deposit.toFixed(2)}</Descriptions.Item>
        <Descriptions.Item label={t('form.owner')}>
          <span data-testid="customer-owner">{customer.ownerName ?? '—'}</span>
        </Descriptions.Item>
        {customer.kind === 'sales' && (
          <Descriptions.Item label={t('admission.title')} span={2}>
            <span data-testid="customer-admission">
              {customer.admission
                ? t('admission.done', { date: localDate(customer.admission.at), who: customer.admission.accountName ?? '', checks: customer.admission.checks.join('、') })
                : t('admission.none')}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={L.field.notes} span={2}>
          {customer.notes}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('form.contacts')}</Typography.Title>
      {contactRows(customer.contacts)}
      <Typography.Title level={5}>{t('form.emergencyContacts')}</Typography.Title>
      {contactRows(customer.emergencyContacts)}
      {customer.contactChanges.length > 0 && (
        <>
          <Typography.Title level={5}>{t('contacts.history')}</Typography.Title>
          <DeskTable<ContactChange>
            size="small"
            data-testid="contact-history"
            pagination={customer.contactChanges.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            rowKey={(c) => `${c.at}${c.kind}`}
            dataSource={customer.contactChanges}
            columns={[
              { title: t('contacts.at'), dataIndex: 'at', width: 150, render: (at: string) => localDateTime(at) },
              { title: t('contacts.kind'), dataIndex: 'kind', width: 100, render: (k: ContactChange['kind']) => t(k === 'contact' ? 'form.contacts' : 'form.emergencyContacts') },
              { title: t('contacts.before'), dataIndex: 'before', width: 260, render: (list: Contact[]) => contactText(list) || t('contacts.none') },
              { title: t('contacts.after'), dataIndex: 'after', width: 260, render: (list: Contact[]) => contactText(list) || t('contacts.none') },
              { title: t('contacts.by'), dataIndex: 'accountName', width: 90 },
            ]}
          />
        </>
      )}
      {customer.handovers.length > 0 && (
        <>
          <Typography.Title level={5}>{t('handover.history')}</Typography.Title>
          <DeskTable<CustomerHandover>
            size="small"
            pagination={false}
            rowKey={(h) => `${h.at}${h.toName}`}
            dataSource={customer.handovers}
            columns={[
              { title: t('handover.at'), dataIndex: 'at', render: (at: string) => localDateTime(at) },
              { title: t('handover.from'), dataIndex: 'fromName' },
              { title: t('handover.to'), dataIndex: 'toName' },
              { title: t('handover.reason'), dataIndex: 'reason', render: (r: string) => r || t('handover.leaving') },
              { title: t('handover.by'), dataIndex: 'accountName' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
