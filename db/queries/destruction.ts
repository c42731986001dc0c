import { sql, type Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

/**
 * Files that may be due for appraisal (not destroyed, not permanent), each with the figures the
 * register needs: its last document's date, its pages and scans. Whether its period has ended is
 * the service's rule (retention).
 */
export function appraisalCandidates(db: Db, fileIds?: number[]) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select([
      'files.id as fileId',
      'files.ref_no as refNo',
      'files.unit',
      'files.year',
      'files.retention',
      'files.created_at as createdAt',
      'files.legal_hold as legalHold',
      'customers.name',
      'customers.kind',
      'customers.move_out_date as moveOutDate',
      (eb) =>
        eb
          .selectFrom('documents')
          .select((e) => e.fn.max('doc_date').as('d'))
          .whereRef('documents.file_id', '=', 'files.id')
          .as('lastDocument'),
      (eb) =>
        eb
          .selectFrom('documents')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('pages'), sql<number>`0`).as('p'))
          .whereRef('documents.file_id', '=', 'files.id')
          .as('pages'),
      (eb) =>
        eb
          .selectFrom('scans')
          .innerJoin('documents', 'documents.id', 'scans.document_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('documents.file_id', '=', 'files.id')
          .as('scans'),
    ])
    .where('files.status', '!=', 'destroyed')
    .where('files.retention', '!=', 'permanent')
    .$if(!!fileIds, (q) => q.where('files.id', 'in', fileIds!))
    .execute();
}

/** A destruction register with who drew it up. */
export function registerById(db: Db, id: number) {
  return db
    .selectFrom('destruction_registers')
    .leftJoin('accounts', 'accounts.id', 'destruction_registers.created_by')
    .selectAll('destruction_registers')
    .select('accounts.display_name as createdByName')
    .where('destruction_registers.id', '=', id)
    .executeTakeFirst();
}

/** A register's files in their order on it. */
export function registerItems(db: Db, id: number) {
  return db.selectFrom('destruction_items').selectAll().where('register_id', '=', id).orderBy('seq').execute();
}

/** The decision on a register's approval, with who made it. */
export function registerApproval(db: Db, approvalId: number) {
  return db
    .selectFrom('approvals')
    .leftJoin('accounts', 'accounts.id', 'approvals.decided_by')
    .select(['approvals.status', 'approvals.decided_at', 'accounts.display_name'])
    .where('approvals.id', '=', approvalId)
    .executeTakeFirst();
}

/** Every register, newest first. */
export function registerIds(db: Db) {
  return db.selectFrom('destruction_registers').select('id').orderBy('id', 'desc').execute();
}
