import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

export function customerRow(db: Db, customerId: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
}

/** A customer's contacts and emergency contacts, in the order they were entered. */
export function contactsOf(db: Db, customerId: number) {
  return db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', customerId).orderBy('seq').execute();
}

/** The names and phones of a customer's contacts, as they were written (what the search row holds). */
export function contactNamesAndPhones(db: Db, customerId: number) {
  return db.selectFrom('customer_contacts').select(['name', 'phone']).where('customer_id', '=', customerId).execute();
}

/** A customer's files (one per unit), in the order they were opened. */
export function filesOfCustomer(db: Db, customerId: number) {
  return db.selectFrom('files').selectAll().where('customer_id', '=', customerId).orderBy('id').execute();
}

/** The old 档号 of these files (each still finds its file). */
export async function refAliasesOfFiles(db: Db, fileIds: number[]) {
  if (fileIds.length === 0) return [];
  return db.selectFrom('file_ref_aliases').select('ref_no').where('file_id', 'in', fileIds).execute();
}

/** Every change of a customer's classification, value grade, tags or blacklist, newest first, with who made it. */
export function classificationHistory(db: Db, customerId: number) {
  return db
    .selectFrom('classification_changes')
    .leftJoin('accounts', 'accounts.id', 'classification_changes.account_id')
    .select([
      'classification_changes.at',
      'classification_changes.field',
      'classification_changes.from_value',
      'classification_changes.to_value',
      'classification_changes.reason',
      'accounts.display_name',
    ])
    .where('customer_id', '=', customerId)
    .orderBy('classification_changes.id', 'desc')
    .execute();
}

/** The file one of these spellings of a 档号 names, with its customer. */
export function fileIdByRefNos(db: Db, refNos: string[]) {
  return db.selectFrom('files').select(['id as fileId', 'customer_id as customerId']).where('ref_no', 'in', refNos).executeTakeFirst();
}
