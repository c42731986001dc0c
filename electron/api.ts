import type { ArchiveApi } from '../shared/api';
import { ArchiveError } from '../shared/errors';
import { archiveMethods, type ArchiveMethod } from '../shared/methods';
import { methodAccess, roleMay } from '../shared/permissions';
import type { Clock } from './services/clock';
import type { ArchiveVault } from './services/vault';

export interface ArchiveApiDeps {
  vault: ArchiveVault;
  clock: Clock;
}

/**
 * The one composition root: every method of the contract, wired to its service, behind the
 * permission table. Electron's IPC and the loopback host both serve exactly this object.
 */
export function createArchiveApi({ vault }: ArchiveApiDeps): ArchiveApi {
  const api: ArchiveApi = {
    getArchiveStatus: async () => vault.status(),
    createArchive: (input) => vault.create(input),
    unlock: (input) => vault.unlock(input),
    recoverAccess: (input) => vault.recoverAccess(input),
    lock: () => vault.lock(),
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
