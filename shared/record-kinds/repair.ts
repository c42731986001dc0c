import { defineRecordKind } from './define';

// 维修单 (003 §7 4.5, §8 a5: 认真填写维修单, 及时联系修复): the tenant's call taken at the desk, the
// repairer sent, the work done and signed for by the tenant.
export const repair = defineRecordKind({
  id: 'repair',
  scope: 'file',
  prefix: 'WX',
  fields: [
    { key: 'reportedAt', type: 'dateTime', required: true, prefill: 'now' },
    { key: 'reporter', type: 'text', required: true, prefill: 'contactName', max: 50 },
    { key: 'phone', type: 'text', prefill: 'phone', max: 40 },
    { key: 'unit', type: 'text', prefill: 'unit', max: 100 },
    { key: 'place', type: 'text', max: 100 },
    { key: 'urgency', type: 'choice', required: true, choices: ['urgent', 'normal'] },
    { key: 'content', type: 'longText', required: true, wide: true, lines: 3 },
    { key: 'receivedBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'assignedTo', type: 'text', max: 100 },
    { key: 'assignedAt', type: 'dateTime' },
    { key: 'arrivedAt', type: 'dateTime' },
    { key: 'doneAt', type: 'dateTime' },
    { key: 'result', type: 'longText', wide: true, lines: 3 },
    { key: 'materials', type: 'longText', wide: true, lines: 2 },
    { key: 'charge', type: 'money' },
    { key: 'satisfaction', type: 'choice', choices: ['satisfied', 'fair', 'unsatisfied'] },
    { key: 'tenantSignature', type: 'text', signature: true },
    { key: 'repairerSignature', type: 'text', signature: true },
  ],
  statuses: ['reported', 'assigned', 'done', 'closed'],
  closedStatuses: ['closed'],
  moves: [
    { id: 'assign', from: ['reported'], to: 'assigned', roles: ['clerk', 'department_manager'], requires: ['assignedTo'], asks: ['assignedTo', 'assignedAt'] },
    { id: 'complete', from: ['assigned'], to: 'done', roles: ['clerk', 'department_manager'], requires: ['result', 'doneAt'], asks: ['arrivedAt', 'doneAt', 'result', 'materials', 'charge'] },
    { id: 'confirm', from: ['done'], to: 'closed', roles: ['clerk', 'department_manager'], requires: ['satisfaction'], asks: ['satisfaction'] },
    { id: 'redo', from: ['done'], to: 'assigned', roles: ['clerk', 'department_manager'], asks: ['result'] },
  ],
  occurredField: 'reportedAt',
  assignedField: 'assignedTo',
  deadline: { field: 'urgency', days: { urgent: 1, normal: 3 } },
  register: ['place', 'urgency', 'content', 'assignedTo', 'doneAt', 'satisfaction'],
  home: true,
});
