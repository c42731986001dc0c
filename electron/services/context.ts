import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import type { Session } from '../../shared/api';
import type { Clock } from './clock';
import type { ScanKeys } from './confidential-scans';
import { localDate } from '../../shared/dates';

/** What a domain service gets for one call: the open archive, the clock and who is asking. */
export interface ServiceContext {
  db: Kysely<ArchiveDatabase>;
  clock: Clock;
  session: Session;
  /** The archive's folder, where anchors of the audit chain are kept beside it. */
  archiveDir?: string;
  /** The session's keys for confidential scans (absent in tests that build a context by hand). */
  keys?: ScanKeys;
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}

/** Today as YYYY-MM-DD in the desk's local time zone (dates on paper are local dates). */
export function today(ctx: { clock: Clock }): string {
  return localDate(ctx.clock.now());
}

export { localDate } from '../../shared/dates';
