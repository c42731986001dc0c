import { normalizeRecoveryKey } from '../db/key-slots';
import type { z } from 'zod';
import type { ArchiveApi } from '../shared/api';
import { methodInputSchemas } from '../shared/schemas';
import { ArchiveError, type ArchiveErrorPayload } from '../shared/errors';
import { errorMessage } from '../shared/labels';
import { isCorruptionError } from '../db/open';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { archiveMethods, type ArchiveMethod } from '../shared/methods';
import { methodAccess, roleMay, rolesAllowed } from '../shared/permissions';
import type { Clock } from './services/clock';
import type { ServiceContext } from './services/context';
import type { PdfRenderer } from './services/pdf';
import * as accounts from './services/accounts';
import * as approvals from './services/approvals';
import * as audit from './services/audit';
import * as backup from './services/backup';
import * as customers from './services/customers';
import * as destruction from './services/destruction';
import * as documents from './services/documents';
import * as excel from './services/excel';
import * as registerImport from './services/register-import';
import * as inspections from './services/inspections';
import * as bundle from './services/bundle';
import * as reports from './services/reports';
import * as dashboard from './services/dashboard';
import { OpenedBundles, verifyBundle } from './services/bundle-open';
import { checkOutputFolder } from './services/local-paths';
import { cleanLeftovers } from './services/leftovers';
import * as forms from './services/forms';
import { JobRunner } from './services/jobs';
import * as loans from './services/loans';
import * as locations from './services/locations';
import * as transfers from './services/transfers';
import { readSettings, updateSettings } from './services/settings';
import type { ArchiveVault } from './services/vault';

export interface ArchiveApiDeps {
  vault: ArchiveVault;
  clock: Clock;
  /** Make the daily backup a few seconds after the first sign-in (the app and the host do; tests don't). */
  dailyBackup?: boolean;
  log?: (error: unknown) => void;
  /** Makes form PDFs; without one, a PDF request is refused with PDF_UNAVAILABLE. */
  pdf?: PdfRenderer;
  /** The system's folder dialog (Electron's); the loopback host has none. */
  chooseFolder?: (defaultPath?: string) => Promise<string | null>;
}

/**
 * The one composition root: every method of the contract, wired to its service, behind the
 * permission table. Electron's IPC and the loopback host both serve exactly this object.
 */
const DAILY_BACKUP_RETRY_MS = 30 * 60_000;

