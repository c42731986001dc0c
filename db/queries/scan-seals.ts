import { sql, type Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';
import { idList } from './id-list';

type Db = Kysely<ArchiveDatabase>;

// Confidential scans at rest: which scans are sealed, their keys, and the grants that let a
// requester open them for an approval's window (electron/services/confidential-scans.ts holds
// the sealing rules).

type Where = { fileId?: number; documentId?: number };

/** Scans with their document's and file's levels beside them. */
const scansWithLevels = (db: Db) => db.selectFrom('scans').innerJoin('documents', 'documents.id', 'scans.document_id').innerJoin('files', 'files.id', 'documents.file_id');

/** This account's grants of a scan's key still in their window. */
export function liveGrants(db: Db, scanId: number, accountId: number, now: string) {
  return db.selectFrom('scan_grants').select('sealed_key').where('scan_id', '=', scanId).where('account_id', '=', accountId).where('expires_at', '>', now).execute();
}

/** Confidential scans (by the document's level or the file's) still kept as they were scanned. */
export function unsealedConfidentialScans(db: Db, where: Where) {
  let q = scansWithLevels(db)
    .where((eb) => eb.or([eb('documents.confidentiality', '=', 'confidential'), eb('files.confidentiality', '=', 'confidential')]))
    .select(['scans.id', 'scans.data', 'scans.sha256'])
    .where('scans.sealed_key', 'is', null);
  if (where.fileId) q = q.where('files.id', '=', where.fileId);
  if (where.documentId) q = q.where('documents.id', '=', where.documentId);
  return q.execute();
}

/** Sealed scans that are no longer confidential. */
export function sealedOrdinaryScans(db: Db, where: Where) {
  let q = scansWithLevels(db)
    .select(['scans.id', 'scans.data', 'scans.sha256', 'scans.sealed_key'])
    .where('scans.sealed_key', 'is not', null)
    .where('documents.confidentiality', '!=', 'confidential')
    .where('files.confidentiality', '!=', 'confidential');
  if (where.fileId) q = q.where('files.id', '=', where.fileId);
  if (where.documentId) q = q.where('documents.id', '=', where.documentId);
  return q.execute();
}

/** A scan's stored bytes and its sealed key (null: kept as scanned). */
export async function storeScanBytes(db: Db, scanId: number, stored: { data?: Buffer; sealed_key: Buffer | null }): Promise<void> {
  await db.updateTable('scans').set(stored).where('id', '=', scanId).execute();
}

/** The scan was opened: nobody needs a grant to it any more. */
export async function dropGrantsOf(db: Db, scanId: number): Promise<void> {
  await db.deleteFrom('scan_grants').where('scan_id', '=', scanId).execute();
}

/** Every sealed scan's key (all of them, or those of these documents). */
export function sealedKeys(db: Db, documentIds?: number[]) {
  let q = db.selectFrom('scans').select(['id', 'sha256', 'sealed_key']).where('sealed_key', 'is not', null);
  if (documentIds) q = q.where(sql<boolean>`document_id in ${idList(documentIds)}`);
  return q.execute() as Promise<{ id: number; sha256: string; sealed_key: Buffer }[]>;
}

export async function insertGrant(db: Db, grant: { scan_id: number; account_id: number; sealed_key: Buffer; expires_at: string; approval_id: number }): Promise<void> {
  await db.insertInto('scan_grants').values(grant).execute();
}

/** Whether any of these documents has a sealed scan. */
export async function anySealed(db: Db, documentIds: number[]): Promise<boolean> {
  const row = await db
    .selectFrom('scans')
    .select('id')
    .where('sealed_key', 'is not', null)
    .where(sql<boolean>`document_id in ${idList(documentIds)}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteExpiredGrants(db: Db, now: string): Promise<void> {
  await db.deleteFrom('scan_grants').where('expires_at', '<=', now).execute();
}
