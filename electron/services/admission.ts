import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import { accountById } from '../../db/queries/accounts';
import { blacklistMatch, phoneDigits } from '../../db/queries/blacklist';
import type { CustomerAdmission } from '../../shared/api';
import type { CustomerKind } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { nowIso, type ServiceContext } from './context';
import { readSettings } from './settings';

type Db = Kysely<ArchiveDatabase>;

// The way in (004 四.1 d): a name, phone or licence number on the blacklist is registered again
// only once the clerk has seen whose it is and why it was listed; a sales customer is taken on
// after the admission criteria of 设置 are checked, each one, by the clerk registering it.

type Identity = { name: string; phone?: string | null; licenceNo?: string | null };

/** The blacklisted customer this one shares a name, phone or licence number with, in words for the warning. */
export async function blacklistHit(db: Db, who: Identity, exceptId?: number): Promise<{ customerId: number; name: string; value: string; reason: string } | null> {
  const hit = await blacklistMatch(db, who, exceptId);
  if (!hit) return null;
  const sameLicence = !!who.licenceNo && hit.licenceNo?.trim().toLowerCase() === who.licenceNo.trim().toLowerCase();
  const samePhone = !!who.phone && !!hit.phone && phoneDigits(hit.phone) === phoneDigits(who.phone);
  const value = sameLicence ? who.licenceNo! : samePhone ? who.phone! : who.name;
  return { customerId: hit.id, name: hit.name, value, reason: hit.reason ?? '' };
}

/**
 * Refuses, until confirmed, a customer who matches the blacklist; returns the match's name for the
 * audit entry of a confirmed one. An edit is checked only when one of the three changed.
 */
export async function guardBlacklist(db: Db, who: Identity & { allowBlacklisted?: boolean }, before?: Identity & { id: number }): Promise<string | null> {
  if (before && before.name === who.name && (before.phone ?? null) === (who.phone ?? null) && (before.licenceNo ?? null) === (who.licenceNo ?? null)) return null;
  const hit = await blacklistHit(db, who, before?.id);
  if (!hit) return null;
  if (!who.allowBlacklisted) throw new ArchiveError('BLACKLIST_MATCH', hit);
  return hit.name;
}

/**
 * The admission record (JSON) of a customer becoming a sales customer, or null when none is due:
 * every criterion in 设置 must be among the checks. A sheet import records none (the desk took
 * those customers on before the archive); `checks` given for another kind are kept too.
 */
export async function admissionRecord(ctx: ServiceContext, db: Db, kind: CustomerKind, checks: string[] | undefined, becomingSales: boolean): Promise<string | null> {
  if (checks === undefined && !(kind === 'sales' && becomingSales)) return null;
  const criteria = (await readSettings(db)).customerLists.admission;
  const given = new Set(checks ?? []);
  const missing = criteria.filter((c) => !given.has(c));
  if (kind === 'sales' && missing.length) throw new ArchiveError('ADMISSION_INCOMPLETE', { missing: missing.join('、') });
  const confirmed = criteria.filter((c) => given.has(c));
  return JSON.stringify({ at: nowIso(ctx), accountId: ctx.session.accountId, checks: confirmed });
}

export async function readAdmission(db: Db, json: string | null): Promise<CustomerAdmission | null> {
  if (!json) return null;
  const a = JSON.parse(json) as { at: string; accountId: number; checks: string[] };
  return { at: a.at, accountName: (await accountById(db, a.accountId))?.display_name ?? null, checks: a.checks };
}
