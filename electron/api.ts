import type { z } from 'zod';
import type { ArchiveApi } from '../shared/api';
import { methodInputSchemas } from '../shared/schemas';
import { ArchiveError } from '../shared/errors';
import { archiveMethods, type ArchiveMethod } from '../shared/methods';
import { methodAccess, roleMay } from '../shared/permissions';
import type { Clock } from './services/clock';
import type { ServiceContext } from './services/context';
import * as customers from './services/customers';
import * as documents from './services/documents';
import * as excel from './services/excel';
import { readSettings, updateSettings } from './services/settings';
import type { ArchiveVault } from './services/vault';

export interface ArchiveApiDeps {
  vault: ArchiveVault;
  clock: Clock;
}

/**
 * The one composition root: every method of the contract, wired to its service, behind the
 * permission table. Electron's IPC and the loopback host both serve exactly this object.
 */
export function createArchiveApi({ vault, clock }: ArchiveApiDeps): ArchiveApi {
  const ctx = (): ServiceContext => ({ db: vault.db(), clock, session: vault.session! });
  // Files of tenants whose move-out date has come are closed when a session starts.
  const afterSignIn = async <T>(result: T): Promise<T> => {
    await customers.closeDepartedFiles(vault.db(), { clock });
    return result;
  };
  // Inputs arrive parsed by the method's schema (dispatcher), so defaults are filled in here.
  type Parsed<M extends keyof typeof methodInputSchemas> = z.output<(typeof methodInputSchemas)[M]>;
  const parsed = <M extends keyof typeof methodInputSchemas>(method: M, input: unknown): Parsed<M> =>
    methodInputSchemas[method].parse(input ?? {}) as Parsed<M>;

  const api: ArchiveApi = {
    getArchiveStatus: async () => vault.status(),
    createArchive: (input) => vault.create(input),
    unlock: async (input) => afterSignIn(await vault.unlock(input)),
    recoverAccess: async (input) => afterSignIn(await vault.recoverAccess(input)),
    lock: () => vault.lock(),

    listCustomers: (input) => customers.listFiles(vault.db(), parsed('listCustomers', input)),
    search: (input) => {
      const { query, limit } = parsed('search', input);
      return customers.searchArchive(vault.db(), query, limit);
    },
    getCustomer: ({ customerId }) => customers.loadCustomer(vault.db(), customerId),
    registerCustomer: async (input) => ({ customer: await customers.registerCustomer(ctx(), parsed('registerCustomer', input)) }),
    updateCustomer: (input) => customers.updateCustomer(ctx(), parsed('updateCustomer', input)),
    changeClassification: (input) => customers.changeClassification(ctx(), parsed('changeClassification', input)),
    listDueForReview: ({ months }) => customers.listDueForReview(ctx(), months),
    getFile: async ({ fileId, category }) => documents.loadFile(vault.db(), fileId, category),
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
    updateSettings: (input) => updateSettings(ctx(), parsed('updateSettings', input)),
    previewCustomerImport: ({ fileBase64, mapping }) => excel.previewCustomerImport(ctx(), fileBase64, mapping),
    commitCustomerImport: ({ fileBase64, mapping }) => excel.commitCustomerImport(ctx(), fileBase64, mapping),
    exportCustomers: (input) => excel.exportCustomers(ctx(), parsed('exportCustomers', input)),
  };
  return guardWithPermissions(api, vault);
}

/** Checks the permission table before every call, whatever the transport. */
function guardWithPermissions(api: ArchiveApi, vault: ArchiveVault): ArchiveApi {
  const guarded = {} as Record<ArchiveMethod, (input?: unknown) => Promise<unknown>>;
  for (const method of archiveMethods) {
    const call = api[method] as (input?: unknown) => Promise<unknown>;
    const access = methodAccess[method];
    guarded[method] = async (input?: unknown) => {
      if (access !== 'public') {
        const session = vault.session;
        if (!session) throw new ArchiveError(vault.status().state === 'none' ? 'ARCHIVE_NOT_FOUND' : 'NOT_SIGNED_IN');
        if (!roleMay(session.role, access)) throw new ArchiveError('FORBIDDEN', { method });
      }
      return call(input);
    };
  }
  return guarded as unknown as ArchiveApi;
}
