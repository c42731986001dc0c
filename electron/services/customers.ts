import { classificationHistory, contactNamesAndPhones, contactsOf, customerRow, fileIdByRefNos, filesOfCustomer, refAliasesOfFiles } from '../../db/queries/customers';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ArchiveDatabase, CustomerRow, FileRow } from '../../db/schema';
import type { ClassificationChange, Contact, CustomerDetail, DocumentHit, FileHit, FileListRow, FileSummary, Page, SearchResult } from '../../shared/api';
import { propertyKinds, type ContactKind } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import type { ChangeClassificationInput, CustomerFields, ListCustomersInput } from '../../shared/schemas';
import { type z } from 'zod';
import { type listCustomersInput, type registerCustomerInput, type updateCustomerInput, type changeClassificationInput } from '../../shared/schemas';
import { getMeta, setMeta } from '../../db/queries/meta';
import { recordAudit } from './audit';
import { nowIso, today, type ServiceContext } from './context';
import { issueRefNo } from './ref-numbers';
import { refNoVariants } from '../../shared/ref-numbers';
import { customerRowId, matchingRowIds, pinyinKeys, writeIndexRow, type IndexedText } from './search';
import { readSettings } from './settings';

type Db = Kysely<ArchiveDatabase>;
type RegisterInput = z.output<typeof registerCustomerInput>;
type UpdateInput = z.output<typeof updateCustomerInput>;

function checkDates(fields: CustomerFields): void {
  if (fields.moveInDate && fields.moveOutDate && fields.moveOutDate < fields.moveInDate) {
    throw new ArchiveError('DATES_OUT_OF_ORDER', { field: 'moveOutDate' });
  }
}

/** The units a customer's files are kept by: one file per unit for property customers, else one file. */
function fileUnits(fields: CustomerFields): string[] {
  const units = propertyKinds.includes(fields.kind) ? [...new Set(fields.units.map((u) => u.trim()))] : [];
  return units.length ? units : [''];
}

/** Refuses a likely duplicate unless the clerk has confirmed it is another customer. */
async function guardDuplicate(db: Db, input: { name: string; allowDuplicate: boolean }, units: string[], exceptId?: number): Promise<void> {
  if (input.allowDuplicate) return;
  const duplicate = await findDuplicate(db, input.name, units, exceptId);
  if (duplicate) throw new ArchiveError('DUPLICATE_CUSTOMER', { customerId: duplicate.id, name: input.name, unit: duplicate.unit });
}

/** Same name and a shared unit (or both without units) is most likely the same customer entered twice. */
export async function findDuplicate(db: Db, name: string, units: string[], exceptId?: number): Promise<{ id: number; unit: string } | null> {
  let q = db
    .selectFrom('customers')
    .leftJoin('files', 'files.customer_id', 'customers.id')
    .select(['customers.id', 'files.unit'])
    .where(sql<string>`customers.name collate nocase`, '=', name.trim())
    .where('files.unit', 'in', units);
  if (exceptId) q = q.where('customers.id', '!=', exceptId);
  const row = await q.executeTakeFirst();
  return row ? { id: row.id, unit: row.unit ?? '' } : null;
}

function customerColumns(fields: CustomerFields) {
  return {
    kind: fields.kind,
    name: fields.name,
    short_name: fields.shortName ?? null,
    company_nature: fields.companyNature ?? null,
    legal_representative: fields.legalRepresentative ?? null,
    address: fields.address ?? null,
    phone: fields.phone ?? null,
    fax: fields.fax ?? null,
    business_scope: fields.businessScope ?? null,
    staff_count: fields.staffCount ?? null,
    relationship_start: fields.relationshipStart ?? null,
    payment_terms: fields.paymentTerms ?? null,
    credit_grade: fields.creditGrade ?? null,
    notes: fields.notes ?? null,
    building: fields.building ?? null,
    floor: fields.floor ?? null,
    move_in_date: fields.moveInDate ?? null,
    move_out_date: fields.moveOutDate ?? null,
    name_pinyin: pinyinKeys(fields.name).full,
  };
}

