import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// 客户负责人 (003 §14 一7-8, 004): each customer's responsible person is one of the staff on the
// borrowers' list; a hand-over moves them together and keeps which customers went to whom.

/** The staff member's name when they are on the list and have not left, else null. */
export async function activeStaffName(db: Db, borrowerId: number): Promise<string | null> {
  const row = await db.selectFrom('borrowers').select('name').where('id', '=', borrowerId).where('status', '=', 'active').executeTakeFirst();
  return row?.name ?? null;
}

export async function staffName(db: Db, borrowerId: number | null): Promise<string | null> {
  if (borrowerId === null) return null;
  const row = await db.selectFrom('borrowers').select('name').where('id', '=', borrowerId).executeTakeFirst();
  return row?.name ?? null;
}

/** Of these customers, those this staff member is responsible for. */
export async function ownedAmong(db: Db, borrowerId: number, customerIds: number[]): Promise<number[]> {
  const rows = await db.selectFrom('customers').select('id').where('owner_id', '=', borrowerId).where('id', 'in', customerIds).execute();
  return rows.map((r) => r.id);
}

export async function insertHandover(db: Db, values: { at: string; account_id: number; from_borrower_id: number; to_borrower_id: number; reason: string; customers: number }): Promise<number> {
  return (await db.insertInto('customer_handovers').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setHandoverCount(db: Db, handoverId: number, customers: number): Promise<void> {
  await db.updateTable('customer_handovers').set({ customers }).where('id', '=', handoverId).execute();
}

/**
 * Moves the customers (all of the one's when `customerIds` is absent) to the other, recording each
 * under the hand-over first; one statement each, whatever the number.
 */
export async function moveOwnedCustomers(db: Db, handoverId: number, fromId: number, toId: number, at: string, customerIds?: number[]): Promise<number> {
  let owned = db
    .selectFrom('customers')
    .select((eb) => [eb.val(handoverId).as('handover_id'), 'id as customer_id'])
    .where('owner_id', '=', fromId);
  if (customerIds) owned = owned.where('id', 'in', customerIds);
  await db.insertInto('customer_handover_items').columns(['handover_id', 'customer_id']).expression(owned).execute();
  let moved = db.updateTable('customers').set({ owner_id: toId, updated_at: at }).where('owner_id', '=', fromId);
  if (customerIds) moved = moved.where('id', 'in', customerIds);
  return Number((await moved.executeTakeFirst()).numUpdatedRows);
}

/** The hand-overs a customer went through, newest first, with who gave, took and recorded it. */
export function handoversOfCustomer(db: Db, customerId: number) {
  return db
    .selectFrom('customer_handover_items as i')
    .innerJoin('customer_handovers as h', 'h.id', 'i.handover_id')
    .innerJoin('borrowers as f', 'f.id', 'h.from_borrower_id')
    .innerJoin('borrowers as t', 't.id', 'h.to_borrower_id')
    .innerJoin('accounts as a', 'a.id', 'h.account_id')
    .select(['h.at', 'f.name as fromName', 't.name as toName', 'a.display_name as accountName', 'h.reason'])
    .where('i.customer_id', '=', customerId)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}
