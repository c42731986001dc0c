import { auditSearchInput, exportAuditInput, verifyAuditLogInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as audit from '../services/audit';
import * as backup from '../services/backup';

export const auditMethods = {
  searchAuditLog: defineMethod({ input: auditSearchInput, permission: 'audit.read', handler: (input, m) => audit.searchAuditLog(m.services(), input) }),
  exportAuditLog: defineMethod({ input: exportAuditInput, permission: 'audit.read', handler: (input, m) => audit.exportAuditLog(m.services(), input) }),
  verifyAuditLog: defineMethod({ input: verifyAuditLogInput, permission: 'audit.read', handler: (input, m) => audit.verifyAuditLog(m.services(), input, backup.backupAnchors(m.vault)) }),
};