async function writeContacts(db: Db, customerId: number, kind: ContactKind, contacts: Contact[], fresh: boolean): Promise<void> {
  if (!fresh) await db.deleteFrom('customer_contacts').where('customer_id', '=', customerId).where('kind', '=', kind).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('customer_contacts')
    .values(contacts.map((c, seq) => ({ customer_id: customerId, kind, seq, name: c.name, title: c.title ?? null, phone: c.phone ?? null })))
    .execute();
}

/** Opens the files a customer lacks (a new customer, or a unit added later), each with a new 档号; returns them. */
async function openMissingFiles(db: Db, ctx: ServiceContext, customer: CustomerRow, units: string[], fresh: boolean): Promise<{ ref_no: string; unit: string }[]> {
  const existing = new Set(fresh ? [] : (await db.selectFrom('files').select('unit').where('customer_id', '=', customer.id).execute()).map((f) => f.unit));
  const opened: { ref_no: string; unit: string }[] = [];
  const settings = await readSettings(db);
  const year = ctx.clock.now().getFullYear();
  const at = nowIso(ctx);
  for (const unit of units) {
    if (existing.has(unit)) continue;
    // A customer registered with units gets no extra unit-less file.
    if (unit === '' && existing.size > 0) continue;
    const { refNo, seq, category, retention } = await issueRefNo(db, settings, customer, year);
    await db
      .insertInto('files')
      .values({
        customer_id: customer.id,
        unit,
        ref_no: refNo,
        category,
        year,
        seq,
        retention,
        status: 'active',
        label_name: customer.name,
        created_at: at,
        updated_at: at,
      })
      .execute();
    opened.push({ ref_no: refNo, unit });
  }
  return opened;
}

/**
 * Files of customers who have moved out by today are closed (退租, 003 §9.6): one customer's when
 * it is saved, or every customer's on the daily pass. The pass looks only at move-out dates that
 * have come since the last pass: an earlier date was acted on by that pass or when it was saved
 * (at 100k customers a full pass read 10k departed customers' files at every sign-in, 200 ms cold).
 */
export async function closeDepartedFiles(db: Db, ctx: { clock: ServiceContext['clock'] }, customer?: Pick<CustomerRow, 'id' | 'move_out_date'>): Promise<number> {
  const open = db
    .updateTable('files')
    .set({ status: 'departed', closed_at: nowIso(ctx), updated_at: nowIso(ctx) })
    .where('status', '=', 'active')
    .where('reopened_at', 'is', null);
  let result;
  if (customer) {
    // One customer, as just saved: its own move-out date (not a pass over every customer; an import saves thousands).
    if (!customer.move_out_date || customer.move_out_date > today(ctx)) return 0;
    result = await open.where('customer_id', '=', customer.id).executeTakeFirst();
  } else {
    const since = await getMeta(db, 'departures_closed_through');
    result = await open
      .where('customer_id', 'in', (eb) =>
        eb
          .selectFrom('customers')
          .select('id')
          .where('move_out_date', 'is not', null)
          .where('move_out_date', '<=', today(ctx))
          .$if(since !== undefined, (qb) => qb.where('move_out_date', '>', since!)),
      )
      .executeTakeFirst();
    if (!since || since < today(ctx)) await setMeta(db, 'departures_closed_through', today(ctx));
  }
  return Number(result.numUpdatedRows);
}

/** A customer's search text: everything a clerk might type to find it. */
function customerIndexText(customer: CustomerRow, files: { ref_no: string; unit: string }[], aliases: string[], contacts: { name: string; phone?: string | null }[]): IndexedText {
  return {
    names: [customer.name, customer.short_name ?? '', ...contacts.map((c) => c.name)],
    other: [...files.flatMap((f) => [f.ref_no, f.unit]), ...aliases, customer.phone ?? '', customer.fax ?? '', customer.legal_representative ?? '', ...contacts.map((c) => c.phone ?? '')],
  };
}

/** Rebuilds one customer's search row from what the archive holds. */
export async function indexCustomer(db: Db, customerId: number): Promise<void> {
  const customer = await customerRow(db, customerId);
  if (!customer) return writeIndexRow(db, customerRowId(customerId), null);
  const files = await filesOfCustomer(db, customerId);
  const aliases = await refAliasesOfFiles(
    db,
    files.map((f) => f.id),
  );
  const contacts = await contactNamesAndPhones(db, customerId);
  await writeIndexRow(
    db,
    customerRowId(customerId),
    customerIndexText(
      customer,
      files,
      aliases.map((a) => a.ref_no),
      contacts,
    ),
  );
}