export function createArchiveApi({ vault, clock, dailyBackup = false, log = console.error, pdf, chooseFolder }: ArchiveApiDeps): ArchiveApi {
  const ctx = (): ServiceContext => ({
    db: vault.db(),
    clock,
    session: vault.session!,
    archiveDir: vault.dir,
    // Read when a service needs it: the key file is read from disk then, not on every call.
    get keys() {
      return vault.scanKeys();
    },
  });
  const jobs = new JobRunner(clock);
  const openedBundles = new OpenedBundles();
  /** How a failed job reads; an unexpected failure is logged like any failed call. */
  const jobError = (error: unknown): ArchiveErrorPayload => {
    if (error instanceof ArchiveError) return { code: error.code, message: errorMessage(error.code, 'zh-CN', error.details), details: error.details };
    log(error);
    return { code: 'INTERNAL', message: errorMessage('INTERNAL', 'zh-CN') };
  };
  let autoLockMs = 0;
  let lastActivity = 0;
  let dailyBackupScheduled = false;
  // Files of tenants whose move-out date has come are closed when a session starts.
  let leftoversCleaned = false;
  const afterSignIn = async <T>(result: T): Promise<T> => {
    if (!leftoversCleaned) {
      // What a crash left under a temporary name is removed once, at the first sign-in of a run.
      leftoversCleaned = true;
      cleanLeftovers(vault.dir, backup.defaultBackupFolder(vault));
    }
    await customers.closeDepartedFiles(vault.db(), { clock });
    autoLockMs = (await readSettings(vault.db())).autoLockMinutes * 60_000;
    lastActivity = clock.now().getTime();
    if (dailyBackup && !dailyBackupScheduled) {
      dailyBackupScheduled = true;
      // A few seconds after the first sign-in, then every half hour while the app runs: a backup
      // missed (the desk was locked, the disk was full) is made at the next try, one a day.
      const tryDaily = () => {
        if (vault.session) backup.dailyBackup(vault, clock).catch(log);
      };
      setTimeout(tryDaily, 5_000).unref?.();
      setInterval(tryDaily, DAILY_BACKUP_RETRY_MS).unref?.();
    }
    return result;
  };
  /** The recovery-key sheet prints this archive's recovery key and nothing else (a typo would be worthless on paper). */
  const realRecoveryKey = async <T extends { formId: string; blank: boolean; params: { recoveryKey?: string } }>(input: T): Promise<T> => {
    if (input.formId !== 'recovery-key' || input.blank) return input;
    const key = input.params.recoveryKey ? normalizeRecoveryKey(input.params.recoveryKey) : '';
    if (!key || !(await vault.isRecoveryKey(key))) throw new ArchiveError('WRONG_RECOVERY_KEY');
    return { ...input, params: { ...input.params, recoveryKey: key } };
  };
  /** Every lock, asked for or idle: running jobs are cancelled first, and what the session opened is forgotten. */
  const lockArchive = async () => {
    await jobs.cancelAll();
    openedBundles.clear();
    return { ...(await vault.lock()), folderDialog: !!chooseFolder };
  };
  /** Locks the archive when the desk has been idle too long; every signed-in call passes here. */
  const keepAlive = async () => {
    await vault.guardWriteAheadLog();
    const now = clock.now().getTime();
    if (vault.session && autoLockMs > 0 && now - lastActivity > autoLockMs) {
      await lockArchive();
      throw new ArchiveError('SESSION_EXPIRED');
    }
    lastActivity = now;
  };
  // Inputs arrive parsed by the method's schema (dispatcher), so defaults are filled in here.
  type Parsed<M extends keyof typeof methodInputSchemas> = z.output<(typeof methodInputSchemas)[M]>;
  const parsed = <M extends keyof typeof methodInputSchemas>(method: M, input: unknown): Parsed<M> =>
    methodInputSchemas[method].parse(input ?? {}) as Parsed<M>;

  const api: ArchiveApi = {
    getArchiveStatus: async () => ({ ...vault.status(), folderDialog: !!chooseFolder }),
    chooseFolder: async ({ defaultPath }) => {
      if (!chooseFolder) throw new ArchiveError('FOLDER_DIALOG_UNAVAILABLE');
      return chooseFolder(defaultPath);
    },
    createArchive: async (input) => afterSignIn(await vault.create(input)),
    unlock: async (input) => afterSignIn(await vault.unlock(input)),
    recoverAccess: async (input) => afterSignIn(await vault.recoverAccess(input)),
    lock: () => lockArchive(),

    listCustomers: (input) => customers.listFiles(vault.db(), parsed('listCustomers', input)),
    search: (input) => {
      const { query, limit } = parsed('search', input);
      return customers.searchArchive(vault.db(), query, limit, vault.session!.role === 'general_manager');
    },
    getCustomer: async ({ customerId }) => {
      const customer = await customers.loadCustomer(vault.db(), customerId);
      await audit.recordAudit(vault.db(), clock, vault.session!.accountId, 'customer.viewed', { targetType: 'customer', targetId: String(customerId) });
      return customer;
    },
    registerCustomer: async (input) => ({ customer: await customers.registerCustomer(ctx(), parsed('registerCustomer', input)) }),
    updateCustomer: (input) => customers.updateCustomer(ctx(), parsed('updateCustomer', input)),
    changeClassification: (input) => customers.changeClassification(ctx(), parsed('changeClassification', input)),
    listDueForReview: ({ months }) => customers.listDueForReview(ctx(), months),
    getFile: async ({ fileId, category }) => {
      const session = vault.session!;
      const file = await documents.loadFile(vault.db(), fileId, category, { accountId: session.accountId, role: session.role, now: clock.now() });
      // Every view of a file is recorded (003 §15: every access recorded).
      await audit.recordAudit(vault.db(), clock, vault.session!.accountId, 'file.viewed', { targetType: 'file', targetId: String(fileId) });
      return file;
    },
    correctFileRef: ({ fileId, reason }) => documents.correctFileRef(ctx(), fileId, reason),
    reopenFile: ({ fileId, reason }) => documents.reopenFile(ctx(), fileId, reason),
    addDocument: (input) => documents.addDocument(ctx(), parsed('addDocument', input)),
    updateDocument: (input) => documents.updateDocument(ctx(), parsed('updateDocument', input)),
    listDocumentRevisions: ({ documentId }) => documents.listDocumentRevisions(ctx(), documentId),
    addScan: ({ documentId, scan }) => documents.addScan(ctx(), documentId, scan),
    getScan: ({ scanId }) => documents.getScan(ctx(), scanId),
    listDocumentCategories: () => documents.listDocumentCategories(vault.db()),
    saveDocumentCategory: (input) => documents.saveDocumentCategory(ctx(), parsed('saveDocumentCategory', input)),
    getSettings: () => readSettings(vault.db()),
    updateSettings: async (input) => {
      const settings = await updateSettings(ctx(), parsed('updateSettings', input));
      autoLockMs = settings.autoLockMinutes * 60_000;
      return settings;
    },
    previewCustomerImport: ({ fileBase64, mapping }) => excel.previewCustomerImport(ctx(), fileBase64, mapping),
    startCustomerImport: async ({ fileBase64, mapping }) => {
      const context = ctx();
      const jobId = jobs.start(
        'customer-import',
        { preparing: [0, 0], checking: [0.05, 0.1], importing: [0.15, 0.85] },
        (report, signal) => excel.importCustomers(context, fileBase64, mapping, report, signal),
        jobError,
      );
      return { jobId };
    },
    previewRegisterImport: (input) => registerImport.previewRegisterImport(ctx(), parsed('previewRegisterImport', input)),
    startRegisterImport: async (input) => {
      const context = ctx();
      const valid = parsed('startRegisterImport', input);
      // Refused at once (not as a failed job) when the role may not do it.
      registerImport.mayImport(context, valid.register);
      const jobId = jobs.start('register-import', { preparing: [0, 0], checking: [0.05, 0.25], importing: [0.3, 0.7] }, (report, signal) => registerImport.importRegister(context, valid, report, signal), jobError);
      return { jobId };
    },
    exportCustomers: (input) => excel.exportCustomers(ctx(), parsed('exportCustomers', input)),

    searchAuditLog: (input) => audit.searchAuditLog(ctx(), parsed('searchAuditLog', input)),
    exportAuditLog: (input) => audit.exportAuditLog(ctx(), parsed('exportAuditLog', input)),
    verifyAuditLog: (input) => audit.verifyAuditLog(ctx(), parsed('verifyAuditLog', input), backup.backupAnchors(vault)),

    listAccounts: () => accounts.listAccounts(ctx()),
    createAccount: (input) => accounts.createAccount(ctx(), vault, parsed('createAccount', input)),
    updateAccount: (input) => accounts.updateAccount(ctx(), vault, parsed('updateAccount', input)),
    disableAccount: ({ accountId }) => accounts.disableAccount(ctx(), vault, accountId),
    resetAccountPassword: (input) => accounts.resetAccountPassword(ctx(), vault, parsed('resetAccountPassword', input)),
    changeOwnPassword: (input) => accounts.changeOwnPassword(ctx(), vault, parsed('changeOwnPassword', input)),

    backupArchive: ({ folder }) => backup.backupArchive(vault, clock, folder),
    listBackups: async ({ folder }) => backup.listBackups(vault, folder),
    restoreBackup: async ({ backupFolder, username, password, recoveryKey }) => afterSignIn(await backup.restoreBackup(vault, clock, backupFolder, username, password, recoveryKey, lockArchive)),

    requestApproval: (input) => approvals.requestApproval(ctx(), parsed('requestApproval', input)),
    listApprovals: ({ status }) => approvals.listApprovals(ctx(), status),
    decideApproval: (input) => approvals.decideApproval(ctx(), vault, parsed('decideApproval', input)),
    withdrawApproval: ({ approvalId }) => approvals.withdrawApproval(ctx(), approvalId),
    setFileConfidentiality: (input) => documents.setFileConfidentiality(ctx(), parsed('setFileConfidentiality', input)),
    setDocumentConfidentiality: (input) => documents.setDocumentConfidentiality(ctx(), parsed('setDocumentConfidentiality', input)),
    setLegalHold: (input) => documents.setLegalHold(ctx(), parsed('setLegalHold', input)),

    listAppraisal: () => destruction.listAppraisal(vault.db(), { clock }),
    createDestructionRegister: (input) => destruction.createDestructionRegister(ctx(), parsed('createDestructionRegister', input)),
    listDestructionRegisters: () => destruction.listDestructionRegisters(vault.db()),
    getDestructionRegister: ({ registerId }) => destruction.getDestructionRegister(vault.db(), registerId),
    confirmDestruction: (input) => destruction.confirmDestruction(ctx(), vault, parsed('confirmDestruction', input)),

    getStorage: () => locations.loadStorage(vault.db()),
    saveRoom: (input) => locations.saveRoom(ctx(), parsed('saveRoom', input)),
    saveCabinet: (input) => locations.saveCabinet(ctx(), parsed('saveCabinet', input)),
    addShelf: (input) => locations.addShelf(ctx(), parsed('addShelf', input)),
    saveBox: (input) => locations.saveBox(ctx(), parsed('saveBox', input)),
    retireLocation: (input) => locations.retireLocation(ctx(), parsed('retireLocation', input)),
    moveFile: (input) => locations.moveFile(ctx(), parsed('moveFile', input)),
    scanIntoBox: (input) => locations.scanIntoBox(ctx(), parsed('scanIntoBox', input)),
    whereIsFile: ({ fileId }) => locations.whereIsFile(vault.db(), fileId),
    getBox: ({ boxId }) => locations.getBox(vault.db(), boxId),
    proposeDepartedMoves: () => locations.proposeDepartedMoves(vault.db()),
    moveDepartedFiles: () => locations.moveDepartedFiles(ctx()),
    findByCode: ({ code }) => locations.findByCode(vault.db(), code.trim()),
    getFileLabels: ({ fileIds }) => locations.getFileLabels(vault.db(), fileIds),
    markLabelsPrinted: ({ fileIds }) => locations.markLabelsPrinted(ctx(), fileIds),

    startInspection: ({ cabinetIds }) => inspections.startInspection(ctx(), cabinetIds),
    getInspection: ({ inspectionId }) => inspections.getInspection(vault.db(), inspectionId),
    listInspections: () => inspections.listInspections(vault.db()),
    recordInspectionScan: (input) => inspections.recordInspectionScan(ctx(), parsed('recordInspectionScan', input)),
    removeInspectionScan: (input) => inspections.removeInspectionScan(ctx(), parsed('removeInspectionScan', input)),
    setInspectionBoxChecked: (input) => inspections.setInspectionBoxChecked(ctx(), parsed('setInspectionBoxChecked', input)),
    flagMissingDocument: (input) => inspections.flagMissingDocument(ctx(), parsed('flagMissingDocument', input)),
    finishInspection: (input) => inspections.finishInspection(ctx(), parsed('finishInspection', input)),
    listCabinetsDueInspection: () => inspections.listCabinetsDueInspection({ db: vault.db(), clock }),

    listBorrowers: (input) => loans.listBorrowers(vault.db(), parsed('listBorrowers', input)),
    saveBorrower: (input) => loans.saveBorrower(ctx(), parsed('saveBorrower', input)),
    getBorrowerHoldings: async ({ borrowerId }) => ({
      borrower: await loans.getBorrower(vault.db(), borrowerId),
      items: await loans.listLoans({ db: vault.db(), clock }, { borrowerId, status: 'out', limit: null }),
    }),
    markBorrowerLeft: ({ borrowerId }) => loans.markBorrowerLeft(ctx(), borrowerId),
    requestLoan: (input) => loans.requestLoan(ctx(), parsed('requestLoan', input)),
    getLoan: ({ loanId }) => loans.getLoan({ db: vault.db(), clock }, loanId),
    lendFiles: (input) => loans.lendFiles(ctx(), parsed('lendFiles', input)),
    enterPaperLoan: (input) => loans.enterPaperLoan(ctx(), parsed('enterPaperLoan', input)),
    returnFiles: (input) => loans.returnFiles(ctx(), parsed('returnFiles', input)),
    requestRenewal: (input) => loans.requestRenewal(ctx(), parsed('requestRenewal', input)),
    renewLoan: (input) => loans.renewLoan(ctx(), parsed('renewLoan', input)),
    listLoans: (input) => loans.listLoans({ db: vault.db(), clock }, parsed('listLoans', input)),
    listOverdue: () => loans.listOverdue({ db: vault.db(), clock }),
    exportLoans: (input) => loans.exportLoans(ctx(), parsed('exportLoans', input)),
    requestTransfer: (input) => transfers.requestTransfer(ctx(), parsed('requestTransfer', input)),
    listTransfers: () => transfers.listTransfers(vault.db()),
    getTransfer: ({ transferId }) => transfers.getTransfer(vault.db(), transferId),
    completeTransfer: ({ transferId }) => transfers.completeTransfer(ctx(), transferId),
    clearFileFlag: (input) => loans.clearFileFlag(ctx(), parsed('clearFileFlag', input)),

    listForms: async () => forms.listForms(),
    renderForm: async (input) => forms.renderForm(ctx(), await realRecoveryKey(parsed('renderForm', input))),
    recordFormPrinted: (input) => forms.recordFormPrinted(ctx(), parsed('recordFormPrinted', input)),
    exportFormPdf: async (input) => forms.exportFormPdf(ctx(), pdf, await realRecoveryKey(parsed('exportFormPdf', input))),

    checkBundle: (input) => bundle.checkBundle(ctx(), parsed('checkBundle', input)),
    requestBundleApproval: async (input) => {
      const id = await bundle.requestBundleApproval(ctx(), parsed('requestBundleApproval', input));
      return (await approvals.loadApprovals(vault.db(), { id }))[0]!;
    },
    startBundleExport: async (input) => {
      const options = parsed('startBundleExport', input);
      // A folder that may not be written is refused at once, not as a failed job.
      checkOutputFolder(options.folder);
      const context = ctx();
      const jobId = jobs.start(
        'bundle-export',
        { preparing: [0, 0], tenants: [0, 0.8], catalogue: [0.8, 0.03], manifest: [0.83, 0.01], zip: [0.84, 0.08], verify: [0.92, 0.08] },
        (report, signal) => bundle.exportBundle(context, pdf, options, report, signal),
        jobError,
      );
      return { jobId };
    },
    getJob: async ({ jobId }) => jobs.get(jobId),
    cancelJob: async ({ jobId }) => jobs.cancel(jobId),
    verifyBundle: ({ path, password }) => verifyBundle(path, password),
    openBundle: ({ path, password }) => openedBundles.open(path, password),
    readBundleFile: async ({ path, file, password }) => {
      const bytes = await openedBundles.read(path, file, password);
      const ext = file.split('.').pop()?.toLowerCase() ?? '';
      const mime = ({ pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', json: 'application/json', csv: 'text/csv', txt: 'text/plain' } as Record<string, string>)[ext] ?? 'application/octet-stream';
      return { dataBase64: bytes.toString('base64'), mime, fileName: file.split('/').pop() ?? file };
    },
    getDashboard: () => dashboard.getDashboard(ctx()),
    getReport: (input) => reports.getReport(ctx(), parsed('getReport', input)),
    exportReport: (input) => reports.exportReport(ctx(), parsed('exportReport', input)),
  };
  return guardWithPermissions(api, vault, keepAlive);
}

/** Checks the permission table before every call, whatever the transport. */
function guardWithPermissions(api: ArchiveApi, vault: ArchiveVault, keepAlive: () => Promise<void>): ArchiveApi {
  const guarded = {} as Record<ArchiveMethod, (input?: unknown) => Promise<unknown>>;
  for (const method of archiveMethods) {
    const call = api[method] as (input?: unknown) => Promise<unknown>;
    const access = methodAccess[method];
    guarded[method] = async (input?: unknown) => {
      if (access !== 'public') {
        const session = vault.session;
        if (!session) throw new ArchiveError(vault.status().state === 'none' ? 'ARCHIVE_NOT_FOUND' : 'NOT_SIGNED_IN');
        await keepAlive();
        if (!roleMay(session.role, access)) throw new ArchiveError('FORBIDDEN', { method, allowedRoles: rolesAllowed(access) });
      }
      try {
        return await call(input);
      } catch (error) {
        throw storageError(error, vault) ?? error;
      }
    };
  }
  return guarded as unknown as ArchiveApi;
}

/** SQLite's word for a damaged file or a full disk, said with the archive's own path. */
function storageError(error: unknown, vault: ArchiveVault): ArchiveError | null {
  if (error instanceof ArchiveError) return null;
  if (isCorruptionError(error)) return new ArchiveError('ARCHIVE_DAMAGED', { file: vault.paths.archive });
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    const wal = existsSync(`${vault.paths.archive}-wal`) ? statSync(`${vault.paths.archive}-wal`).size : 0;
    // SQLite needs room for its log and a checkpoint: at least what the log holds, and some to spare.
    return new ArchiveError('DISK_FULL', { folder: vault.dir, neededMb: Math.ceil(wal / 1024 / 1024) + 64 });
  }
  return null;
}
