import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers, in a fixed order. */
export interface ChainedFields {
  id: number;
  at: string;
  account_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Each entry's hash covers the previous entry's hash and its own fields, so changing, inserting
 * or removing any entry breaks every link after it (a hash chain).
 */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([e.id, e.at, e.account_id, e.action, e.target_type, e.target_id, e.details]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical, 'utf8').digest('hex');
}