/**
 * What registering and editing both write after the customer row: contacts, files, departures,
 * search. A new customer (`fresh`) has nothing to replace or read back: what it writes is what it
 * was given (an import registers thousands, so each statement saved counts).
 */
async function saveCustomerParts(trx: Db, ctx: ServiceContext, customer: CustomerRow, input: CustomerFields, units: string[], fresh: boolean): Promise<void> {
  await writeContacts(trx, customer.id, 'contact', input.contacts, fresh);
  await writeContacts(trx, customer.id, 'emergency', input.emergencyContacts, fresh);
  const opened = await openMissingFiles(trx, ctx, customer, units, fresh);
  await closeDepartedFiles(trx, ctx, customer);
  if (fresh) {
    await writeIndexRow(trx, customerRowId(customer.id), customerIndexText(customer, opened, [], [...input.contacts, ...input.emergencyContacts]), true);
  } else {
    await indexCustomer(trx, customer.id);
  }
}

export async function registerCustomer(ctx: ServiceContext, input: RegisterInput): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => loadCustomer(trx, await registerCustomerIn(trx, ctx, input)));
}

/** Registers one customer inside the caller's transaction (an import registers many in one). */
export async function registerCustomerIn(trx: Db, ctx: ServiceContext, input: RegisterInput): Promise<number> {
  checkDates(input);
  const units = fileUnits(input);
  await guardDuplicate(trx, input, units);
  const at = nowIso(ctx);
  const customer = await trx
    .insertInto('customers')
    .values({
      ...customerColumns(input),
      classification: input.classification,
      value_grade: input.valueGrade ?? null,
      special_tags: JSON.stringify(input.specialTags),
      blacklisted: 0,
      last_reviewed_at: at,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await saveCustomerParts(trx, ctx, customer, input, units, true);
  await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.registered', { targetType: 'customer', targetId: String(customer.id) });
  return customer.id;
}

export async function updateCustomer(ctx: ServiceContext, input: UpdateInput): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => loadCustomer(trx, await updateCustomerIn(trx, ctx, input)));
}

/** Updates one customer inside the caller's transaction (an import updates many in one). */
export async function updateCustomerIn(trx: Db, ctx: ServiceContext, input: UpdateInput): Promise<number> {
  checkDates(input);
  const units = fileUnits(input);
  const before = await trx.selectFrom('customers').selectAll().where('id', '=', input.customerId).executeTakeFirst();
  if (!before) throw new ArchiveError('NOT_FOUND');
  await guardDuplicate(trx, input, units, input.customerId);
  const customer = await trx
    .updateTable('customers')
    .set({ ...customerColumns(input), updated_at: nowIso(ctx) })
    .where('id', '=', input.customerId)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Files are never deleted: a unit taken off the customer keeps its file and history.
  await saveCustomerParts(trx, ctx, customer, input, units, false);
  await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.updated', {
    targetType: 'customer',
    targetId: String(customer.id),
    details: { before: customerColumns(rowToFields(before)), after: customerColumns(input) },
  });
  return customer.id;
}

