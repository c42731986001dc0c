import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';
import type { FileReviewState } from '../../shared/domain';

type Db = Kysely<ArchiveDatabase>;

// New files (003 §3 1, §15 4.2 c): under review by the direct superior, returned for correction,
// or not yet in a box (003 §9.2). The counts read the partial indexes of migration 0022.

export type NewFileState = 'pending' | 'returned' | 'unboxed';

function filesIn(db: Db, state: NewFileState) {
  const q = db.selectFrom('files').innerJoin('customers', 'customers.id', 'files.customer_id');
  return state === 'unboxed' ? q.where('files.home_box_id', 'is', null).where('files.status', '=', 'active') : q.where('files.review_state', '=', state);
}

export async function countNewFiles(db: Db): Promise<Record<NewFileState, number>> {
  const count = async (state: NewFileState) =>
    Number(
      (
        await filesIn(db, state)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { pending: await count('pending'), returned: await count('returned'), unboxed: await count('unboxed') };
}

/** One page of the files in a state, newest first, with who opened and who reviewed them. */
export async function newFilesPage(db: Db, state: NewFileState, page: number, pageSize: number) {
  const rows = await filesIn(db, state)
    .leftJoin('accounts as opener', 'opener.id', 'files.opened_by')
    .leftJoin('accounts as reviewer', 'reviewer.id', 'files.reviewed_by')
    .select([
      'files.id as fileId',
      'files.ref_no as refNo',
      'files.unit',
      'files.created_at as createdAt',
      'files.review_state as reviewState',
      'files.review_note as reviewNote',
      'files.reviewed_at as reviewedAt',
      'customers.id as customerId',
      'customers.name',
      'customers.kind',
      'customers.building',
      'customers.floor',
      'customers.first_contact_on as firstContactOn',
      'opener.display_name as openedBy',
      'reviewer.display_name as reviewedBy',
    ])
    .orderBy('files.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return rows;
}

/** The files of a customer in a review state. */
export async function filesInReview(db: Db, customerId: number, state: FileReviewState) {
  return db.selectFrom('files').select(['id', 'ref_no']).where('customer_id', '=', customerId).where('review_state', '=', state).orderBy('id').execute();
}

/** Moves a customer's files from one review state to another; how many moved. */
export async function setReviewState(
  db: Db,
  customerId: number,
  from: FileReviewState,
  to: { review_state: FileReviewState; review_note?: string | null; reviewed_by?: number | null; reviewed_at?: string | null },
): Promise<number> {
  const r = await db.updateTable('files').set(to).where('customer_id', '=', customerId).where('review_state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Whether a customer's file review is already waiting for a decision. */
export async function reviewPending(db: Db, customerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('approvals')
    .select('id')
    .where('kind', '=', 'file_review')
    .where('target_type', '=', 'customer')
    .where('target_id', '=', customerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}
