import { App, AutoComplete, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import type { Contact, CustomerDetail } from '../../../../shared/api';
import { isValidPhone, propertyKinds, type CustomerKind } from '../../../../shared/domain';
import { type ArchiveError } from '../../../../shared/errors';
import type { RegisterCustomerInput } from '../../../../shared/schemas';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { options, useLabels } from '../../labels';
import { toArchiveError } from '../../errors';
import { ContactsField } from './ContactsField';
import { useBorrowerOptions } from '../loans/useBorrowerOptions';

type FormValues = Omit<RegisterCustomerInput, 'relationshipStart' | 'moveInDate' | 'moveOutDate' | 'licenceExpiry' | 'firstContactOn'> & {
  firstContactOn?: Dayjs;
  relationshipStart?: Dayjs;
  licenceExpiry?: Dayjs;
  moveInDate?: Dayjs;
  moveOutDate?: Dayjs;
};

const toDay = (v?: string) => (v ? dayjs(v) : undefined);
const fromDay = (v?: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined);
const clean = (contacts?: Contact[]) => (contacts ?? []).filter((c) => c?.name?.trim());

export function CustomerFormDrawer({ open, customer, onClose, onSaved }: { open: boolean; customer?: CustomerDetail | null; onClose: () => void; onSaved: (customer: CustomerDetail) => void }) {
  const t = useT();
  const L = useLabels();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<ArchiveError | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) as CustomerKind | undefined;
  // 设置's lists; a value not on them (an imported sheet's) is kept as written.
  const settings = useApi(() => api.getSettings().then((s) => ({ lists: s.customerLists, openWithinDays: s.newFiles.openWithinDays })), [open], {
    lists: { industries: [] as string[], regions: [] as string[], tags: [] as string[], admission: [] as string[] },
    openWithinDays: 7,
  }).data;
  const lists = settings.lists;
  const firstContactOn = Form.useWatch('firstContactOn', form) as Dayjs | undefined;
  // 003 §3 1: the file within a week of first contact; past it the file is still made, and counted late.
  const daysLate = firstContactOn ? dayjs().startOf('day').diff(firstContactOn.startOf('day'), 'day') - settings.openWithinDays : 0;
  const pick = (list: string[]) => list.map((value) => ({ value }));
  const owners = useBorrowerOptions(open);
  // 准入 (004 四.1 d): asked when a customer becomes a sales customer, or one has none recorded.
  const needsAdmission = kind === 'sales' && (!customer || customer.kind !== 'sales') && lists.admission.length > 0;
  // One from a sheet (none recorded) may be checked now, or left for later.
  const asksAdmission = needsAdmission || (kind === 'sales' && !!customer && !customer.admission && lists.admission.length > 0);

  // Before paint, so the form is reset before anyone can type into it.
  useLayoutEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (customer) {
      form.setFieldsValue({
        ...customer,
        relationshipStart: toDay(customer.relationshipStart),
        licenceExpiry: toDay(customer.licenceExpiry),
        moveInDate: toDay(customer.moveInDate),
        moveOutDate: toDay(customer.moveOutDate),
      } as unknown as FormValues);
    } else {
      form.setFieldsValue({ kind: 'tenant', classification: 'ordinary', firstContactOn: dayjs(), contacts: [{ name: '' }], emergencyContacts: [] } as unknown as FormValues);
    }
  }, [open, customer, form]);

  const phoneRule: Rule = { validator: (_, v: string | undefined) => (!v || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('form.phoneInvalid')))) };
  const required = (label: string): Rule => ({ required: true, whitespace: true, message: t('form.required', { field: label }) });

  const save = async (values: FormValues, allowDuplicate = false, allowBlacklisted = false) => {
    const input: RegisterCustomerInput = {
      ...values,
      relationshipStart: fromDay(values.relationshipStart),
      licenceExpiry: fromDay(values.licenceExpiry),
      moveInDate: fromDay(values.moveInDate),
      moveOutDate: fromDay(values.moveOutDate),
      firstContactOn: customer ? undefined : fromDay(values.firstContactOn),
      units: values.units ?? [],
      // Cleared is null: an absent owner keeps the one saved (as a sheet re-import does).
      ownerId: values.ownerId ?? null,
      contacts: clean(values.contacts),
      emergencyContacts: clean(values.emergencyContacts),
      allowDuplicate,
      allowBlacklisted,
      admissionChecks: values.admissionChecks?.length || needsAdmission ? values.admissionChecks : undefined,
    };
    setSaving(true);
    setError(null);
    try {
      // Classification is changed with its own reason (调整分类), not through this form.
      const { classification: _c, valueGrade: _v, specialTags: _s, ...fields } = input;
      const saved = customer ? await api.updateCustomer({ ...fields, customerId: customer.id }) : (await api.registerCustomer(input)).customer;
      onSaved(saved);
    } catch (e) {
      const err = toArchiveError(e);
      if (err.code === 'DUPLICATE_CUSTOMER') {
        modal.confirm({
          title: t('form.duplicateTitle'),
          content: err.message,
          okText: t('form.duplicateConfirm'),
          cancelText: t('form.cancel'),
          onOk: () => save(values, true, allowBlacklisted),
        });
      } else if (err.code === 'BLACKLIST_MATCH') {
        modal.confirm({
          title: t('blacklist.matchTitle'),
          content: err.message,
          okText: t('blacklist.matchConfirm'),
          okButtonProps: { danger: true },
          cancelText: t('form.cancel'),
          onOk: () => save(values, allowDuplicate, true),
        });
      } else setError(err);
    } finally {
      setSaving(false);
    }
  };

  // Esc, the close button, a click beside the drawer and 取消 all ask first when something was typed.
  const closeAsking = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({ title: t('form.discardTitle'), content: t('form.discardText'), okText: t('form.discard'), okButtonProps: { danger: true }, cancelText: t('form.keepEditing'), onOk: onClose });
  };

  const F = L.field;
  return (
    <Drawer
      title={customer ? t('form.editTitle') : t('form.registerTitle')}
      open={open}
      onClose={closeAsking}
      size="large"
      styles={{ wrapper: { width: 860 } }}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={closeAsking}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        disabled={saving}
        // A 餐饮 customer is a restaurant until the clerk says otherwise.
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('industry' in changed) form.setFieldValue('restaurant', changed.industry === '餐饮');
        }}
      >
        <Divider titlePlacement="start">{t('form.basic')}</Divider>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="kind" label={F.kind} rules={[{ required: true }]}>
              <Select options={options(L.kind)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={F.name} rules={[required(F.name), { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="shortName" label={F.shortName} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          {!customer && (
            <>
              <Col span={6}>
                <Form.Item name="classification" label={F.classification}>
                  <Select options={options(L.classification)} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="valueGrade" label={F.valueGrade}>
                  <Select allowClear options={options(L.valueGrade)} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={6}>
            <Form.Item name="phone" label={F.phone} rules={[phoneRule]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="fax" label={F.fax} rules={[phoneRule]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={customer ? 24 : 16}>
            <Form.Item name="address" label={F.address} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          {!customer && (
            <Col span={8}>
              <Form.Item
                name="firstContactOn"
                label={t('form.firstContactOn')}
                rules={[{ required: true, message: t('form.required', { field: t('form.firstContactOn') }) }]}
                validateStatus={daysLate > 0 ? 'warning' : undefined}
                help={daysLate > 0 ? t('form.openedLate', { days: settings.openWithinDays, late: daysLate }) : undefined}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {(!kind || propertyKinds.includes(kind)) && (
          <>
            <Divider titlePlacement="start">{t('form.property')}</Divider>
            <Row gutter={16}>
              <Col span={6}>
                <Form.Item name="building" label={F.building}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="floor" label={F.floor}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name="units" label={F.units} extra={t('form.unitsHint')}>
                  <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} aria-label={F.units} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="moveInDate" label={F.moveInDate}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="moveOutDate"
                  label={F.moveOutDate}
                  dependencies={['moveInDate']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, v?: Dayjs) => {
                        const start = getFieldValue('moveInDate') as Dayjs | undefined;
                        return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('form.moveOutBeforeIn')));
                      },
                    }),
                  ]}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Divider titlePlacement="start">{t('form.business')}</Divider>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="companyNature" label={F.companyNature}>
              <Select allowClear options={options(L.companyNature)} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="legalRepresentative" label={F.legalRepresentative}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="staffCount" label={F.staffCount}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="relationshipStart" label={F.relationshipStart}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="paymentTerms" label={F.paymentTerms}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="creditGrade" label={F.creditGrade}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="industry" label={F.industry}>
              <AutoComplete options={pick(lists.industries)} allowClear showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="region" label={F.region}>
              <AutoComplete options={pick(lists.regions)} allowClear showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="restaurant" label={t('form.restaurant')} valuePropName="checked">
              <Checkbox>{t('form.restaurantHint')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="website" label={F.website}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="licenceNo" label={F.licenceNo}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="licenceExpiry" label={F.licenceExpiry}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="deposit" label={F.deposit}>
              <InputNumber min={0} max={1e10} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="ownerId" label={t('form.owner')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={owners.options} data-testid="owner-select" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="businessScope" label={F.businessScope}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        {asksAdmission && (
          <>
            <Divider titlePlacement="start">{t('admission.title')}</Divider>
            <Form.Item
              name="admissionChecks"
              extra={t('admission.hint')}
              rules={[
                {
                  validator: (_, v: string[] | undefined) => {
                    const missing = lists.admission.filter((c) => !(v ?? []).includes(c));
                    return missing.length && (needsAdmission || (v ?? []).length > 0) ? Promise.reject(new Error(t('admission.missing', { missing: missing.join('、') }))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Checkbox.Group options={lists.admission} data-testid="admission-checks" />
            </Form.Item>
          </>
        )}
        <Divider titlePlacement="start">{t('form.contacts')}</Divider>
        <ContactsField name="contacts" addLabel={t('form.addContact')} withTitle phoneRule={phoneRule} />
        <Divider titlePlacement="start">{t('form.emergencyContacts')}</Divider>
        <ContactsField name="emergencyContacts" addLabel={t('form.addEmergency')} withTitle={false} phoneRule={phoneRule} />
        <Divider />
        <Form.Item name="notes" label={F.notes}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
