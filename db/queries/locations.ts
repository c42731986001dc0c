import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
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

// ---------------------------------------------------------------- places

/** Renames a room still in use; false when there is no such room. */
export async function updateRoom(db: Db, id: number, values: { name: string; description: string | null }): Promise<boolean> {
  const r = await db.updateTable('rooms').set(values).where('id', '=', id).where('retired_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertRoom(db: Db, values: { name: string; description: string | null }): Promise<number> {
  return (await db.insertInto('rooms').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** A room, cabinet or shelf, with whether it is retired. */
export function placeState(db: Db, table: 'rooms' | 'cabinets' | 'shelves', id: number) {
  return db.selectFrom(table).select(['id', 'retired_at']).where('id', '=', id).executeTakeFirst();
}

export async function updateCabinet(db: Db, id: number, values: { room_id: number; code: string; description: string | null }): Promise<void> {
  await db.updateTable('cabinets').set(values).where('id', '=', id).execute();
}

/** A new cabinet with this many shelves, numbered from 1. */
export async function insertCabinet(db: Db, values: { room_id: number; code: string; description: string | null }, shelves: number): Promise<number> {
  const { id } = await db.insertInto('cabinets').values(values).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('shelves')
    .values(Array.from({ length: shelves }, (_, i) => ({ cabinet_id: id, position: i + 1, label: null })))
    .execute();
  return id;
}

export async function insertShelf(db: Db, values: { cabinet_id: number; position: number; label: string | null }): Promise<void> {
  await db.insertInto('shelves').values(values).execute();
}

export function boxById(db: Db, boxId: number) {
  return db.selectFrom('boxes').selectAll().where('id', '=', boxId).executeTakeFirst();
}

export async function updateBox(db: Db, id: number, values: Updateable<ArchiveDatabase['boxes']>): Promise<void> {
  await db.updateTable('boxes').set(values).where('id', '=', id).execute();
}

export async function insertBox(db: Db, values: Insertable<ArchiveDatabase['boxes']>): Promise<number> {
  return (await db.insertInto('boxes').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** A live box by its code, whatever the case of its letters. */
export async function liveBoxByCode(db: Db, code: string): Promise<number | undefined> {
  const box = await db
    .selectFrom('boxes')
    .select('id')
    .where(sql<string>`code collate nocase`, '=', code)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return box?.id;
}

// ---------------------------------------------------------------- files in places

/** A file with its customer's name and where it is kept. */
export function fileWithHome(db: Db, fileId: number) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .leftJoin('boxes as home', 'home.id', 'files.home_box_id')
    .select(['files.id', 'files.ref_no', 'files.status', 'files.home_box_id', 'files.transferred_at', 'customers.name', 'home.code as homeCode'])
    .where('files.id', '=', fileId)
    .executeTakeFirst();
}

/** A file's moves, newest first, with who made them. */
export function movesOf(db: Db, fileId: number) {
  return db
    .selectFrom('file_moves')
    .leftJoin('accounts', 'accounts.id', 'file_moves.account_id')
    .select(['file_moves.at', 'file_moves.from_box_id', 'file_moves.to_box_id', 'file_moves.reason', 'accounts.display_name'])
    .where('file_id', '=', fileId)
    .orderBy('file_moves.id', 'desc')
    .execute();
}

/** The last completed transfer that took the file to another department. */
export function lastTransferOf(db: Db, fileId: number) {
  return db
    .selectFrom('transfer_items')
    .innerJoin('transfers', 'transfers.id', 'transfer_items.transfer_id')
    .select(['transfers.done_at as at', 'transfers.to_department as toDepartment', 'transfers.transfer_no as transferNo'])
    .where('transfer_items.file_id', '=', fileId)
    .where('transfers.status', '=', 'done')
    .orderBy('transfers.done_at', 'desc')
    .executeTakeFirst();
}

/** The file goes into a box (back into the desk's custody if it had been transferred), and the move is kept. */
export async function putFileInBox(db: Db, move: { fileId: number; fromBoxId: number | null; toBoxId: number; at: string; by: number; reason: string }): Promise<void> {
  await db.updateTable('files').set({ home_box_id: move.toBoxId, transferred_at: null, updated_at: move.at }).where('id', '=', move.fileId).execute();
  await db.insertInto('file_moves').values({ file_id: move.fileId, from_box_id: move.fromBoxId, to_box_id: move.toBoxId, at: move.at, account_id: move.by, reason: move.reason }).execute();
}

/** Departed tenants' files still in an active box, by floor and 档号. */
export function departedFilesInActiveBoxes(db: Db) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .innerJoin('boxes', 'boxes.id', 'files.home_box_id')
    .select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name as name', 'customers.floor as floor', 'customers.building as building', 'boxes.code as fromBox'])
    .where('files.status', '=', 'departed')
    .where('boxes.purpose', '=', 'active')
    .orderBy('customers.floor')
    .orderBy('files.ref_no')
    .execute();
}

/** The file a 档号 (or an old one) names; each variant of the code is tried. */
export async function fileIdByRefNo(db: Db, variants: string[]): Promise<number | undefined> {
  const file = await db.selectFrom('files').select('id').where('ref_no', 'in', variants).executeTakeFirst();
  if (file) return file.id;
  const alias = await db.selectFrom('file_ref_aliases').select('file_id').where('ref_no', 'in', variants).executeTakeFirst();
  return alias?.file_id;
}

/** What a file label shows, in 档号 order. */
export function labelRows(db: Db, fileIds: number[]) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name as name', 'files.unit as unit', 'files.home_box_id as boxId'])
    .where('files.id', 'in', fileIds)
    .orderBy('files.ref_no')
    .execute();
}

/** The labels now carry the customer's current name. */
export async function labelsPrinted(db: Db, fileIds: number[], at: string): Promise<void> {
  await db
    .updateTable('files')
    .set((eb) => ({ label_name: eb.selectFrom('customers').select('customers.name').whereRef('customers.id', '=', 'files.customer_id'), label_printed_at: at }))
    .where('id', 'in', fileIds)
    .execute();
}

/** Every box, retired ones too (an old register may name them). */
export function allBoxes(db: Db) {
  return db.selectFrom('boxes').select(['id', 'code', 'capacity', 'retired_at']).execute();
}
