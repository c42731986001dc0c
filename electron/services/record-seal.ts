import type { Kysely } from 'kysely';
import { sealedRecordKeys, storeRecordKey } from '../../db/queries/records';
import type { ArchiveDatabase } from '../../db/schema';
import { decryptScan, encryptScan, openSealed, sealTo } from '../../db/sealing';
import type { RecordFields } from '../../shared/record-kinds';
import { resealScanKey } from './confidential-scans';

type Db = Kysely<ArchiveDatabase>;

// A confidential record's fields are kept like a confidential scan: encrypted under their own key,
// that key sealed to the confidential key pair, so only a general manager's session opens them,
// on screen or in the archive file. Each version is sealed with its record number and version
// bound in, so a sealed version cannot be passed off as another record's.

const dataAad = (recordNo: string, version: number) => `archive-desk-record:${recordNo}:v${version}`;
const keyAad = (recordNo: string, version: number) => `archive-desk-record-key:${recordNo}:v${version}`;

export interface SealedFields {
  sealed: Buffer;
  sealedKey: Buffer;
}

export function sealFields(publicKey: string, recordNo: string, version: number, fields: RecordFields): SealedFields {
  const { data, key } = encryptScan(Buffer.from(JSON.stringify(fields), 'utf8'), dataAad(recordNo, version));
  return { sealed: data, sealedKey: sealTo(publicKey, key, keyAad(recordNo, version)) };
}

/** The fields of a sealed version, or null when this key does not open them. */
export function openFields(confidentialKey: Buffer | null | undefined, recordNo: string, version: number, sealed: Buffer, sealedKey: Buffer): RecordFields | null {
  if (!confidentialKey) return null;
  const key = openSealed(confidentialKey, sealedKey, keyAad(recordNo, version));
  const plain = key ? decryptScan(key, Buffer.from(sealed), dataAad(recordNo, version)) : null;
  return plain ? (JSON.parse(plain.toString('utf8')) as RecordFields) : null;
}

/** Every sealed record key sealed again to a new key pair (the first general manager takes over from the escrow). */
export async function resealRecordKeys(db: Db, oldPrivateKey: Buffer, newPublicKey: string): Promise<void> {
  const [records, revisions, scans] = await sealedRecordKeys(db);
  for (const [table, rows] of [
    ['desk_records', records],
    ['desk_record_revisions', revisions],
  ] as const) {
    for (const r of rows) {
      const key = openSealed(oldPrivateKey, r.sealed_key!, keyAad(r.record_no, r.version));
      if (key) await storeRecordKey(db, table, r.id, sealTo(newPublicKey, key, keyAad(r.record_no, r.version)));
    }
  }
  for (const s of scans) {
    const resealed = resealScanKey(oldPrivateKey, newPublicKey, { sha256: s.sha256, sealed_key: s.sealed_key! });
    if (resealed) await storeRecordKey(db, 'desk_record_scans', s.id, resealed);
  }
}
