import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// Files at a place: a file is in the box that is its home, unless it was destroyed (a destroyed
// file's row stays for the record, in no box). Every count and list of what a box, a cabinet or
// a room holds starts here.

/** The files whose home is one of these boxes, with what a list of them shows, in 档号 order. */
export function filesInBoxes(db: Db, boxIds: number[]) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name as name', 'files.unit as unit', 'files.home_box_id as boxId', 'files.status as status', 'files.flag_note as flag'])
    .where('files.home_box_id', 'in', boxIds.length ? boxIds : [-1])
    .where('files.status', '!=', 'destroyed')
    .orderBy('files.ref_no')
    .execute();
}

/** How many files are in these boxes together (what makes a place "in use"). */
export async function countFilesIn(db: Db, boxIds: number[]): Promise<number> {
  if (boxIds.length === 0) return 0;
  const row = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('home_box_id', 'in', boxIds)
    .where('status', '!=', 'destroyed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many files each box holds, for every box that holds any (one grouped pass over the index). */
export async function fileCountsByBox(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('files')
    .select(['home_box_id as boxId', (e) => e.fn.countAll<number>().as('n')])
    .where('home_box_id', 'is not', null)
    .where('status', '!=', 'destroyed')
    .groupBy('home_box_id')
    .execute();
  return new Map(rows.map((r) => [r.boxId!, Number(r.n)]));
}

/** How many of each box's files are out on loan now. */
export async function outCountsByBox(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('loan_items')
    .innerJoin('files', 'files.id', 'loan_items.file_id')
    .select(['files.home_box_id as boxId', (e) => e.fn.countAll<number>().as('n')])
    .where('loan_items.state', '=', 'out')
    .where('files.home_box_id', 'is not', null)
    .groupBy('files.home_box_id')
    .execute();
  return new Map(rows.map((r) => [r.boxId!, Number(r.n)]));
}
