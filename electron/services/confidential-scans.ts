import type { Kysely } from 'kysely';
import { anySealed, deleteExpiredGrants, dropGrantsOf, insertGrant, liveGrants, sealedKeys, sealedOrdinaryScans, storeScanBytes, unsealedConfidentialScans } from '../../db/queries/scan-seals';
import { forgetScanText, setScanTextState } from '../../db/queries/scan-text';
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

/** A sealed scan's bytes opened with the confidential key itself (a record's scan: no grants apply); null if it does not open. */
export function openWithConfidentialKey(confidentialKey: Buffer, scan: { sha256: string; data: Buffer; sealed_key: Buffer }): Buffer | null {
  const key = openSealed(confidentialKey, scan.sealed_key, keyAad(scan.sha256));
  return key ? decryptScan(key, Buffer.from(scan.data), dataAad(scan.sha256)) : null;
}

/** A sealed scan's key sealed again, to a new key pair; null if the old key does not open it. */
export function resealScanKey(oldPrivateKey: Buffer, newPublicKey: string, scan: { sha256: string; sealed_key: Buffer }): Buffer | null {
  const key = openSealed(oldPrivateKey, scan.sealed_key, keyAad(scan.sha256));
  return key ? sealTo(newPublicKey, key, keyAad(scan.sha256)) : null;
}

/** A scan's own key, with the session's confidential key or a grant to this account; null without either. */
async function scanKey(db: Db, ctx: Pick<ServiceContext, 'session' | 'clock' | 'keys'>, scan: { id: number; sha256: string; sealed_key: Buffer | null }): Promise<Buffer | null> {
  const keys = ctx.keys;
  if (!scan.sealed_key || !keys) return null;
  if (keys.confidentialKey) return openSealed(keys.confidentialKey, scan.sealed_key, keyAad(scan.sha256));
  if (!keys.boxPrivateKey) return null;
  const grants = await liveGrants(db, scan.id, ctx.session.accountId, ctx.clock.now().toISOString());
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

/** Seals every confidential scan still kept as it was scanned (after raising a level, or an older archive). */
export async function sealPendingScans(db: Db, publicKey: string, where: { fileId?: number; documentId?: number } = {}): Promise<number> {
  const rows = await unsealedConfidentialScans(db, where);
  for (const r of rows) {
    await storeScanBytes(db, r.id, sealScan(publicKey, Buffer.from(r.data), r.sha256));
    // Its text would sit beside it in the clear: forgotten, and not read again while it is sealed.
    await forgetScanText(db, r.id, 'withheld');
  }
  return rows.length;
}

/** Opens every sealed scan that is no longer confidential (after a general manager lowered it). */
export async function unsealOrdinaryScans(db: Db, ctx: Pick<ServiceContext, 'session' | 'clock' | 'keys'>, where: { fileId?: number; documentId?: number }): Promise<void> {
  for (const r of await sealedOrdinaryScans(db, where)) {
    const plain = await scanBytes(db, ctx, r);
    await storeScanBytes(db, r.id, { data: plain, sealed_key: null });
    await dropGrantsOf(db, r.id);
    // Ordinary again: its text is read at the next run of the reader.
    await setScanTextState(db, r.id, null);
  }
}

/** Seals each sealed scan's key to a new key pair (the first general manager takes over from the escrow). */
export async function resealScanKeys(db: Db, oldPrivateKey: Buffer, newPublicKey: string): Promise<void> {
  for (const r of await sealedKeys(db)) {
    const key = openSealed(oldPrivateKey, r.sealed_key, keyAad(r.sha256));
    if (key) await storeScanBytes(db, r.id, { sealed_key: sealTo(newPublicKey, key, keyAad(r.sha256)) });
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
  const rows = await sealedKeys(db, documentIds);
  if (rows.length === 0) return;
  if (!requester.boxPublicKey) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
  for (const r of rows) {
    const key = openSealed(confidentialKey, r.sealed_key, keyAad(r.sha256));
    if (!key) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
    await insertGrant(db, { scan_id: r.id, account_id: requester.accountId, sealed_key: sealTo(requester.boxPublicKey, key, keyAad(r.sha256)), expires_at: expiresAt, approval_id: approvalId });
  }
}

/** True when any of these documents has a sealed scan (an approval then needs the confidential key). */
export async function hasSealedScans(db: Db, documentIds: number[]): Promise<boolean> {
  if (documentIds.length === 0) return false;
  return anySealed(db, documentIds);
}

export async function dropExpiredGrants(db: Db, now: Date): Promise<void> {
  await deleteExpiredGrants(db, now.toISOString());
}
