import { defineRecordKind, type RecordField } from './define';

// The work forms of the property desk (003 §7 5, qms-pm-31303 … 31318). The seed names them
// without fields; each has the fields the paper forms of Chinese property offices carry.

const unit: RecordField = { key: 'unit', type: 'text', prefill: 'unit', max: 100 };
const phone: RecordField = { key: 'phone', type: 'text', prefill: 'phone', max: 40 };
const handledBy: RecordField = { key: 'handledBy', type: 'text', prefill: 'clerk', max: 50 };
const remarks: RecordField = { key: 'remarks', type: 'longText', wide: true, lines: 2 };

const clerkMoves = ['clerk', 'department_manager'] as const;

export const bicyclePlate = defineRecordKind({
  id: 'bicycle-plate',
  formNo: 'qms-pm-31303',
  scope: 'file',
  prefix: 'FJ',
  fields: [
    { key: 'appliedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'owner', type: 'text', required: true, prefill: 'contactName', max: 50 },
    unit,
    phone,
    { key: 'vehicleType', type: 'choice', required: true, choices: ['bicycle', 'ebike', 'motorcycle', 'tricycle'] },
    { key: 'brand', type: 'text', max: 50 },
    { key: 'colour', type: 'text', max: 20 },
    { key: 'frameNo', type: 'text', max: 50 },
    { key: 'plateNo', type: 'text', required: true, max: 30 },
    { key: 'validUntil', type: 'date' },
    { key: 'fee', type: 'money' },
    handledBy,
    remarks,
    { key: 'ownerSignature', type: 'text', signature: true },
  ],
  occurredField: 'appliedOn',
  register: ['plateNo', 'owner', 'vehicleType', 'brand', 'colour', 'validUntil'],
  sheets: [
    {
      id: 'sheet',
      fields: ['appliedOn', 'owner', 'unit', 'phone', 'vehicleType', 'brand', 'colour', 'frameNo', 'plateNo', 'validUntil', 'fee', 'handledBy', 'remarks'],
      signatures: ['ownerSignature', 'handledBy'],
    },
  ],
});

export const specialEvent = defineRecordKind({
  id: 'special-event',
  formNo: 'qms-pm-31304',
  scope: 'desk',
  prefix: 'SJ',
  fields: [
    { key: 'occurredAt', type: 'dateTime', required: true, prefill: 'now' },
    { key: 'place', type: 'text', required: true, max: 100 },
    { key: 'eventType', type: 'choice', required: true, choices: ['fire', 'water', 'power', 'lift', 'theft', 'injury', 'dispute', 'other'] },
    { key: 'description', type: 'longText', required: true, wide: true, lines: 5 },
    { key: 'people', type: 'longText', wide: true, lines: 2 },
    { key: 'actions', type: 'longText', wide: true, lines: 4 },
    { key: 'reportedTo', type: 'text', max: 100 },
    { key: 'outcome', type: 'longText', wide: true, lines: 3 },
    { key: 'recordedBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'managerSignature', type: 'text', signature: true },
  ],
  occurredField: 'occurredAt',
  register: ['eventType', 'place', 'description', 'reportedTo', 'recordedBy'],
});

export const parkingLease = defineRecordKind({
  id: 'parking-lease',
  formNo: 'qms-pm-31305',
  scope: 'file',
  prefix: 'CW',
  fields: [
    { key: 'spaceNo', type: 'text', required: true, max: 30 },
    { key: 'zone', type: 'text', max: 50 },
    { key: 'dealType', type: 'choice', required: true, choices: ['rent', 'sale'] },
    { key: 'holder', type: 'text', required: true, prefill: 'customerName', max: 100 },
    unit,
    phone,
    { key: 'plateNo', type: 'text', max: 30 },
    { key: 'startDate', type: 'date', required: true, prefill: 'today' },
    { key: 'endDate', type: 'date' },
    { key: 'price', type: 'money' },
    { key: 'contractNo', type: 'text', max: 50 },
    handledBy,
    remarks,
  ],
  occurredField: 'startDate',
  register: ['spaceNo', 'dealType', 'holder', 'plateNo', 'startDate', 'endDate', 'price'],
});

export const parkingPermit = defineRecordKind({
  id: 'parking-permit',
  formNo: 'qms-pm-31306',
  scope: 'file',
  prefix: 'TC',
  fields: [
    { key: 'permitNo', type: 'text', required: true, max: 30 },
    { key: 'holder', type: 'text', required: true, prefill: 'contactName', max: 50 },
    unit,
    phone,
    { key: 'plateNo', type: 'text', required: true, max: 30 },
    { key: 'vehicleModel', type: 'text', max: 50 },
    { key: 'issuedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'validUntil', type: 'date' },
    { key: 'fee', type: 'money' },
    handledBy,
    { key: 'returnedOn', type: 'date' },
    { key: 'holderSignature', type: 'text', signature: true },
  ],
  occurredField: 'issuedOn',
  register: ['permitNo', 'holder', 'plateNo', 'issuedOn', 'validUntil', 'returnedOn'],
});

export const phoneInstallation = defineRecordKind({
  id: 'phone-installation',
  formNo: 'qms-pm-31307',
  scope: 'file',
  prefix: 'DH',
  fields: [
    { key: 'appliedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'applicant', type: 'text', required: true, prefill: 'contactName', max: 50 },
    unit,
    phone,
    { key: 'service', type: 'choice', required: true, choices: ['line', 'extension', 'broadband', 'fax'] },
    { key: 'lines', type: 'number', required: true },
    { key: 'wantedOn', type: 'date' },
    { key: 'numbers', type: 'text', max: 200 },
    { key: 'installedOn', type: 'date' },
    { key: 'fee', type: 'money' },
    handledBy,
    remarks,
    { key: 'applicantSignature', type: 'text', signature: true },
  ],
  statuses: ['applied', 'installed'],
  closedStatuses: ['installed'],
  moves: [{ id: 'install', from: ['applied'], to: 'installed', roles: clerkMoves, requires: ['installedOn', 'numbers'], asks: ['numbers', 'installedOn', 'fee'] }],
  occurredField: 'appliedOn',
  register: ['applicant', 'service', 'lines', 'numbers', 'installedOn'],
});

export const phoneChange = defineRecordKind({
  id: 'phone-change',
  formNo: 'qms-pm-31308',
  scope: 'file',
  prefix: 'BG',
  fields: [
    { key: 'changedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'number', type: 'text', required: true, max: 40 },
    { key: 'holder', type: 'text', required: true, prefill: 'customerName', max: 100 },
    unit,
    { key: 'changeType', type: 'choice', required: true, choices: ['rename', 'suspend', 'resume', 'feature', 'cancel', 'other'] },
    { key: 'before', type: 'text', max: 200 },
    { key: 'after', type: 'text', max: 200 },
    handledBy,
    remarks,
    { key: 'holderSignature', type: 'text', signature: true },
  ],
  occurredField: 'changedOn',
  register: ['number', 'holder', 'changeType', 'before', 'after'],
});

export const spareNumber = defineRecordKind({
  id: 'spare-number',
  formNo: 'qms-pm-31309',
  scope: 'desk',
  prefix: 'BY',
  fields: [
    { key: 'number', type: 'text', required: true, max: 40 },
    { key: 'forUnit', type: 'text', max: 100 },
    { key: 'purpose', type: 'choice', required: true, choices: ['rent', 'sale'] },
    { key: 'listedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'taken', type: 'yesNo' },
    { key: 'takenBy', type: 'text', max: 100 },
    { key: 'takenOn', type: 'date' },
    remarks,
  ],
  occurredField: 'listedOn',
  register: ['number', 'forUnit', 'purpose', 'taken', 'takenBy', 'takenOn'],
});

export const phoneTransfer = defineRecordKind({
  id: 'phone-transfer',
  formNo: 'qms-pm-31310',
  scope: 'file',
  prefix: 'GH',
  fields: [
    { key: 'transferredOn', type: 'date', required: true, prefill: 'today' },
    { key: 'number', type: 'text', required: true, max: 40 },
    { key: 'fromHolder', type: 'text', required: true, max: 100 },
    { key: 'toHolder', type: 'text', required: true, prefill: 'customerName', max: 100 },
    unit,
    { key: 'feesSettled', type: 'yesNo' },
    handledBy,
    remarks,
    { key: 'fromSignature', type: 'text', signature: true },
    { key: 'toSignature', type: 'text', signature: true },
  ],
  occurredField: 'transferredOn',
  register: ['number', 'fromHolder', 'toHolder', 'feesSettled'],
});

export const foreignEmployees = defineRecordKind({
  id: 'foreign-employees',
  formNo: 'qms-pm-31311',
  scope: 'file',
  prefix: 'JW',
  fields: [
    { key: 'registeredOn', type: 'date', required: true, prefill: 'today' },
    { key: 'company', type: 'text', required: true, prefill: 'customerName', max: 100 },
    unit,
    {
      key: 'employees',
      type: 'table',
      wide: true,
      max: 40,
      columns: [
        { key: 'name', type: 'text', required: true, max: 50 },
        { key: 'nationality', type: 'text', max: 30 },
        { key: 'passportNo', type: 'text', max: 30 },
        { key: 'position', type: 'text', max: 30 },
        { key: 'permitUntil', type: 'date' },
      ],
    },
    handledBy,
    remarks,
  ],
  occurredField: 'registeredOn',
  register: ['company', 'employees'],
});

export const foreignOffice = defineRecordKind({
  id: 'foreign-office',
  formNo: 'qms-pm-31312',
  scope: 'file',
  prefix: 'SW',
  fields: [
    { key: 'registeredOn', type: 'date', required: true, prefill: 'today' },
    { key: 'office', type: 'text', required: true, prefill: 'customerName', max: 100 },
    { key: 'country', type: 'text', required: true, max: 50 },
    { key: 'representative', type: 'text', max: 50 },
    unit,
    phone,
    { key: 'certificateNo', type: 'text', max: 50 },
    { key: 'approvedBy', type: 'text', max: 100 },
    { key: 'validUntil', type: 'date' },
    { key: 'foreignStaff', type: 'number' },
    { key: 'localStaff', type: 'number' },
    handledBy,
    remarks,
  ],
  occurredField: 'registeredOn',
  register: ['office', 'country', 'representative', 'certificateNo', 'validUntil'],
});

export const identityCard = defineRecordKind({
  id: 'identity-card',
  formNo: 'qms-pm-31313',
  scope: 'file',
  prefix: 'SF',
  fields: [
    { key: 'issuedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'cardNo', type: 'text', required: true, max: 30 },
    { key: 'holder', type: 'text', required: true, prefill: 'contactName', max: 50 },
    { key: 'idNo', type: 'text', max: 30 },
    unit,
    phone,
    { key: 'deposit', type: 'money' },
    { key: 'returnedOn', type: 'date' },
    handledBy,
    { key: 'holderSignature', type: 'text', signature: true },
  ],
  occurredField: 'issuedOn',
  register: ['cardNo', 'holder', 'deposit', 'returnedOn'],
});

export const phoneRelocation = defineRecordKind({
  id: 'phone-relocation',
  formNo: 'qms-pm-31314',
  scope: 'file',
  prefix: 'YD',
  fields: [
    { key: 'movedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'number', type: 'text', required: true, max: 40 },
    { key: 'fromPlace', type: 'text', required: true, max: 100 },
    { key: 'toPlace', type: 'text', required: true, prefill: 'unit', max: 100 },
    { key: 'reason', type: 'text', max: 200 },
    { key: 'fee', type: 'money' },
    handledBy,
  ],
  occurredField: 'movedOn',
  register: ['number', 'fromPlace', 'toPlace', 'reason'],
});

export const parkingApplication = defineRecordKind({
  id: 'parking-application',
  formNo: 'qms-pm-31315',
  scope: 'file',
  prefix: 'SQ',
  fields: [
    { key: 'appliedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'applicant', type: 'text', required: true, prefill: 'contactName', max: 50 },
    unit,
    phone,
    { key: 'plateNo', type: 'text', required: true, max: 30 },
    { key: 'vehicleModel', type: 'text', max: 50 },
    { key: 'wanted', type: 'choice', required: true, choices: ['fixed', 'monthly', 'temporary'] },
    { key: 'spaceNo', type: 'text', max: 30 },
    { key: 'decision', type: 'longText', wide: true, lines: 2 },
    handledBy,
    { key: 'applicantSignature', type: 'text', signature: true },
  ],
  statuses: ['applied', 'granted', 'declined'],
  closedStatuses: ['granted', 'declined'],
  moves: [
    { id: 'grant', from: ['applied'], to: 'granted', roles: clerkMoves, requires: ['spaceNo'], asks: ['spaceNo', 'decision'] },
    { id: 'decline', from: ['applied'], to: 'declined', roles: clerkMoves, requires: ['decision'], asks: ['decision'] },
  ],
  occurredField: 'appliedOn',
  register: ['applicant', 'plateNo', 'wanted', 'spaceNo'],
});

export const staffLeaving = defineRecordKind({
  id: 'staff-leaving',
  formNo: 'qms-pm-31316',
  scope: 'file',
  prefix: 'LZ',
  fields: [
    { key: 'reportedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'company', type: 'text', required: true, prefill: 'customerName', max: 100 },
    { key: 'reportedBy', type: 'text', prefill: 'contactName', max: 50 },
    {
      key: 'staff',
      type: 'table',
      required: true,
      wide: true,
      max: 60,
      columns: [
        { key: 'name', type: 'text', required: true, max: 50 },
        { key: 'position', type: 'text', max: 30 },
        { key: 'leaving', type: 'choice', required: true, choices: ['resigned', 'dismissed'] },
        { key: 'leftOn', type: 'date' },
        { key: 'cardReturned', type: 'yesNo' },
      ],
    },
    handledBy,
    remarks,
  ],
  occurredField: 'reportedOn',
  register: ['company', 'reportedBy', 'staff'],
});

export const keyCustody = defineRecordKind({
  id: 'key-custody',
  formNo: 'qms-pm-31317',
  scope: 'file',
  prefix: 'YS',
  fields: [
    { key: 'depositedAt', type: 'dateTime', required: true, prefill: 'now' },
    { key: 'depositor', type: 'text', required: true, prefill: 'contactName', max: 50 },
    unit,
    phone,
    { key: 'keys', type: 'text', required: true, max: 200 },
    { key: 'count', type: 'number', required: true },
    { key: 'reason', type: 'text', max: 200 },
    { key: 'returnBy', type: 'date', required: true },
    { key: 'receivedBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'returnedAt', type: 'dateTime' },
    { key: 'returnedTo', type: 'text', max: 50 },
    { key: 'depositorSignature', type: 'text', signature: true },
    { key: 'collectorSignature', type: 'text', signature: true },
  ],
  statuses: ['held', 'returned'],
  closedStatuses: ['returned'],
  moves: [{ id: 'return', from: ['held'], to: 'returned', roles: clerkMoves, requires: ['returnedAt', 'returnedTo'], asks: ['returnedAt', 'returnedTo'] }],
  occurredField: 'depositedAt',
  dueField: 'returnBy',
  register: ['depositor', 'keys', 'count', 'returnBy', 'returnedAt'],
  home: true,
});

export const meterReading = defineRecordKind({
  id: 'meter-reading',
  formNo: 'qms-pm-31318',
  scope: 'file',
  prefix: 'SD',
  fields: [
    { key: 'readOn', type: 'date', required: true, prefill: 'today' },
    { key: 'occasion', type: 'choice', required: true, choices: ['moveIn', 'moveOut', 'other'] },
    { key: 'tenant', type: 'text', required: true, prefill: 'customerName', max: 100 },
    unit,
    { key: 'waterMeterNo', type: 'text', max: 30 },
    { key: 'waterReading', type: 'number' },
    { key: 'powerMeterNo', type: 'text', max: 30 },
    { key: 'powerReading', type: 'number' },
    { key: 'gasMeterNo', type: 'text', max: 30 },
    { key: 'gasReading', type: 'number' },
    { key: 'readBy', type: 'text', prefill: 'clerk', max: 50 },
    remarks,
    { key: 'tenantSignature', type: 'text', signature: true },
  ],
  occurredField: 'readOn',
  register: ['occasion', 'tenant', 'waterReading', 'powerReading', 'gasReading', 'readBy'],
});