export async function changeClassification(ctx: ServiceContext, input: z.output<typeof changeClassificationInput>): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('customers').selectAll().where('id', '=', input.customerId).executeTakeFirst();
    if (!before) throw new ArchiveError('NOT_FOUND');
    const at = nowIso(ctx);
    const tags = [...new Set(input.specialTags)];
    const changes: { field: ClassificationChange['field']; from: string | null; to: string | null }[] = [];
    if (before.classification !== input.classification) changes.push({ field: 'classification', from: before.classification, to: input.classification });
    if (before.value_grade !== input.valueGrade) changes.push({ field: 'valueGrade', from: before.value_grade, to: input.valueGrade });
    if (before.special_tags !== JSON.stringify(tags)) changes.push({ field: 'specialTags', from: before.special_tags, to: JSON.stringify(tags) });
    const wasBlacklisted = before.blacklisted === 1;
    if (wasBlacklisted !== input.blacklisted) {
      changes.push({ field: 'blacklist', from: wasBlacklisted ? before.blacklist_reason : null, to: input.blacklisted ? (input.blacklistReason ?? '') : null });
    }
    // A review that changes nothing is recorded too: it says the classification was confirmed.
    if (changes.length === 0) changes.push({ field: 'review', from: before.classification, to: input.classification });
    await trx
      .updateTable('customers')
      .set({
        classification: input.classification,
        value_grade: input.valueGrade,
        special_tags: JSON.stringify(tags),
        blacklisted: input.blacklisted ? 1 : 0,
        blacklist_reason: input.blacklisted ? (input.blacklistReason ?? null) : null,
        blacklisted_at: input.blacklisted ? (wasBlacklisted ? before.blacklisted_at : at) : null,
        last_reviewed_at: at,
        updated_at: at,
      })
      .where('id', '=', input.customerId)
      .execute();
    await trx
      .insertInto('classification_changes')
      .values(changes.map((c) => ({ customer_id: input.customerId, at, account_id: ctx.session.accountId, field: c.field, from_value: c.from, to_value: c.to, reason: input.reason })))
      .execute();
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.classified', { targetType: 'customer', targetId: String(input.customerId), details: { changes, reason: input.reason } });
    return loadCustomer(trx, input.customerId);
  });
}

function rowToFields(row: CustomerRow): CustomerFields {
  return {
    kind: row.kind,
    name: row.name,
    shortName: row.short_name ?? undefined,
    companyNature: (row.company_nature ?? undefined) as CustomerFields['companyNature'],
    legalRepresentative: row.legal_representative ?? undefined,
    address: row.address ?? undefined,
    phone: row.phone ?? undefined,
    fax: row.fax ?? undefined,
    businessScope: row.business_scope ?? undefined,
    staffCount: row.staff_count ?? undefined,
    relationshipStart: row.relationship_start ?? undefined,
    paymentTerms: row.payment_terms ?? undefined,
    creditGrade: row.credit_grade ?? undefined,
    notes: row.notes ?? undefined,
    building: row.building ?? undefined,
    floor: row.floor ?? undefined,
    units: [],
    moveInDate: row.move_in_date ?? undefined,
    moveOutDate: row.move_out_date ?? undefined,
    contacts: [],
    emergencyContacts: [],
  };
}

export function toFileSummary(file: FileRow, customerName: string): FileSummary {
  return {
    id: file.id,
    refNo: file.ref_no,
    unit: file.unit,
    category: file.category,
    year: file.year,
    retention: file.retention,
    status: file.status,
    labelName: file.label_name,
    labelPrintedAt: file.label_printed_at,
    labelOutOfDate: file.label_name !== customerName,
    flag: file.flag_note ? { note: file.flag_note, at: file.flagged_at ?? '' } : null,
    transferredAt: file.transferred_at,
    createdAt: file.created_at,
  };
}

/** A customer as the desk shows it; every view is recorded (003 §15: every access recorded). */
export async function viewCustomer(ctx: ServiceContext, customerId: number): Promise<CustomerDetail> {
  const customer = await loadCustomer(ctx.db, customerId);
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'customer.viewed', { targetType: 'customer', targetId: String(customerId) });
  return customer;
}

export async function loadCustomer(db: Db, customerId: number): Promise<CustomerDetail> {
  const row = await customerRow(db, customerId);
  if (!row) throw new ArchiveError('NOT_FOUND');
  const contacts = await contactsOf(db, customerId);
  const files = await filesOfCustomer(db, customerId);
  const history = await classificationHistory(db, customerId);
  const toContact = (c: (typeof contacts)[number]): Contact => ({ name: c.name, ...(c.title ? { title: c.title } : {}), ...(c.phone ? { phone: c.phone } : {}) });
  const fields = rowToFields(row);
  return {
    ...fields,
    id: row.id,
    units: files.map((f) => f.unit).filter(Boolean),
    contacts: contacts.filter((c) => c.kind === 'contact').map(toContact),
    emergencyContacts: contacts.filter((c) => c.kind === 'emergency').map(toContact),
    classification: row.classification,
    valueGrade: row.value_grade,
    specialTags: JSON.parse(row.special_tags) as string[],
    blacklisted: row.blacklisted === 1,
    blacklistReason: row.blacklist_reason,
    blacklistedAt: row.blacklisted_at,
    lastReviewedAt: row.last_reviewed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    files: files.map((f) => toFileSummary(f, row.name)),
    classificationHistory: history.map((h) => ({
      at: h.at,
      accountName: h.display_name,
      field: h.field as ClassificationChange['field'],
      from: h.from_value,
      to: h.to_value,
      reason: h.reason,
    })),
  };
}

