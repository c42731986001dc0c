import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { ContactKind } from '../../shared/domain';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

export function customerRow(db: Db, customerId: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
}

/** A customer's contacts and emergency contacts, in the order they were entered. */
export function contactsOf(db: Db, customerId: number) {
  return db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', customerId).orderBy('seq').execute();
}

export async function insertContactChange(db: Db, row: { customer_id: number; kind: ContactKind; at: string; account_id: number | null; before: string; after: string }): Promise<void> {
  await db.insertInto('contact_changes').values(row).execute();
}

/** A customer's contact changes, newest first, with who made each. */
export function contactChangesOf(db: Db, customerId: number) {
  return db
    .selectFrom('contact_changes')
    .leftJoin('accounts', 'accounts.id', 'contact_changes.account_id')
    .select(['contact_changes.kind', 'contact_changes.at', 'contact_changes.before', 'contact_changes.after', 'accounts.display_name as accountName'])
    .where('contact_changes.customer_id', '=', customerId)
    .orderBy('contact_changes.id', 'desc')
    .execute();
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

/** A customer of this name (any letter case) with a file for one of these units, other than `exceptId`. */
export function customerWithNameAndUnit(db: Db, name: string, units: string[], exceptId?: number) {
  let q = db
    .selectFrom('customers')
    .leftJoin('files', 'files.customer_id', 'customers.id')
    .select(['customers.id', 'files.unit'])
    .where(sql<string>`customers.name collate nocase`, '=', name)
    .where('files.unit', 'in', units);
  if (exceptId) q = q.where('customers.id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Writes a customer's contacts of one kind in order; `fresh`: a new customer, there are none to replace. */
export async function replaceContacts(db: Db, customerId: number, kind: ContactKind, contacts: { name: string; title?: string | null; phone?: string | null }[], fresh: boolean): Promise<void> {
  if (!fresh) await db.deleteFrom('customer_contacts').where('customer_id', '=', customerId).where('kind', '=', kind).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('customer_contacts')
    .values(contacts.map((c, seq) => ({ customer_id: customerId, kind, seq, name: c.name, title: c.title ?? null, phone: c.phone ?? null })))
    .execute();
}

/** The units the customer has a file for. */
export async function unitsOfCustomer(db: Db, customerId: number): Promise<string[]> {
  return (await db.selectFrom('files').select('unit').where('customer_id', '=', customerId).execute()).map((f) => f.unit);
}

export async function insertFile(db: Db, file: Insertable<ArchiveDatabase['files']>): Promise<void> {
  await db.insertInto('files').values(file).execute();
}

/**
 * Closes the active files (never reopened ones) of one customer, or of every customer who moved
 * out after `since` and by `today`; how many were closed.
 */
export async function closeFilesOfDeparted(db: Db, at: string, who: { customerId: number } | { since: string | undefined; today: string }): Promise<number> {
  const open = db.updateTable('files').set({ status: 'departed', closed_at: at, updated_at: at }).where('status', '=', 'active').where('reopened_at', 'is', null);
  const result =
    'customerId' in who
      ? await open.where('customer_id', '=', who.customerId).executeTakeFirst()
      : await open
          .where('customer_id', 'in', (eb) =>
            eb
              .selectFrom('customers')
              .select('id')
              .where('move_out_date', 'is not', null)
              .where('move_out_date', '<=', who.today)
              .$if(who.since !== undefined, (qb) => qb.where('move_out_date', '>', who.since!)),
          )
          .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function insertCustomer(db: Db, row: Insertable<ArchiveDatabase['customers']>) {
  return db.insertInto('customers').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCustomerRow(db: Db, customerId: number, changes: Updateable<ArchiveDatabase['customers']>) {
  return db.updateTable('customers').set(changes).where('id', '=', customerId).returningAll().executeTakeFirstOrThrow();
}

export async function insertClassificationChanges(db: Db, rows: Insertable<ArchiveDatabase['classification_changes']>[]): Promise<void> {
  await db.insertInto('classification_changes').values(rows).execute();
}

/** How many files the customer has. */
export async function fileCountOf(db: Db, customerId: number): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('customer_id', '=', customerId)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The active files of tenants and owners (of one building, or all), by unit: who the 紧急联系人 sheet lists. */
export function residentFiles(db: Db, building?: string) {
  let q = db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['customers.id', 'customers.name', 'files.unit'])
    .where('files.status', '=', 'active')
    .where('customers.kind', 'in', ['tenant', 'owner']);
  if (building) q = q.where('customers.building', '=', building);
  return q.orderBy('files.unit').execute();
}

/** These customers' emergency contacts, in the order they were entered. */
export async function emergencyContactsOf(db: Db, customerIds: number[]) {
  if (customerIds.length === 0) return [];
  return db.selectFrom('customer_contacts').select(['customer_id', 'name', 'phone']).where('kind', '=', 'emergency').where('customer_id', 'in', customerIds).orderBy('seq').execute();
}

/** The blacklist (危险客户统计表): every blacklisted customer with its files, units and complaints. */
export function blacklistedCustomers(db: Db, building?: string) {
  let q = db
    .selectFrom('customers')
    .select((eb) => [
      'customers.id',
      'customers.name',
      'customers.kind',
      'customers.building',
      'customers.floor',
      'customers.phone',
      'customers.blacklist_reason as reason',
      'customers.blacklisted_at as blacklistedAt',
      eb
        .selectFrom('files')
        .select(sql<string | null>`group_concat(files.ref_no, '、')`.as('refNos'))
        .whereRef('files.customer_id', '=', 'customers.id')
        .as('refNos'),
      eb
        .selectFrom('files')
        .select(sql<string | null>`group_concat(files.unit, '、')`.as('units'))
        .whereRef('files.customer_id', '=', 'customers.id')
        .where('files.unit', 'is not', null)
        .as('units'),
      eb
        .selectFrom('desk_records')
        .innerJoin('files', 'files.id', 'desk_records.file_id')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('files.customer_id', '=', 'customers.id')
        .where('desk_records.kind', '=', 'complaint')
        .as('complaints'),
    ])
    .where('customers.blacklisted', '=', 1);
  if (building) q = q.where('customers.building', '=', building);
  return q.orderBy('customers.blacklisted_at').orderBy('customers.id').execute();
}
