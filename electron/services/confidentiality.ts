import type { Kysely } from 'kysely';
import type { ArchiveDatabase, DocumentDbRow } from '../../db/schema';
import { viewApprovedSince } from '../../db/queries/approvals';
import { documentById, documentLevels, insertRevision, updateDocumentRow } from '../../db/queries/documents';
import { effectiveConfidentiality, type Role } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { recordAudit } from './audit';
import { unsealOrdinaryScans } from './confidential-scans';
import { nowIso, type ServiceContext } from './context';

type Db = Kysely<ArchiveDatabase>;

/** How long an approval to view a confidential document lasts. */
export const VIEW_APPROVAL_HOURS = 24;

/** True when this viewer may see a confidential document: the general manager, or a fresh approval. */
export async function mayViewConfidential(db: Db, viewer: { accountId: number; role: Role }, documentId: number, now: Date): Promise<boolean> {
  if (viewer.role === 'general_manager') return true;
  const since = new Date(now.getTime() - VIEW_APPROVAL_HOURS * 3600_000).toISOString();
  return viewApprovedSince(db, documentId, viewer.accountId, since);
}

/** Keeps a document's version as it was before a change (003 §9.8: corrected, not overwritten). */
export async function recordRevision(db: Db, before: DocumentDbRow, accountId: number, reason: string, at: string): Promise<void> {
  await insertRevision(db, {
    document_id: before.id,
    version: before.version,
    at,
    account_id: accountId,
    reason,
    before: JSON.stringify({
      category: before.category,
      title: before.title,
      docDate: before.doc_date,
      pages: before.pages,
      isOriginal: before.is_original === 1,
      confidentiality: before.confidentiality,
      remarks: before.remarks,
    }),
  });
}

/**
 * Lowering a document from confidential to ordinary is the general manager's decision (003 §15):
 * made by the general manager, or carried out when they approve a request. Never part of an edit.
 */
export async function lowerDocumentConfidentiality(
  db: Db,
  ctx: ServiceContext,
  documentId: number,
  decidedBy: number,
  reason: string,
  approvalId?: number,
  /** A general manager's key typed in at the desk, when the session itself holds none. */
  confidentialKey?: Buffer | null,
): Promise<void> {
  const before = await documentById(db, documentId);
  if (!before) throw new ArchiveError('NOT_FOUND');
  if (before.confidentiality === 'ordinary') return;
  const at = nowIso(ctx);
  await recordRevision(db, before, decidedBy, reason, at);
  await updateDocumentRow(db, documentId, { confidentiality: 'ordinary', version: before.version + 1, updated_at: at });
  const keys = ctx.keys;
  await unsealOrdinaryScans(db, { ...ctx, keys: keys && { ...keys, confidentialKey: confidentialKey ?? keys.confidentialKey } }, { documentId });
  await recordAudit(db, ctx.clock, decidedBy, 'document.declassified', {
    targetType: 'document',
    targetId: String(documentId),
    details: { fileId: before.file_id, reason, ...(approvalId ? { approvalId } : {}) },
  });
}

// One rule for what leaves the archive: a confidential document's title and remarks reach only
// those who may read it. Text that is stored and read later by anyone (a flag note, an inspection
// finding, an approval's summary) names a confidential document without them.

/** True when the document is confidential, by itself or by its file. */
export async function isConfidential(db: Db, documentId: number): Promise<boolean> {
  const level = await documentLevels(db, documentId);
  return level !== undefined && effectiveConfidentiality(level.doc, level.file) === 'confidential';
}

/** True when this viewer may not see the document's title and remarks. */
export async function withheldFrom(db: Db, viewer: { accountId: number; role: Role }, documentId: number, now: Date): Promise<boolean> {
  return (await isConfidential(db, documentId)) && !(await mayViewConfidential(db, viewer, documentId, now));
}

/** How stored text names a document: by its title, or, when confidential, by its date only. */
export function storedDocumentName(doc: { title: string; doc_date: string }, confidential: boolean): string {
  return confidential ? `机密文件（${doc.doc_date}）` : doc.title;
}
