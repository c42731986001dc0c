import type { Insertable, Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

/** The boxes an inspection covers: every box in use in its cabinets, shelf by shelf. */
export async function inspectedBoxes(db: Db, inspectionId: number) {
  return db
    .selectFrom('inspection_cabinets')
    .innerJoin('cabinets', 'cabinets.id', 'inspection_cabinets.cabinet_id')
    .innerJoin('shelves', 'shelves.cabinet_id', 'cabinets.id')
    .innerJoin('boxes', 'boxes.shelf_id', 'shelves.id')
    .select(['boxes.id as boxId', 'boxes.code', 'cabinets.code as cabinetCode', 'shelves.position as shelfPosition'])
    .where('inspection_cabinets.inspection_id', '=', inspectionId)
    .where('boxes.retired_at', 'is', null)
    .where('shelves.retired_at', 'is', null)
    .orderBy('cabinets.code')
    .orderBy('shelves.position')
    .orderBy('boxes.position')
    .execute();
}

/** What was scanned in each box of an inspection, with the file each code named (if any) and that file's home. */
export function inspectionScans(db: Db, inspectionId: number) {
  return db
    .selectFrom('inspection_scans')
    .leftJoin('files', 'files.id', 'inspection_scans.file_id')
    .leftJoin('customers', 'customers.id', 'files.customer_id')
    .select(['inspection_scans.box_id as boxId', 'inspection_scans.code', 'inspection_scans.file_id as fileId', 'files.ref_no as refNo', 'customers.name as name', 'files.home_box_id as homeBoxId'])
    .where('inspection_scans.inspection_id', '=', inspectionId)
    .orderBy('inspection_scans.id')
    .execute();
}

/** The boxes the clerk marked as checked through. */
export async function checkedBoxIds(db: Db, inspectionId: number): Promise<Set<number>> {
  return new Set((await db.selectFrom('inspection_boxes').select('box_id').where('inspection_id', '=', inspectionId).execute()).map((r) => r.box_id));
}

/** The documents an inspection recorded as missing from their file. */
export function documentFlags(db: Db, inspectionId: number) {
  return db
    .selectFrom('inspection_document_flags')
    .innerJoin('documents', 'documents.id', 'inspection_document_flags.document_id')
    .innerJoin('files', 'files.id', 'documents.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select([
      'files.id as fileId',
      'files.ref_no as refNo',
      'customers.name as name',
      'files.home_box_id as boxId',
      'documents.title',
      'documents.doc_date',
      'documents.confidentiality as docLevel',
      'files.confidentiality as fileLevel',
      'inspection_document_flags.note',
    ])
    .where('inspection_document_flags.inspection_id', '=', inspectionId)
    .orderBy('inspection_document_flags.id')
    .execute();
}

/** Every inspection (or the one asked for), newest first, with who started and finished it. */
export function inspectionRows(db: Db, id?: number) {
  let q = db
    .selectFrom('inspections')
    .leftJoin('accounts as starter', 'starter.id', 'inspections.started_by')
    .leftJoin('accounts as finisher', 'finisher.id', 'inspections.finished_by')
    .select([
      'inspections.id',
      'inspections.status',
      'inspections.started_at as startedAt',
      'starter.display_name as startedBy',
      'inspections.finished_at as finishedAt',
      'finisher.display_name as finishedBy',
      'inspections.note',
    ]);
  if (id) q = q.where('inspections.id', '=', id);
  return q.orderBy('inspections.id', 'desc').execute();
}

/** The codes of the cabinets each of these inspections covers. */
export function inspectedCabinetCodes(db: Db, ids: number[]) {
  return db
    .selectFrom('inspection_cabinets')
    .innerJoin('cabinets', 'cabinets.id', 'inspection_cabinets.cabinet_id')
    .select(['inspection_cabinets.inspection_id as id', 'cabinets.code'])
    .where('inspection_cabinets.inspection_id', 'in', ids)
    .orderBy('cabinets.code')
    .execute();
}