/**
 * Each sort is a total order whose leading columns an index serves, so a page of 50 is read in
 * index order instead of sorting every file (name: pinyin order, as Chinese lists are kept).
 */
const sortOrders = {
  // (customer, unit) is unique, so these are total orders; files.id would force a full sort (77 ms vs 1.3 ms at 100k).
  name: ['customers.name_pinyin', 'customers.id', 'files.unit'],
  refNo: ['files.ref_no'],
  unit: ['files.unit', 'files.id'],
  createdAt: ['files.created_at', 'files.id'],
  kind: ['customers.kind', 'customers.name_pinyin', 'customers.id', 'files.unit'],
} as const;

function fileListQuery(db: Db, filters: Omit<z.output<typeof listCustomersInput>, 'page' | 'pageSize' | 'sortBy' | 'sortOrder'>) {
  let q = db.selectFrom('files').innerJoin('customers', 'customers.id', 'files.customer_id');
  if (filters.kind) q = q.where('customers.kind', '=', filters.kind);
  if (filters.classification) q = q.where('customers.classification', '=', filters.classification);
  if (filters.valueGrade) q = q.where('customers.value_grade', '=', filters.valueGrade);
  if (filters.status) q = q.where('files.status', '=', filters.status);
  if (filters.building) q = q.where('customers.building', '=', filters.building);
  if (filters.floor) q = q.where('customers.floor', '=', filters.floor);
  if (filters.blacklisted !== undefined) q = q.where('customers.blacklisted', '=', filters.blacklisted ? 1 : 0);
  const match = filters.query ? matchingRowIds(filters.query) : null;
  if (filters.query && !match) return null;
  if (match) q = q.where(sql<boolean>`customers.id in (select m.id / 2 from (${match}) m where m.id % 2 = 0)`);
  return q;
}

const listColumns = [
  'files.id as fileId',
  'files.ref_no as refNo',
  'files.unit as unit',
  'files.status as status',
  'files.label_name as labelName',
  'customers.id as customerId',
  'customers.name as name',
  'customers.short_name as shortName',
  'customers.kind as kind',
  'customers.building as building',
  'customers.floor as floor',
  'customers.phone as phone',
  'customers.classification as classification',
  'customers.value_grade as valueGrade',
  'customers.blacklisted as blacklisted',
] as const;

type ListDbRow = Omit<FileListRow, 'labelOutOfDate' | 'blacklisted'> & { labelName: string; blacklisted: number };

/** Field by field (no rest/spread copies): every list page and search builds dozens of these. */
export function toListRow(r: ListDbRow): FileListRow {
  return {
    fileId: r.fileId,
    refNo: r.refNo,
    customerId: r.customerId,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind,
    unit: r.unit,
    building: r.building,
    floor: r.floor,
    phone: r.phone,
    classification: r.classification,
    valueGrade: r.valueGrade,
    blacklisted: r.blacklisted === 1,
    status: r.status,
    labelOutOfDate: r.labelName !== r.name,
  };
}

export async function listFiles(db: Db, input: z.output<typeof listCustomersInput>): Promise<Page<FileListRow>> {
  const base = fileListQuery(db, input);
  if (!base) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize };
  // Without a filter on the customer, counting the files alone avoids a join over every row.
  const customerFilter = input.query || input.kind || input.classification || input.valueGrade || input.building || input.floor || input.blacklisted !== undefined;
  const counted = customerFilter
    ? base.select((eb) => eb.fn.countAll<number>().as('total'))
    : db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .$if(!!input.status, (q) => q.where('status', '=', input.status!));
  const [{ total }] = (await counted.execute()) as [{ total: number }];
  let query = base.select([...listColumns]);
  for (const column of sortOrders[input.sortBy]) query = query.orderBy(column, input.sortOrder);
  const rows = await query
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows: rows.map((r) => toListRow(r as ListDbRow)), total: Number(total), page: input.page, pageSize: input.pageSize };
}

