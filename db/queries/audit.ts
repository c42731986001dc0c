import type { Kysely } from 'kysely';
import { entryHash, GENESIS_HASH } from '../audit-chain';
import type { ArchiveDatabase } from '../schema';

export interface AuditRecord {
  at: string;
  accountId: number | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the chain. Runs inside the caller's transaction, so an entry is written
 * exactly when the change it records is; outside one it opens its own, because reading the last
 * link and writing the next must not interleave with another call's append (two screens asking
 * at once, say).
 */
export async function appendAudit(db: Kysely<ArchiveDatabase>, record: AuditRecord): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, record));
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: record.at,
    account_id: record.accountId,
    action: record.action,
    target_type: record.targetType ?? null,
    target_id: record.targetId ?? null,
    details: record.details ? JSON.stringify(record.details) : null,
  };
  const prev = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prev, hash: entryHash(prev, fields) })
    .execute();
}

export interface ChainBreak {
  id: number;
  at: string;
}

/** Recomputes the chain in id order; the first entry whose link does not hold, or null. */
export async function verifyAuditChain(db: Kysely<ArchiveDatabase>): Promise<{ checked: number; firstBroken: ChainBreak | null }> {
  let prev = GENESIS_HASH;
  let expectedId: number | null = null;
  let checked = 0;
  const pageSize = 5000;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      // A removed entry shows as a gap in the ids as well as a broken link.
      const gap = expectedId !== null && row.id !== expectedId;
      if (gap || row.prev_hash !== prev || row.hash !== entryHash(prev, row)) return { checked, firstBroken: { id: row.id, at: row.at } };
      prev = row.hash!;
      expectedId = row.id + 1;
      checked++;
    }
    after = rows.at(-1)!.id;
  }
  return { checked, firstBroken: null };
}

/** The newest link of the chain: what an anchor outside the archive records. */
export async function auditHead(db: Kysely<ArchiveDatabase>): Promise<{ id: number; hash: string } | null> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.hash ? { id: last.id, hash: last.hash } : null;
}

export async function auditHashAt(db: Kysely<ArchiveDatabase>, id: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', id).executeTakeFirst();
  return row?.hash ?? null;
}
