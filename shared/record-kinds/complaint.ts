import { defineRecordKind, type RecordFields } from './define';

/** 003 §15 7.2, 7.3: these complaints' results are approved by the general manager before the customer hears them. */
export const complaintCategoriesForApproval = ['quality', 'process'];
const needsApproval = (f: RecordFields) => complaintCategoriesForApproval.includes(String(f.category));

// 客户投诉 (000 §7, 003 §7 4.4, §15 7, 004 四.2 g): taken at the desk, handed to whoever handles
// it, handled by a deadline set per category, approved where the rule says so, followed up with
// the customer and closed. One record prints as 客户投诉登记表, 投诉处理报告表 and 投诉处理追踪表.
export const complaint = defineRecordKind({
  id: 'complaint',
  scope: 'file',
  prefix: 'TS',
  fields: [
    { key: 'receivedAt', type: 'dateTime', required: true, prefill: 'now' },
    { key: 'channel', type: 'choice', required: true, choices: ['phone', 'visit', 'letter', 'online', 'other'] },
    { key: 'complainant', type: 'text', required: true, prefill: 'contactName', max: 50 },
    { key: 'phone', type: 'text', prefill: 'phone', max: 40 },
    { key: 'unit', type: 'text', prefill: 'unit', max: 100 },
    { key: 'category', type: 'choice', required: true, choices: ['quality', 'process', 'facility', 'environment', 'security', 'charges', 'neighbour', 'other'] },
    { key: 'content', type: 'longText', required: true, wide: true, lines: 5 },
    { key: 'demand', type: 'longText', wide: true, lines: 2 },
    { key: 'receivedBy', type: 'text', prefill: 'clerk', max: 50 },
    { key: 'assignedTo', type: 'text', max: 100 },
    { key: 'cause', type: 'longText', wide: true, lines: 3 },
    { key: 'handling', type: 'longText', wide: true, lines: 4 },
    { key: 'handledAt', type: 'dateTime' },
    { key: 'approvalOpinion', type: 'longText', wide: true, lines: 2 },
    { key: 'feedbackAt', type: 'dateTime' },
    { key: 'feedbackBy', type: 'text', max: 50 },
    { key: 'satisfaction', type: 'choice', choices: ['satisfied', 'fair', 'unsatisfied'] },
    { key: 'feedbackNote', type: 'longText', wide: true, lines: 2 },
    { key: 'customerSignature', type: 'text', signature: true },
    { key: 'managerSignature', type: 'text', signature: true },
  ],
  statuses: ['received', 'assigned', 'handled', 'approved', 'closed'],
  closedStatuses: ['closed'],
  moves: [
    { id: 'assign', from: ['received'], to: 'assigned', roles: ['clerk', 'department_manager'], requires: ['assignedTo'], asks: ['assignedTo'] },
    { id: 'handle', from: ['assigned'], to: 'handled', roles: ['clerk', 'department_manager'], requires: ['handling'], asks: ['cause', 'handling', 'handledAt'] },
    { id: 'approve', from: ['handled'], to: 'approved', roles: ['general_manager'], asks: ['approvalOpinion'], when: needsApproval },
    { id: 'sendBack', from: ['handled'], to: 'assigned', roles: ['general_manager'], requires: ['approvalOpinion'], asks: ['approvalOpinion'], when: needsApproval },
    { id: 'close', from: ['approved'], to: 'closed', roles: ['clerk', 'department_manager'], requires: ['satisfaction'], asks: ['feedbackAt', 'feedbackBy', 'satisfaction', 'feedbackNote'] },
    {
      id: 'closeHandled',
      from: ['handled'],
      to: 'closed',
      roles: ['clerk', 'department_manager'],
      requires: ['satisfaction'],
      asks: ['feedbackAt', 'feedbackBy', 'satisfaction', 'feedbackNote'],
      when: (f) => !needsApproval(f),
    },
    { id: 'reopen', from: ['closed'], to: 'assigned', roles: ['clerk', 'department_manager'], asks: ['feedbackNote'], when: (f) => f.satisfaction === 'unsatisfied' },
  ],
  occurredField: 'receivedAt',
  assignedField: 'assignedTo',
  deadline: { field: 'category', days: { quality: 7, process: 3, facility: 3, environment: 2, security: 1, charges: 5, neighbour: 5, other: 5 } },
  register: ['category', 'channel', 'complainant', 'content', 'assignedTo', 'satisfaction'],
  home: true,
  sheets: [
    { id: 'register', fields: ['receivedAt', 'channel', 'complainant', 'phone', 'unit', 'category', 'content', 'demand', 'receivedBy', 'assignedTo'], signatures: ['receivedBy'] },
    { id: 'report', fields: ['receivedAt', 'complainant', 'unit', 'category', 'content', 'assignedTo', 'cause', 'handling', 'handledAt', 'approvalOpinion'], signatures: ['managerSignature'] },
    { id: 'tracking', fields: ['receivedAt', 'complainant', 'unit', 'category', 'feedbackAt', 'feedbackBy', 'satisfaction', 'feedbackNote'], events: true, signatures: ['customerSignature'] },
  ],
});
