// The list of every method on the contract. Kept free of imports so the sandboxed preload
// can bundle it without pulling zod in; api.ts checks at compile time that it matches ArchiveApi.

export const archiveMethods = [
  'getArchiveStatus',
  'createArchive',
  'unlock',
  'recoverAccess',
  'lock',
  'listCustomers',
  'search',
  'getCustomer',
  'registerCustomer',
  'updateCustomer',
  'changeClassification',
  'listDueForReview',
  'getFile',
  'correctFileRef',
  'reopenFile',
  'addDocument',
  'updateDocument',
  'listDocumentRevisions',
  'addScan',
  'getScan',
  'listDocumentCategories',
  'saveDocumentCategory',
  'getSettings',
  'updateSettings',
  'previewCustomerImport',
  'commitCustomerImport',
  'exportCustomers',
  'searchAuditLog',
  'exportAuditLog',
  'verifyAuditLog',
  'listAccounts',
  'createAccount',
  'updateAccount',
  'disableAccount',
  'resetAccountPassword',
  'changeOwnPassword',
  'backupArchive',
  'listBackups',
  'restoreBackup',
  'requestApproval',
  'listApprovals',
  'decideApproval',
  'withdrawApproval',
  'setFileConfidentiality',
  'setLegalHold',
  'listAppraisal',
  'createDestructionRegister',
  'listDestructionRegisters',
  'getDestructionRegister',
  'confirmDestruction',
  'getStorage',
  'saveRoom',
  'saveCabinet',
  'addShelf',
  'saveBox',
  'retireLocation',
  'moveFile',
  'whereIsFile',
  'getBox',
  'proposeDepartedMoves',
] as const;

export type ArchiveMethod = (typeof archiveMethods)[number];

export function isArchiveMethod(name: unknown): name is ArchiveMethod {
  return typeof name === 'string' && (archiveMethods as readonly string[]).includes(name);
}

/** The one IPC channel between renderer and main process. */
export const archiveIpcChannel = 'archive:call';