/** How many findings of each kind each of these (finished) inspections froze. */
export function findingCounts(db: Db, ids: number[]) {
  return db
    .selectFrom('inspection_findings')
    .select(['inspection_id as id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('inspection_id', 'in', ids)
    .groupBy(['inspection_id', 'kind'])
    .execute();
}

/** What a finished inspection found, as it was frozen when it was finished. */
export function frozenFindings(db: Db, inspectionId: number) {
  return db
    .selectFrom('inspection_findings')
    .select(['kind', 'file_id as fileId', 'code', 'ref_no as refNo', 'name', 'expected_box as expectedBox', 'found_box as foundBox', 'detail'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('id')
    .execute();
}

export async function inspectionStatus(db: Db, inspectionId: number) {
  return (await db.selectFrom('inspections').select('status').where('id', '=', inspectionId).executeTakeFirst())?.status;
}

export function cabinetsByIds(db: Db, ids: number[]) {
  return db.selectFrom('cabinets').select(['id', 'retired_at']).where('id', 'in', ids).execute();
}

/** An open inspection that covers one of these cabinets, if any. */
export async function openInspectionOf(db: Db, cabinetIds: number[]): Promise<number | undefined> {
  const open = await db
    .selectFrom('inspection_cabinets')
    .innerJoin('inspections', 'inspections.id', 'inspection_cabinets.inspection_id')
    .select('inspections.id')
    .where('inspections.status', '=', 'open')
    .where('inspection_cabinets.cabinet_id', 'in', cabinetIds)
    .executeTakeFirst();
  return open?.id;
}

/** A new open inspection of these cabinets; its id. */
export async function insertInspection(db: Db, row: { started_at: string; started_by: number }, cabinetIds: number[]): Promise<number> {
  const { id } = await db
    .insertInto('inspections')
    .values({ ...row, status: 'open' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inspection_cabinets')
    .values(cabinetIds.map((cabinet_id) => ({ inspection_id: id, cabinet_id })))
    .execute();
  return id;
}

/** A scanned file's 档号, customer and home box. */
export function scannedFile(db: Db, fileId: number) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.ref_no', 'customers.name', 'files.home_box_id'])
    .where('files.id', '=', fileId)
    .executeTakeFirst();
}

/** Whether this file (or, for an unknown code, this code) was already scanned in the box. */
export async function alreadyScanned(db: Db, inspectionId: number, boxId: number, what: { fileId: number } | { code: string }): Promise<boolean> {
  let q = db.selectFrom('inspection_scans').select('id').where('inspection_id', '=', inspectionId).where('box_id', '=', boxId);
  q = 'fileId' in what ? q.where('file_id', '=', what.fileId) : q.where('code', '=', what.code);
  return !!(await q.executeTakeFirst());
}

export async function insertInspectionScan(db: Db, row: Insertable<ArchiveDatabase['inspection_scans']>): Promise<void> {
  await db.insertInto('inspection_scans').values(row).execute();
}

export async function deleteInspectionScan(db: Db, inspectionId: number, boxId: number, code: string): Promise<void> {
  await db.deleteFrom('inspection_scans').where('inspection_id', '=', inspectionId).where('box_id', '=', boxId).where('code', '=', code).execute();
}

/** The box is checked (a second tick changes nothing), or (`checked` null) not checked any more. */
export async function setBoxChecked(db: Db, inspectionId: number, boxId: number, checked: { at: string; by: number } | null): Promise<void> {
  if (checked) {
    await db
      .insertInto('inspection_boxes')
      .values({ inspection_id: inspectionId, box_id: boxId, checked_at: checked.at, checked_by: checked.by })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('inspection_boxes').where('inspection_id', '=', inspectionId).where('box_id', '=', boxId).execute();
  }
}

export function documentForFlag(db: Db, documentId: number) {
  return db.selectFrom('documents').select(['id', 'file_id', 'title', 'doc_date']).where('id', '=', documentId).executeTakeFirst();
}

export async function insertDocumentFlag(db: Db, row: Insertable<ArchiveDatabase['inspection_document_flags']>): Promise<void> {
  await db.insertInto('inspection_document_flags').values(row).execute();
}

/** Finishes an open inspection; false when it was not open any more. */
export async function markFinished(db: Db, inspectionId: number, done: { at: string; by: number; note: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('inspections')
    .set({ status: 'finished', finished_at: done.at, finished_by: done.by, note: done.note })
    .where('id', '=', inspectionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertFindings(db: Db, rows: Insertable<ArchiveDatabase['inspection_findings']>[]): Promise<void> {
  if (rows.length) await db.insertInto('inspection_findings').values(rows).execute();
}

/** Each live cabinet with when its last finished inspection ended (UTC), in code order. */
export function cabinetsWithLastInspection(db: Db) {
  return db
    .selectFrom('cabinets')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('inspection_cabinets')
          .innerJoin('inspections', 'inspections.id', 'inspection_cabinets.inspection_id')
          .select(['inspection_cabinets.cabinet_id', (e) => e.fn.max('inspections.finished_at').as('last')])
          .where('inspections.status', '=', 'finished')
          .groupBy('inspection_cabinets.cabinet_id')
          .as('done'),
      (join) => join.onRef('done.cabinet_id', '=', 'cabinets.id'),
    )
    .select(['cabinets.id as cabinetId', 'cabinets.code', 'cabinets.description', 'done.last as lastInspectedAt'])
    .where('cabinets.retired_at', 'is', null)
    .orderBy('cabinets.code')
    .execute();
}