/** Every file row matching the filters, for export (no paging). */
export async function allFiles(db: Db, input: Omit<z.output<typeof listCustomersInput>, 'page' | 'pageSize'>): Promise<FileListRow[]> {
  const base = fileListQuery(db, input);
  if (!base) return [];
  let query = base.select([...listColumns]);
  for (const column of sortOrders[input.sortBy]) query = query.orderBy(column, input.sortOrder);
  const rows = await query.execute();
  return rows.map((r) => toListRow(r as ListDbRow));
}

/**
 * Every filtered file with all of its customer's fields and first contact and emergency contact:
 * the export a clerk edits and imports back (matched by 档号). Read in 档号 order, no row limit.
 */
export async function allFilesForExport(db: Db, input: Omit<z.output<typeof listCustomersInput>, 'page' | 'pageSize'>) {
  const base = fileListQuery(db, input);
  if (!base) return [];
  const first = (kind: ContactKind, column: 'name' | 'title' | 'phone') =>
    sql<string | null>`(select c.${sql.raw(column)} from customer_contacts c where c.customer_id = customers.id and c.kind = ${kind} order by c.seq limit 1)`;
  let query = base.select([
    'files.ref_no as refNo',
    'files.unit as unit',
    'files.status as status',
    'customers.kind',
    'customers.name',
    'customers.short_name as shortName',
    'customers.company_nature as companyNature',
    'customers.legal_representative as legalRepresentative',
    'customers.address',
    'customers.phone',
    'customers.fax',
    'customers.business_scope as businessScope',
    'customers.staff_count as staffCount',
    'customers.relationship_start as relationshipStart',
    'customers.payment_terms as paymentTerms',
    'customers.credit_grade as creditGrade',
    'customers.notes',
    'customers.building',
    'customers.floor',
    'customers.move_in_date as moveInDate',
    'customers.move_out_date as moveOutDate',
    'customers.classification',
    'customers.value_grade as valueGrade',
    first('contact', 'name').as('contactName'),
    first('contact', 'title').as('contactTitle'),
    first('contact', 'phone').as('contactPhone'),
    first('emergency', 'name').as('emergencyName'),
    first('emergency', 'phone').as('emergencyPhone'),
  ]);
  for (const column of sortOrders[input.sortBy]) query = query.orderBy(column, input.sortOrder);
  return query.execute();
}

/** The file a 档号 names (as printed, or as a scanner types it with "." for "·"), with its customer. */
export async function fileByRefNo(db: Db, refNo: string): Promise<{ fileId: number; customerId: number } | null> {
  return (await fileIdByRefNos(db, refNoVariants(refNo))) ?? null;
}

/** Customers whose classification was not reviewed for N months (001 §12-17). */
/**
 * Active files of customers not reviewed for N months (never reviewed first, then oldest). Read
 * from the review-date index outwards (CROSS JOIN keeps that order; SQLite's planner would walk
 * every active file instead: 210 ms against 19 ms cold at 100k files). A never-reviewed customer
 * (no date) is its own index range, since NULL is not "< cutoff".
 */
function dueForReview(db: Db, cutoff: string, never: boolean) {
  return db
    .selectFrom('customers')
    .crossJoin('files')
    .whereRef('files.customer_id', '=', 'customers.id')
    .where('files.status', '=', 'active')
    .where('customers.last_reviewed_at', never ? 'is' : '<', never ? null : cutoff);
}

async function reviewCutoff(ctx: ServiceContext, months?: number): Promise<string> {
  const cutoff = new Date(ctx.clock.now());
  cutoff.setMonth(cutoff.getMonth() - (months ?? (await readSettings(ctx.db)).reviewMonths));
  return cutoff.toISOString();
}

export async function listDueForReview(ctx: ServiceContext, months?: number, limit = 500): Promise<FileListRow[]> {
  const cutoff = await reviewCutoff(ctx, months);
  const rows: ListDbRow[] = [];
  for (const never of [true, false]) {
    if (rows.length >= limit) break;
    const page = await dueForReview(ctx.db, cutoff, never)
      .select([...listColumns])
      .orderBy('customers.last_reviewed_at')
      .orderBy('files.ref_no')
      .limit(limit - rows.length)
      .execute();
    rows.push(...(page as ListDbRow[]));
  }
  return rows.map(toListRow);
}

