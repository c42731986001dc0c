import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { auditHashAt } from '../../db/queries/audit';
import type { ArchiveDatabase } from '../../db/schema';
import type { AuditAnchorCheck, AuditAnchorSource } from '../../shared/api';

// Anchors of the audit chain outside the archive: the head (last entry's id and hash) written
// beside the archive at every lock, into every backup's manifest and every yearly bundle's
// bag-info.txt, and printed on the inspection record. Whoever can open the archive can rewrite
// its log, but not every copy of its head: verify compares the log with each anchor it finds.

export const ANCHOR_FILE = 'archive.audit-anchors.jsonl';

export interface AuditAnchor {
  source: AuditAnchorSource;
  /** Where the anchor was found: a folder, a bundle, a printed form. */
  where: string;
  at: string;
  id: number;
  hash: string;
}

export function anchorFile(archiveDir: string): string {
  return join(archiveDir, ANCHOR_FILE);
}

/** Appends one anchor line and flushes it to disk; an anchor that cannot be written does not stop the work. */
export function appendAnchor(archiveDir: string, anchor: AuditAnchor): void {
  try {
    const path = anchorFile(archiveDir);
    appendFileSync(path, JSON.stringify(anchor) + '\n', { mode: 0o600 });
    const fd = openSync(path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // A full disk or a read-only folder: the archive's own work goes on; verify finds fewer anchors.
  }
}

export function readAnchorFile(archiveDir: string): AuditAnchor[] {
  const path = anchorFile(archiveDir);
  if (!existsSync(path)) return [];
  const out: AuditAnchor[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      const a = JSON.parse(line) as AuditAnchor;
      if (Number.isInteger(a.id) && typeof a.hash === 'string' && /^[0-9a-f]{12,64}$/.test(a.hash)) out.push(a);
    } catch {
      // A torn last line after a crash is skipped.
    }
  }
  return out;
}

/** Compares the log with each anchor (a printed one may carry only the hash's first characters). */
export async function checkAnchors(db: Kysely<ArchiveDatabase>, anchors: AuditAnchor[]): Promise<AuditAnchorCheck[]> {
  const out: AuditAnchorCheck[] = [];
  for (const a of anchors) {
    const hash = await auditHashAt(db, a.id);
    const problem = hash === null ? 'entry_missing' : hash.startsWith(a.hash.toLowerCase()) ? null : 'hash_differs';
    out.push({ source: a.source, where: a.where, at: a.at, id: a.id, hash: a.hash, ok: problem === null, problem });
  }
  return out;
}

/** The head as printed on paper: its id and the first 16 characters of its hash. */
export function printedHead(head: { id: number; hash: string } | null): string {
  return head ? `第 ${head.id} 条 · ${head.hash.slice(0, 16)}` : '';
}
