import { defineRecordKind } from './define';

// The desk's own papers: the day's work log (003 §6 4.1), notices handed to tenants against a
// signature (003 §8 a1: 谁接收谁签字), and the register of letters sent out (003 §6 4.2).

export const workLog = defineRecordKind({
  id: 'work-log',
  scope: 'desk',
  prefix: 'RZ',
  fields: [
    { key: 'workDate', type: 'date', required: true, prefill: 'today' },
    { key: 'clerk', type: 'text', required: true, prefill: 'clerk', max: 50 },
    { key: 'keyWork', type: 'longText', required: true, wide: true, lines: 5 },
    { key: 'complaints', type: 'longText', wide: true, lines: 3 },
    { key: 'repairs', type: 'longText', wide: true, lines: 3 },
    { key: 'incidents', type: 'longText', wide: true, lines: 3 },
    { key: 'handover', type: 'longText', wide: true, lines: 2 },
    { key: 'supervisorSignature', type: 'text', signature: true },
  ],
  occurredField: 'workDate',
  register: ['clerk', 'keyWork', 'complaints', 'incidents'],
  uniquePer: 'clerkDay',
});

export const notice = defineRecordKind({
  id: 'notice',
  scope: 'desk',
  prefix: 'TZ',
  fields: [
    { key: 'issuedOn', type: 'date', required: true, prefill: 'today' },
    { key: 'docNo', type: 'text', max: 50 },
    { key: 'title', type: 'text', required: true, max: 200 },
    { key: 'noticeType', type: 'choice', required: true, choices: ['notice', 'letter', 'bulletin', 'reminder'] },
    { key: 'fromDept', type: 'text', max: 100 },
    { key: 'audience', type: 'text', max: 200 },
    { key: 'summary', type: 'longText', wide: true, lines: 3 },
    {
      key: 'receipts',
      type: 'table',
      wide: true,
      max: 300,
      columns: [
        { key: 'unit', type: 'text', max: 100 },
        { key: 'recipient', type: 'text', max: 100 },
        { key: 'signedBy', type: 'text', max: 50 },
        { key: 'signedOn', type: 'date' },
      ],
    },
    { key: 'handedBy', type: 'text', prefill: 'clerk', max: 50 },
  ],
  occurredField: 'issuedOn',
  register: ['title', 'noticeType', 'audience', 'receipts'],
  floorTable: 'receipts',
});

export const outgoingLetter = defineRecordKind({
  id: 'outgoing-letter',
  scope: 'desk',
  prefix: 'FW',
  fields: [
    { key: 'sentOn', type: 'date', required: true, prefill: 'today' },
    { key: 'title', type: 'text', required: true, max: 200 },
    { key: 'recipient', type: 'text', required: true, max: 200 },
    { key: 'letterType', type: 'choice', required: true, choices: ['letter', 'notice', 'reply', 'report', 'other'] },
    { key: 'copies', type: 'number' },
    { key: 'way', type: 'choice', choices: ['hand', 'post', 'courier', 'email', 'fax'] },
    { key: 'sentBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'copyFiled', type: 'yesNo' },
    { key: 'remarks', type: 'longText', wide: true, lines: 2 },
  ],
  occurredField: 'sentOn',
  register: ['title', 'recipient', 'letterType', 'way', 'sentBy'],
});
