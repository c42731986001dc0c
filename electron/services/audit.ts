import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/queries/audit';
import type { ArchiveDatabase } from '../../db/schema';
import type { Clock } from './clock';

/** Records who did what and when. The accounts issue turns this log into a hash chain. */
export async function recordAudit(
  db: Kysely<ArchiveDatabase>,
  clock: Clock,
  accountId: number | null,
  action: string,
  target: { targetType?: string; targetId?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await appendAudit(db, { at: clock.now().toISOString(), accountId, action, ...target });
}
