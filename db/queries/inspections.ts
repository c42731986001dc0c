import type { Kysely } from 'kysely';
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
