import { copyArchive, inspectArchive, type AuditHead, type InspectResult } from '../../db/open';
import { runWorkerOrHere } from './worker-thread';

/** What the archive worker is asked to do; the key goes to the worker's own connection only. */
export type ArchiveWorkerJob = { task: 'inspect'; file: string; key: Uint8Array; full: boolean } | { task: 'copy'; file: string; key: Uint8Array; copy: string };

function inWorker<T>(job: ArchiveWorkerJob, here: () => T): Promise<T> {
  return runWorkerOrHere<T>('archive-worker', { data: job }, here);
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
