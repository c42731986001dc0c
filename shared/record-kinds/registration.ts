import { defineRecordKind, type RecordField } from './define';
import { replacedByNewer } from './surveys';

// 客户档案登记表 (qms-pm-31301) and 客户紧急联络表 (qms-pm-31302) as records: the sheet the customer
// fills in and signs when the file is opened, and the emergency contacts they give for the unit,
// kept as they were on that day (the customer register holds what is true now).

const people = (key: string, prefill: 'contacts' | 'emergencyContacts'): RecordField => ({
  key,
  type: 'table',
  wide: true,
  max: 20,
  prefill,
  columns: [
    { key: 'name', type: 'text', max: 50 },
    { key: 'title', type: 'text', max: 50 },
    { key: 'phone', type: 'text', max: 40 },
  ],
});

export const fileRegistration = defineRecordKind({
  id: 'file-registration',
  formNo: 'qms-pm-31301',
  scope: 'file',
  prefix: 'DA',
  fields: [
    { key: 'registeredOn', type: 'date', required: true, prefill: 'today' },
    { key: 'customerName', type: 'text', required: true, prefill: 'customerName', max: 100 },
    { key: 'building', type: 'text', prefill: 'building', max: 50 },
    { key: 'floor', type: 'text', prefill: 'floor', max: 20 },
    { key: 'unit', type: 'text', prefill: 'unit', max: 100 },
    { key: 'legalRep', type: 'text', prefill: 'legalRepresentative', max: 50 },
    { key: 'phone', type: 'text', prefill: 'phone', max: 40 },
    { key: 'fax', type: 'text', prefill: 'fax', max: 40 },
    { key: 'address', type: 'text', prefill: 'address', max: 200, wide: true },
    { key: 'businessScope', type: 'longText', prefill: 'businessScope', max: 500, wide: true, lines: 2 },
    { key: 'staffCount', type: 'number', prefill: 'staffCount' },
    { key: 'moveInDate', type: 'date', prefill: 'moveInDate' },
    people('contacts', 'contacts'),
    { key: 'papers', type: 'longText', wide: true, lines: 2 },
    { key: 'registeredBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'remarks', type: 'longText', wide: true, lines: 2 },
    { key: 'customerSignature', type: 'text', signature: true },
    { key: 'reviewerSignature', type: 'text', signature: true },
  ],
  occurredField: 'registeredOn',
  register: ['customerName', 'unit', 'phone', 'moveInDate', 'registeredBy'],
});

export const emergencyContacts = defineRecordKind({
  id: 'emergency-contacts',
  formNo: 'qms-pm-31302',
  scope: 'file',
  prefix: 'JL',
  fields: [
    { key: 'givenOn', type: 'date', required: true, prefill: 'today' },
    { key: 'customerName', type: 'text', required: true, prefill: 'customerName', max: 100 },
    { key: 'unit', type: 'text', prefill: 'unit', max: 100 },
    people('contacts', 'emergencyContacts'),
    { key: 'takenBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'remarks', type: 'longText', wide: true, lines: 2 },
    { key: 'customerSignature', type: 'text', signature: true },
  ],
  occurredField: 'givenOn',
  register: ['customerName', 'unit', 'contacts', 'takenBy'],
  ...replacedByNewer,
});
