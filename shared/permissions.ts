import type { Role } from './domain';
import { ArchiveError } from './errors';
import type { ArchiveMethod } from './methods';

/**
 * What a method needs. `public` methods run with the archive locked (they are how one
 * unlocks it); `signed-in` needs any account; a permission names a capability that roles hold.
 */
export const permissions = ['accounts.manage', 'settings.manage', 'audit.read', 'customers.read', 'customers.write', 'files.manage', 'customers.import', 'customers.export', 'backup.create', 'locations.manage', 'loans.manage'] as const;
export type Permission = (typeof permissions)[number];
export type MethodAccess = 'public' | 'signed-in' | Permission;

export const methodAccess: Record<ArchiveMethod, MethodAccess> = {
  getArchiveStatus: 'public',
  createArchive: 'public',
  unlock: 'public',
  recoverAccess: 'public',
  lock: 'signed-in',
  listCustomers: 'customers.read',
  search: 'customers.read',
  getCustomer: 'customers.read',
  registerCustomer: 'customers.write',
  updateCustomer: 'customers.write',
  changeClassification: 'customers.write',
  listDueForReview: 'customers.read',
  getFile: 'customers.read',
  correctFileRef: 'customers.write',
  reopenFile: 'files.manage',
  addDocument: 'customers.write',
  updateDocument: 'customers.write',
  listDocumentRevisions: 'customers.read',
  addScan: 'customers.write',
  getScan: 'customers.read',
  listDocumentCategories: 'customers.read',
  saveDocumentCategory: 'settings.manage',
  getSettings: 'signed-in',
  updateSettings: 'settings.manage',
  previewCustomerImport: 'customers.import',
  startCustomerImport: 'customers.import',
  // A positions sheet moves files: its service also checks locations.manage.
  previewRegisterImport: 'customers.import',
  startRegisterImport: 'customers.import',
  exportCustomers: 'customers.export',
  searchAuditLog: 'audit.read',
  exportAuditLog: 'audit.read',
  verifyAuditLog: 'audit.read',
  listAccounts: 'accounts.manage',
  createAccount: 'accounts.manage',
  updateAccount: 'accounts.manage',
  disableAccount: 'accounts.manage',
  resetAccountPassword: 'accounts.manage',
  changeOwnPassword: 'signed-in',
  backupArchive: 'backup.create',
  listBackups: 'backup.create',
  // Works while locked (a damaged archive cannot be unlocked); the service requires the
  // password of an administrator of the backup.
  restoreBackup: 'public',
  requestApproval: 'signed-in',
  listApprovals: 'signed-in',
  // The service checks the approver's own role: the signed-in manager, or a manager's password at the desk.
  decideApproval: 'signed-in',
  withdrawApproval: 'signed-in',
  setFileConfidentiality: 'files.manage',
  // Raising is any file manager's; lowering the service leaves to the general manager.
  setDocumentConfidentiality: 'files.manage',
  setLegalHold: 'files.manage',
  listAppraisal: 'customers.read',
  createDestructionRegister: 'customers.write',
  listDestructionRegisters: 'customers.read',
  getDestructionRegister: 'customers.read',
  confirmDestruction: 'customers.write',
  getStorage: 'customers.read',
  saveRoom: 'locations.manage',
  saveCabinet: 'locations.manage',
  addShelf: 'locations.manage',
  saveBox: 'locations.manage',
  retireLocation: 'locations.manage',
  moveFile: 'locations.manage',
  scanIntoBox: 'locations.manage',
  whereIsFile: 'customers.read',
  getBox: 'customers.read',
  proposeDepartedMoves: 'customers.read',
  moveDepartedFiles: 'locations.manage',
  findByCode: 'customers.read',
  getFileLabels: 'customers.read',
  markLabelsPrinted: 'customers.write',
  startInspection: 'locations.manage',
  getInspection: 'customers.read',
  listInspections: 'customers.read',
  recordInspectionScan: 'locations.manage',
  removeInspectionScan: 'locations.manage',
  setInspectionBoxChecked: 'locations.manage',
  flagMissingDocument: 'locations.manage',
  finishInspection: 'locations.manage',
  listCabinetsDueInspection: 'customers.read',
  listBorrowers: 'customers.read',
  saveBorrower: 'loans.manage',
  getBorrowerHoldings: 'customers.read',
  markBorrowerLeft: 'loans.manage',
  requestLoan: 'loans.manage',
  getLoan: 'customers.read',
  lendFiles: 'loans.manage',
  enterPaperLoan: 'loans.manage',
  returnFiles: 'loans.manage',
  requestRenewal: 'loans.manage',
  renewLoan: 'loans.manage',
  listLoans: 'customers.read',
  listOverdue: 'customers.read',
  exportLoans: 'customers.export',
  requestTransfer: 'loans.manage',
  listTransfers: 'customers.read',
  getTransfer: 'customers.read',
  completeTransfer: 'loans.manage',
  clearFileFlag: 'locations.manage',
  listForms: 'signed-in',
  // Each form's data is read with the caller's own confidentiality rules.
  renderForm: 'customers.read',
  recordFormPrinted: 'customers.read',
  exportFormPdf: 'customers.read',
  checkBundle: 'customers.read',
  requestBundleApproval: 'customers.export',
  startBundleExport: 'customers.export',
  chooseFolder: 'signed-in',
  getJob: 'signed-in',
  cancelJob: 'signed-in',
  verifyBundle: 'customers.read',
  openBundle: 'customers.read',
  readBundleFile: 'customers.read',
  getDashboard: 'customers.read',
  getReport: 'customers.read',
  exportReport: 'customers.export',
};

/**
 * The one table of who may do what; the UI hides, the services enforce. 三员分立: the
 * administrator manages accounts, settings and backups and handles no file; the auditor reads the
 * log (and may look at files, never change them); file work is the clerks' and the managers'.
 */
const fileWork: Permission[] = ['customers.read', 'customers.write', 'customers.import', 'customers.export', 'backup.create', 'locations.manage', 'loans.manage'];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: ['accounts.manage', 'settings.manage', 'backup.create'],
  clerk: fileWork,
  department_manager: [...fileWork, 'files.manage'],
  general_manager: ['customers.read', 'customers.export', 'files.manage'],
  auditor: ['audit.read', 'customers.read'],
};

/** The roles that may do what an access names: who a refusal sends the clerk to. */
export function rolesAllowed(access: MethodAccess): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((r) => roleMay(r, access));
}

export function roleMay(role: Role, access: MethodAccess): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return rolePermissions[role].includes(access);
}

/**
 * For an effect that more than one method can cause (a printed label clears 标牌需重印): the
 * service checks the effect's own permission, whichever door it was reached through.
 */
export function requirePermission(role: Role, permission: Permission): void {
  if (!roleMay(role, permission)) throw new ArchiveError('FORBIDDEN', { permission });
}
