import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ArchiveDatabase } from '../../db/schema';
import { activeStaffName, insertHandover, moveOwnedCustomers, ownedAmong, setHandoverCount, staffName } from '../../db/queries/owners';
import { ArchiveError } from '../../shared/errors';
import type { handOverCustomersInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';

type Db = Kysely<ArchiveDatabase>;

// 客户负责人 (003 §14 一7-8, 004): every customer may have one responsible person from the staff
// list; when someone leaves, their customers are handed over in one step, recorded customer by
// customer, so nobody leaves still holding customers (003 §14 12).

/** Refuses a responsible person who is not current staff. */
export async function guardOwner(db: Db, ownerId: number | null | undefined): Promise<void> {
  if (ownerId && !(await activeStaffName(db, ownerId))) throw new ArchiveError('OWNER_NOT_ACTIVE');
}

/** Hands over inside the caller's transaction; the number of customers moved. */
export async function handOverIn(trx: Db, ctx: ServiceContext, input: z.output<typeof handOverCustomersInput>): Promise<number> {
  if (input.fromBorrowerId === input.toBorrowerId) throw new ArchiveError('HANDOVER_TO_SELF');
  const fromName = await staffName(trx, input.fromBorrowerId);
  if (fromName === null) throw new ArchiveError('NOT_FOUND');
  const toName = await activeStaffName(trx, input.toBorrowerId);
  if (toName === null) throw new ArchiveError('OWNER_NOT_ACTIVE');
  const ids = input.customerIds ? [...new Set(input.customerIds)] : undefined;
  // Every listed customer must be the giver's: a stale list hands over nothing rather than part.
  if (ids && (await ownedAmong(trx, input.fromBorrowerId, ids)).length !== ids.length) throw new ArchiveError('NOTHING_TO_HAND_OVER', { name: fromName });
  const at = nowIso(ctx);
  const handoverId = await insertHandover(trx, {
    at,
    account_id: ctx.session.accountId,
    from_borrower_id: input.fromBorrowerId,
    to_borrower_id: input.toBorrowerId,
    reason: input.reason,
    customers: 0,
  });
  const moved = await moveOwnedCustomers(trx, handoverId, input.fromBorrowerId, input.toBorrowerId, at, ids);
  if (moved === 0) throw new ArchiveError('NOTHING_TO_HAND_OVER', { name: fromName });
  await setHandoverCount(trx, handoverId, moved);
  await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.handed_over', {
    targetType: 'borrower',
    targetId: String(input.fromBorrowerId),
    details: { toBorrowerId: input.toBorrowerId, toName, customers: moved, reason: input.reason },
  });
  return moved;
}

export async function handOverCustomers(ctx: ServiceContext, input: z.output<typeof handOverCustomersInput>): Promise<{ customers: number }> {
  return { customers: await ctx.db.transaction().execute((trx) => handOverIn(trx, ctx, input)) };
}
