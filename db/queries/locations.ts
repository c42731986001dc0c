import { sql, type Kysely } from 'kysely';
import type { LocationPath } from '../../shared/api';
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

// ---------------------------------------------------------------- places

/** The rooms, cabinets, shelves and boxes in use (not retired), each in the order the desk shows them. */
export async function liveStorage(db: Db) {
  const rooms = await db.selectFrom('rooms').selectAll().where('retired_at', 'is', null).orderBy('name').execute();
  const cabinets = await db.selectFrom('cabinets').selectAll().where('retired_at', 'is', null).orderBy('code').execute();
  const shelves = await db.selectFrom('shelves').selectAll().where('retired_at', 'is', null).orderBy('position').execute();
  const boxes = await db.selectFrom('boxes').selectAll('boxes').where('retired_at', 'is', null).orderBy('position').execute();
  return { rooms, cabinets, shelves, boxes };
}

/** Whether a cabinet's or box's code is already used (codes compare without case) by another than `exceptId`. */
export async function codeTaken(db: Db, table: 'cabinets' | 'boxes', code: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom(table)
    .select('id')
    .where(sql<string>`code collate nocase`, '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The highest position among a cabinet's shelves or a shelf's boxes (0 when there are none). */
export async function lastPosition(db: Db, table: 'shelves' | 'boxes', parentId: number): Promise<number> {
  const row =
    table === 'shelves'
      ? await db
          .selectFrom('shelves')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('cabinet_id', '=', parentId)
          .executeTakeFirst()
      : await db
          .selectFrom('boxes')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('shelf_id', '=', parentId)
          .executeTakeFirst();
  return Number(row?.p ?? 0);
}

export interface Place {
  kind: 'room' | 'cabinet' | 'shelf' | 'box';
  id: number;
}

/** Every box in a place (the box itself, a shelf's, a cabinet's, a room's). */
export async function boxesUnder(db: Db, place: Place): Promise<number[]> {
  let q = db.selectFrom('boxes').innerJoin('shelves', 'shelves.id', 'boxes.shelf_id').innerJoin('cabinets', 'cabinets.id', 'shelves.cabinet_id').select('boxes.id');
  if (place.kind === 'box') q = q.where('boxes.id', '=', place.id);
  if (place.kind === 'shelf') q = q.where('shelves.id', '=', place.id);
  if (place.kind === 'cabinet') q = q.where('cabinets.id', '=', place.id);
  if (place.kind === 'room') q = q.where('cabinets.room_id', '=', place.id);
  return (await q.execute()).map((r) => r.id);
}

/** Marks a place retired at `at`; false when it is not there or already retired. */
export async function retirePlace(db: Db, place: Place, at: string): Promise<boolean> {
  const table = ({ room: 'rooms', cabinet: 'cabinets', shelf: 'shelves', box: 'boxes' } as const)[place.kind];
  const r = await db.updateTable(table).set({ retired_at: at }).where('id', '=', place.id).where('retired_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

function pathQuery(db: Db) {
  return db
    .selectFrom('boxes')
    .innerJoin('shelves', 'shelves.id', 'boxes.shelf_id')
    .innerJoin('cabinets', 'cabinets.id', 'shelves.cabinet_id')
    .innerJoin('rooms', 'rooms.id', 'cabinets.room_id')
    .select(['boxes.id as boxId', 'boxes.code as boxCode', 'shelves.position as shelfPosition', 'cabinets.code as cabinetCode', 'rooms.name as roomName']);
}

/** Where a box is: its room, cabinet and shelf. */
export async function pathOf(db: Db, boxId: number): Promise<LocationPath | null> {
  return (await pathQuery(db).where('boxes.id', '=', boxId).executeTakeFirst()) ?? null;
}

/** The paths of many boxes in one query. */
export async function pathsOf(db: Db, boxIds: number[]): Promise<Map<number, LocationPath>> {
  const ids = [...new Set(boxIds)];
  if (ids.length === 0) return new Map();
  const rows = await pathQuery(db).where('boxes.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.boxId, r]));
}
