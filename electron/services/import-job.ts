import type { ImportResult, JobStep, RegisterImportResult, Session } from '../../shared/api';
import type { RegisterSheet } from '../../shared/domain';
import type { ServiceContext } from './context';
import { importCustomers } from './excel';
import { pause } from './jobs';
import { importRegister } from './register-import';
import type { ArchiveVault } from './vault';
import { runWorkerOrHere } from './worker-thread';

/** Which import, with its sheet: the customer register, or an old Excel register's 卷内目录 or box positions. */
export type ImportSheet = { kind: 'customers'; fileBase64: string; mapping?: Record<string, string> } | { kind: 'register'; register: RegisterSheet; fileBase64: string };

/** What the import worker is given: the archive and its key, who imports, and the sheet. */
export interface ImportJob {
  file: string;
  key: Uint8Array;
  session: Session;
  archiveDir?: string;
  /** The desk's clock minus the system's, so the worker's times are the desk's. */
  clockOffsetMs: number;
  sheet: ImportSheet;
}

/** Runs one import with the steps' pauses given: where a cancel, a hold or the desk's other calls come in. */
export function runImport(
  ctx: ServiceContext,
  sheet: ImportSheet,
  report: (step: JobStep) => void,
  signal: AbortSignal | undefined,
  yieldStep: () => Promise<void>,
): Promise<ImportResult | RegisterImportResult> {
  return sheet.kind === 'customers'
    ? importCustomers(ctx, sheet.fileBase64, sheet.mapping, report, signal, yieldStep)
    : importRegister(ctx, { register: sheet.register, fileBase64: sheet.fileBase64 }, report, signal, yieldStep);
}

/**
 * An import, run in the import worker on a connection of its own: the desk answers reads while
 * it checks and writes, and a backup waits for it (vault.copyTo).
 */
export function importInWorker<R extends ImportResult | RegisterImportResult>(
  vault: ArchiveVault,
  ctx: ServiceContext,
  sheet: ImportSheet,
  report: (step: JobStep) => void,
  signal: AbortSignal,
): Promise<R> {
  return vault.aside('import', (file, key) =>
    runWorkerOrHere<R>(
      'import-worker',
      {
        data: { file, key: new Uint8Array(key), session: ctx.session, archiveDir: ctx.archiveDir, clockOffsetMs: ctx.clock.now().getTime() - Date.now(), sheet } satisfies ImportJob,
        progress: report,
        signal,
        services: { pause: () => pause(signal) },
      },
      () => runImport(ctx, sheet, report, signal, () => pause(signal)) as Promise<R>,
    ),
  );
}
