import type { Kysely } from 'kysely';
import { entryHash, GENESIS_HASH } from '../audit-chain';
import type { ArchiveDatabase } from '../schema';
import { targetNamed } from './audit-targets';

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

/** When the last audit entry was made. */
export async function lastAuditAt(db: Kysely<ArchiveDatabase>): Promise<string | null> {
  return (await db.selectFrom('audit_log').select('at').orderBy('id', 'desc').limit(1).executeTakeFirst())?.at ?? null;
}

// ---------------------------------------------------------------- reading the log

export interface AuditFilter {
  /** From this instant (UTC), and before the other. */
  from?: string;
  to?: string;
  accountId?: number;
  /** Actions starting with this (e.g. "loan."). */
  actionPrefix?: string;
  /** Only these actions (a group's). */
  actions?: string[];
  /** Part of the details, a target's id or name, a person's name, or an action's name (the actions it names). */
  text?: { text: string; actions: string[] };
}

function filtered(db: Kysely<ArchiveDatabase>, f: AuditFilter) {
  let q = db.selectFrom('audit_log').leftJoin('accounts', 'accounts.id', 'audit_log.account_id');
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', f.to);
  if (f.accountId) q = q.where('audit_log.account_id', '=', f.accountId);
  if (f.actionPrefix) q = q.where('audit_log.action', 'like', `${f.actionPrefix}%`);
  if (f.actions) q = q.where('audit_log.action', 'in', f.actions);
  if (f.text) {
    const { text, actions } = f.text;
    const like = `%${text}%`;
    q = q.where((eb) =>
      eb.or([
        eb('audit_log.details', 'like', like),
        eb('audit_log.target_id', '=', text),
        eb('accounts.display_name', 'like', like),
        ...(actions.length ? [eb('audit_log.action', 'in', actions)] : []),
        targetNamed(text),
      ]),
    );
  }
  return q;
}

const columns = [
  'audit_log.id as id',
  'audit_log.at as at',
  'audit_log.account_id as accountId',
  'accounts.display_name as accountName',
  'audit_log.action as action',
  'audit_log.target_type as targetType',
  'audit_log.target_id as targetId',
  'audit_log.details as details',
] as const;

export async function countAuditEntries(db: Kysely<ArchiveDatabase>, f: AuditFilter): Promise<number> {
  const [{ total }] = (await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute()) as [{ total: number }];
  return Number(total);
}

/** One page of the entries the filter picks, newest first. */
export function auditEntries(db: Kysely<ArchiveDatabase>, f: AuditFilter, page: { size: number; number: number }) {
  return filtered(db, f)
    .select([...columns])
    .orderBy('audit_log.id', 'desc')
    .limit(page.size)
    .offset((page.number - 1) * page.size)
    .execute();
}

/** Every entry the filter picks with its link hash, oldest first (the export). */
export function auditEntriesWithHashes(db: Kysely<ArchiveDatabase>, f: AuditFilter) {
  return filtered(db, f)
    .select([...columns, 'audit_log.hash as hash'])
    .orderBy('audit_log.id')
    .execute();
}
