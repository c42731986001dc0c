import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../../db/archive-files';

// Work written under a temporary name (a backup's .partial folder, a bundle's .partial folder
// and zip) is listed here while it is written, so a crash or a kill leaves nothing behind for
// long: the next start removes whatever is still listed, and any backup .partial folder.

const PENDING_FILE = 'archive.pending-writes.json';

function read(archiveDir: string): string[] {
  try {
    const list = JSON.parse(readFileSync(join(archiveDir, PENDING_FILE), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function write(archiveDir: string, list: string[]): void {
  try {
    if (list.length) writeFileAtomic(join(archiveDir, PENDING_FILE), JSON.stringify(list));
    else rmSync(join(archiveDir, PENDING_FILE), { force: true });
  } catch {
    // Not being able to note a temporary name only means it may be left after a crash.
  }
}

/** Notes temporary paths about to be written (only names this app makes: .partial). */
export function notePending(archiveDir: string | undefined, ...paths: string[]): void {
  if (archiveDir) write(archiveDir, [...new Set([...read(archiveDir), ...paths])]);
}

export function clearPending(archiveDir: string | undefined, ...paths: string[]): void {
  if (archiveDir)
    write(
      archiveDir,
      read(archiveDir).filter((p) => !paths.includes(p)),
    );
}

const isPartialName = (path: string) => /\.partial(-[0-9a-f]+)?$/.test(basename(path));

/** At start: removes what a crash left under a temporary name. Returns what was removed. */
export function cleanLeftovers(archiveDir: string, backupFolder: string): string[] {
  const removed: string[] = [];
  for (const path of read(archiveDir)) {
    if (isPartialName(path) && existsSync(path)) {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  write(archiveDir, []);
  if (existsSync(backupFolder)) {
    for (const name of readdirSync(backupFolder)) {
      if (name.startsWith('archive-desk-backup-') && name.endsWith('.partial')) {
        rmSync(join(backupFolder, name), { recursive: true, force: true });
        removed.push(join(backupFolder, name));
      }
    }
  }
  for (const name of existsSync(archiveDir) ? readdirSync(archiveDir) : []) {
    // A key file or stamp write cut short leaves NAME.tmp-PID beside the archive.
    if (/\.tmp-\d+$/.test(name)) {
      rmSync(join(archiveDir, name), { force: true });
      removed.push(join(archiveDir, name));
    }
  }
  return removed.filter((p) => dirname(p) !== '');
}