/** How many files are due for review, all of them (the list stops at its limit). */
export async function countDueForReview(ctx: ServiceContext, months?: number): Promise<number> {
  const cutoff = await reviewCutoff(ctx, months);
  let total = 0;
  for (const never of [true, false]) {
    const row = await dueForReview(ctx.db, cutoff, never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

const SEARCH_CANDIDATES = 1000;

/**
 * A list of ids as one parameter. `in (?, ?, …)` would make a new statement text for every count
 * (up to 1,000 candidates), each compiled and prepared anew; this one is prepared once.
 */
const idList = (ids: number[]) => sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;

const listColumnsSql = sql.raw(listColumns.join(', '));

/**
 * The files a search lists, best first (the exact name, then pinyin order), each with the old
 * 档号 that matched. Written as SQL, not built: a search is a few tenths of a millisecond of
 * SQLite, and building and compiling this statement with the query builder took ~50 µs more each
 * time (the desk's hottest path; the bench compares it with the bare SQL).
 */
async function searchFiles(db: Db, q: string, which: RawBuilder<unknown>, limit: number): Promise<FileHit[]> {
  const { rows } = await sql<ListDbRow & { matchedAlias: string | null }>`
    select ${listColumnsSql},
      (select a.ref_no from file_ref_aliases a where a.file_id = files.id and instr(a.ref_no, ${q}) > 0 limit 1) as matchedAlias
    from files join customers on customers.id = files.customer_id
    where ${which}
    order by case when customers.name = ${q} then 0 else 1 end, customers.name_pinyin, files.unit
    limit ${limit}`.execute(db);
  return rows.map((r) => {
    const hit: FileHit = toListRow(r);
    if (r.matchedAlias) hit.matchedAlias = r.matchedAlias;
    return hit;
  });
}

/**
 * The one search box: files by anything about their customer (name, short name, pinyin, unit,
 * 档号 or an old 档号, phone, contact), and documents by title. A scanned or typed 档号 is found
 * by its index directly; otherwise the index is read once for a bounded set of candidates, so a
 * broad query ("0001", "w") costs no more than a narrow one. Each step is one statement.
 */
export async function searchArchive(db: Db, query: string, limit: number, includeConfidential = true): Promise<SearchResult> {
  const q = query.trim();
  // Every 档号 has digits in it (year, sequence): a query without any is not one.
  if (/\d/.test(q)) {
    const byRef = await searchFiles(db, q, sql`files.id in (select id from files where ref_no = ${q} union select file_id from file_ref_aliases where ref_no = ${q})`, limit);
    if (byRef.length > 0) return { files: byRef, documents: [] };
  }
  const match = matchingRowIds(q);
  if (!match) return { files: [], documents: [] };
  // Candidates from the index, and a customer of exactly this name even beyond them.
  const ids = (await sql<{ id: number }>`select id from (select id from (${match}) limit ${SEARCH_CANDIDATES}) union select id * 2 from customers where name = ${q}`.execute(db)).rows.map((r) => r.id);
  const customerIds = ids.filter((id) => id % 2 === 0).map((id) => id / 2);
  const documentIds = ids.filter((id) => id % 2 === 1).map((id) => (id - 1) / 2);
  const files = customerIds.length ? await searchFiles(db, q, sql`customers.id in ${idList(customerIds)}`, limit) : [];
  const documents = documentIds.length
    ? (
        await sql<DocumentHit>`
          select documents.id as documentId, documents.file_id as fileId, files.ref_no as refNo, customers.name as customerName,
            documents.title as title, documents.doc_date as docDate, documents.category as category
          from documents join files on files.id = documents.file_id join customers on customers.id = files.customer_id
          where documents.id in ${idList(documentIds)}
          -- A confidential title is itself confidential: found only by those who may read it.
          ${includeConfidential ? sql`` : sql`and documents.confidentiality != 'confidential' and files.confidentiality != 'confidential'`}
          order by documents.doc_date desc
          limit ${limit}`.execute(db)
      ).rows
    : [];
  return { files, documents };
}

export type { ListCustomersInput, ChangeClassificationInput };
