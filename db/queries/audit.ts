import type { Kysely } from 'kysely';
import type { ArchiveDatabase, AuditEntry } from '../schema';

export interface AuditRecord {
  at: string;
  accountId: number | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: Kysely<ArchiveDatabase>, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: record.at,
      account_id: record.accountId,
      action: record.action,
      target_type: record.targetType ?? null,
      target_id: record.targetId ?? null,
      details: record.details ? JSON.stringify(record.details) : null,
    })
    .execute();
}

export async function listAudit(db: Kysely<ArchiveDatabase>, limit = 100): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
