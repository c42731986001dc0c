import type { ImportResult, JobStep, Session } from '../../shared/api';
import type { ServiceContext } from './context';
import { importCustomers } from './excel';
import { pause } from './jobs';
import type { ArchiveVault } from './vault';
import { runWorkerOrHere } from './worker-thread';

/** What the import worker is given: the archive and its key, who imports, and the sheet. */
export interface CustomerImportJob {
  file: string;
  key: Uint8Array;
  session: Session;
  archiveDir?: string;
  /** The desk's clock minus the system's, so the worker's times are the desk's. */
  clockOffsetMs: number;
  fileBase64: string;
  mapping?: Record<string, string>;
}

/**
 * The customer import, run in the import worker on a connection of its own: the desk answers
 * reads while it checks and writes, and a backup waits for it (vault.copyTo).
 */
export function runCustomerImport(
  vault: ArchiveVault,
  ctx: ServiceContext,
  input: { fileBase64: string; mapping?: Record<string, string> },
  report: (step: JobStep) => void,
  signal: AbortSignal,
): Promise<ImportResult> {
  return vault.aside('import', (file, key) =>
    runWorkerOrHere<ImportResult>(
      'import-worker',
      {
        data: {
          file,
          key: new Uint8Array(key),
          session: ctx.session,
          archiveDir: ctx.archiveDir,
          clockOffsetMs: ctx.clock.now().getTime() - Date.now(),
          fileBase64: input.fileBase64,
          mapping: input.mapping,
        } satisfies CustomerImportJob,
        progress: report,
        signal,
        services: { pause: () => pause(signal) },
      },
      () => importCustomers(ctx, input.fileBase64, input.mapping, report, signal),
    ),
  );
}
