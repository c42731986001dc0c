import { copyArchive, inspectArchive, type AuditHead, type InspectResult } from '../../db/open';
import { runWorker } from './worker-thread';

/** What the archive worker is asked to do; the key goes to the worker's own connection only. */
export type ArchiveWorkerJob = { task: 'inspect'; file: string; key: Uint8Array; full: boolean } | { task: 'copy'; file: string; key: Uint8Array; copy: string };

/**
 * Runs a job in the archive worker. A worker that cannot start at all (its file missing from a
 * damaged install) must not keep the desk from its archive: the job then runs on this thread,
 * as it would have without the worker. A job that started and failed fails as itself.
 */
async function inWorker<T>(job: ArchiveWorkerJob, inline: () => T): Promise<T> {
  let started = false;
  try {
    return await runWorker<T>('archive-worker', { data: job, progress: () => (started = true) });
  } catch (error) {
    if (started) throw error;
    return inline();
  }
}

/** Reads every page of a keyed archive (quick_check, or the full integrity_check) off the desk's thread. */
export function checkArchivePages(file: string, key: Buffer, options: { full?: boolean } = {}): Promise<InspectResult> {
  const full = options.full ?? false;
  return inWorker({ task: 'inspect', file, key: new Uint8Array(key), full }, () => inspectArchive(file, key, { full }));
}

/** A consistent encrypted copy of the archive made off the desk's thread; the audit head it holds. */
export function copyArchiveAside(file: string, key: Buffer, copy: string): Promise<AuditHead | null> {
  return inWorker({ task: 'copy', file, key: new Uint8Array(key), copy }, () => copyArchive(file, key, copy));
}
