import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import { decryptScan, encryptScan, openSealed, sealTo } from '../../db/sealing';
import { ArchiveError } from '../../shared/errors';
import type { ServiceContext } from './context';

type Db = Kysely<ArchiveDatabase>;

/**
 * What the signed-in session holds for confidential scans. Every session can seal (the public
 * key); only a general manager's opens them (the confidential private key); a requester with an
 * approval opens the scans granted to their own account's box.
 */
export interface ScanKeys {
  publicKey: string | null;
  confidentialKey: Buffer | null;
  boxPrivateKey: Buffer | null;
  boxPublicKeyOf(username: string): string | null;
}

const keyAad = (sha256: string) => `archive-desk-scan-key:${sha256}`;
const dataAad = (sha256: string) => `archive-desk-scan:${sha256}`;

/** A confidential scan's columns: the bytes under their own key, that key sealed to the public key. */
export function sealScan(publicKey: string, plain: Buffer, sha256: string): { data: Buffer; sealed_key: Buffer } {
  const { data, key } = encryptScan(plain, dataAad(sha256));
  return { data, sealed_key: sealTo(publicKey, key, keyAad(sha256)) };
}

/** A scan's own key, with the session's confidential key or a grant to this account; null without either. */
async function scanKey(db: Db, ctx: Pick<ServiceContext, 'session' | 'clock' | 'keys'>, scan: { id: number; sha256: string; sealed_key: Buffer | null }): Promise<Buffer | null> {
  const keys = ctx.keys;
  if (!scan.sealed_key || !keys) return null;
  if (keys.confidentialKey) return openSealed(keys.confidentialKey, scan.sealed_key, keyAad(scan.sha256));
  if (!keys.boxPrivateKey) return null;
  const grants = await db
    .selectFrom('scan_grants')
    .select('sealed_key')
    .where('scan_id', '=', scan.id)
    .where('account_id', '=', ctx.session.accountId)
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .execute();
  for (const g of grants) {
    const key = openSealed(keys.boxPrivateKey, g.sealed_key, keyAad(scan.sha256));
    if (key) return key;
  }
  return null;
}

/** A scan's bytes as they were scanned; a sealed one only for a session that may open it. */
export async function scanBytes(db: Db, ctx: Pick<ServiceContext, 'session' | 'clock' | 'keys'>, scan: { id: number; sha256: string; data: Buffer; sealed_key: Buffer | null }): Promise<Buffer> {
  if (!scan.sealed_key) return Buffer.from(scan.data);
  const key = await scanKey(db, ctx, scan);
  const plain = key ? decryptScan(key, Buffer.from(scan.data), dataAad(scan.sha256)) : null;
  if (!plain) throw new ArchiveError(ctx.session.role === 'general_manager' ? 'CONFIDENTIAL_KEY_MISSING' : 'CONFIDENTIAL_RESTRICTED');
  return plain;
}

/** Scans with their document's and file's levels beside them. */
const scansWithLevels = (db: Db) => db.selectFrom('scans').innerJoin('documents', 'documents.id', 'scans.document_id').innerJoin('files', 'files.id', 'documents.file_id');

/** Documents whose scans are confidential now, by their own level or their file's. */
const confidentialScans = (db: Db) => scansWithLevels(db).where((eb) => eb.or([eb('documents.confidentiality', '=', 'confidential'), eb('files.confidentiality', '=', 'confidential')]));

/** Seals every confidential scan still kept as it was scanned (after raising a level, or an older archive). */
export async function sealPendingScans(db: Db, publicKey: string, where: { fileId?: number; documentId?: number } = {}): Promise<number> {
  let q = confidentialScans(db).select(['scans.id', 'scans.data', 'scans.sha256']).where('scans.sealed_key', 'is', null);
  if (where.fileId) q = q.where('files.id', '=', where.fileId);
  if (where.documentId) q = q.where('documents.id', '=', where.documentId);
  const rows = await q.execute();
  for (const r of rows)
    await db
      .updateTable('scans')
      .set(sealScan(publicKey, Buffer.from(r.data), r.sha256))
      .where('id', '=', r.id)
      .execute();
  return rows.length;
}

/** Opens every sealed scan that is no longer confidential (after a general manager lowered it). */
export async function unsealOrdinaryScans(db: Db, ctx: Pick<ServiceContext, 'session' | 'clock' | 'keys'>, where: { fileId?: number; documentId?: number }): Promise<void> {
  let q = scansWithLevels(db)
    .select(['scans.id', 'scans.data', 'scans.sha256', 'scans.sealed_key'])
    .where('scans.sealed_key', 'is not', null)
    .where('documents.confidentiality', '!=', 'confidential')
    .where('files.confidentiality', '!=', 'confidential');
  if (where.fileId) q = q.where('files.id', '=', where.fileId);
  if (where.documentId) q = q.where('documents.id', '=', where.documentId);
  for (const r of await q.execute()) {
    const plain = await scanBytes(db, ctx, r);
    await db.updateTable('scans').set({ data: plain, sealed_key: null }).where('id', '=', r.id).execute();
    await db.deleteFrom('scan_grants').where('scan_id', '=', r.id).execute();
  }
}

/** Seals each sealed scan's key to a new key pair (the first general manager takes over from the escrow). */
export async function resealScanKeys(db: Db, oldPrivateKey: Buffer, newPublicKey: string): Promise<void> {
  const rows = await db.selectFrom('scans').select(['id', 'sha256', 'sealed_key']).where('sealed_key', 'is not', null).execute();
  for (const r of rows) {
    const key = openSealed(oldPrivateKey, r.sealed_key!, keyAad(r.sha256));
    if (key)
      await db
        .updateTable('scans')
        .set({ sealed_key: sealTo(newPublicKey, key, keyAad(r.sha256)) })
        .where('id', '=', r.id)
        .execute();
  }
}

/**
 * A general manager's approval gives the requester these documents' sealed scans, each scan's
 * key sealed to the requester's own account, until the approval's window ends.
 */
export async function grantScans(
  db: Db,
  confidentialKey: Buffer,
  requester: { accountId: number; boxPublicKey: string | null },
  documentIds: number[],
  expiresAt: string,
  approvalId: number,
): Promise<void> {
  if (documentIds.length === 0) return;
  const rows = await db
    .selectFrom('scans')
    .select(['id', 'sha256', 'sealed_key'])
    .where('sealed_key', 'is not', null)
    .where(sql<boolean>`document_id in (select value from json_each(${JSON.stringify(documentIds)}))`)
    .execute();
  if (rows.length === 0) return;
  if (!requester.boxPublicKey) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
  for (const r of rows) {
    const key = openSealed(confidentialKey, r.sealed_key!, keyAad(r.sha256));
    if (!key) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
    await db
      .insertInto('scan_grants')
      .values({ scan_id: r.id, account_id: requester.accountId, sealed_key: sealTo(requester.boxPublicKey, key, keyAad(r.sha256)), expires_at: expiresAt, approval_id: approvalId })
      .execute();
  }
}

/** True when any of these documents has a sealed scan (an approval then needs the confidential key). */
export async function hasSealedScans(db: Db, documentIds: number[]): Promise<boolean> {
  if (documentIds.length === 0) return false;
  const row = await db
    .selectFrom('scans')
    .select('id')
    .where('sealed_key', 'is not', null)
    .where(sql<boolean>`document_id in (select value from json_each(${JSON.stringify(documentIds)}))`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function dropExpiredGrants(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('scan_grants').where('expires_at', '<=', now.toISOString()).execute();
}
