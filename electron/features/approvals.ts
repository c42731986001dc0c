import { approvalIdInput, decideApprovalInput, listApprovalsInput, requestApprovalInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as approvals from '../services/approvals';

export const approvalsMethods = {
  requestApproval: defineMethod({ input: requestApprovalInput, permission: 'signed-in', handler: (input, m) => approvals.requestApproval(m.services(), input) }),
  listApprovals: defineMethod({ input: listApprovalsInput, permission: 'signed-in', handler: ({ status }, m) => approvals.listApprovals(m.services(), status) }),
  // The service checks the approver's own role: the signed-in manager, or a manager's password at the desk.
  decideApproval: defineMethod({ input: decideApprovalInput, permission: 'signed-in', handler: (input, m) => approvals.decideApproval(m.services(), m.vault, input) }),
  withdrawApproval: defineMethod({ input: approvalIdInput, permission: 'signed-in', handler: ({ approvalId }, m) => approvals.withdrawApproval(m.services(), approvalId) }),
};
