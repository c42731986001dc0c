import {
  classificationHistory,
  closeFilesOfDeparted,
  contactNamesAndPhones,
  contactsOf,
  contactChangesOf,
  insertContactChange,
  customerRow,
  customerWithNameAndUnit,
  fileIdByRefNos,
  filesOfCustomer,
  insertClassificationChanges,
  insertCustomer,
  insertFile,
  refAliasesOfFiles,
  replaceContacts,
  unitsOfCustomer,
  updateCustomerRow,
} from '../../db/queries/customers';
import {
  countDueForReview as countDueInRange,
  countFiles,
  documentHits,
  dueForReview,
  fileRows,
  fileRowsForExport,
  filesByExactRefNo,
  filesOfCustomers,
  searchCandidates,
  type ListDbRow,
} from '../../db/queries/file-list';
import type { Kysely, RawBuilder } from 'kysely';
import type { ArchiveDatabase, CustomerRow, FileRow } from '../../db/schema';
import type { ClassificationChange, Contact, CustomerDetail, FileHit, FileListRow, FileSummary, Page, PageHit, SearchResult } from '../../shared/api';
import { propertyKinds } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import type { ChangeClassificationInput, CustomerFields, ListCustomersInput } from '../../shared/schemas';
import { type z } from 'zod';
import { type listCustomersInput, type registerCustomerInput, type updateCustomerInput, type changeClassificationInput } from '../../shared/schemas';
import { getMeta, setMeta } from '../../db/queries/meta';
import { recordAudit } from './audit';
import { guardOwner } from './owners';
import { admissionRecord, guardBlacklist, readAdmission } from './admission';
import { handoversOfCustomer, staffName } from '../../db/queries/owners';
import { nowIso, today, type ServiceContext } from './context';
import { issueRefNo } from './ref-numbers';
import { refNoVariants } from '../../shared/ref-numbers';
import { customerRowId, matchingRowIds, pageSnippet, pageTextQuery, pinyinKeys, writeIndexRow, type IndexedText } from './search';
import { pagesMatching } from '../../db/queries/scan-text';
import { readSettings } from './settings';
import { accountById } from '../../db/queries/accounts';
import { daysOpenedLate, requestFileReview } from './new-files';

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
  const row = await customerWithNameAndUnit(db, name.trim(), units, exceptId);
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
    industry: fields.industry ?? null,
    restaurant: (fields.restaurant ?? fields.industry === '餐饮') ? 1 : 0,
    owner_id: fields.ownerId ?? null,
    region: fields.region ?? null,
    website: fields.website ?? null,
    licence_no: fields.licenceNo ?? null,
    licence_expiry: fields.licenceExpiry ?? null,
    deposit_fen: fields.deposit === undefined ? null : Math.round(fields.deposit * 100),
    notes: fields.notes ?? null,
    building: fields.building ?? null,
    floor: fields.floor ?? null,
    move_in_date: fields.moveInDate ?? null,
    move_out_date: fields.moveOutDate ?? null,
    name_pinyin: pinyinKeys(fields.name).full,
  };
}

/** Opens the files a customer lacks (a new customer, or a unit added later), each with a new 档号; returns them. */
/**
 * Opens a file for each unit that has none. A file opened at the desk waits for its review when
 * 设置 asks for one; one taken over from a sheet (going live from paper) was reviewed on paper.
 */
async function openMissingFiles(db: Db, ctx: ServiceContext, customer: CustomerRow, units: string[], fresh: boolean, fromSheet: boolean): Promise<{ ref_no: string; unit: string }[]> {
  const existing = new Set(fresh ? [] : await unitsOfCustomer(db, customer.id));
  const opened: { ref_no: string; unit: string }[] = [];
  const settings = await readSettings(db);
  const year = ctx.clock.now().getFullYear();
  const at = nowIso(ctx);
  for (const unit of units) {
    if (existing.has(unit)) continue;
    // A customer registered with units gets no extra unit-less file.
    if (unit === '' && existing.size > 0) continue;
    const { refNo, seq, category, retention } = await issueRefNo(db, settings, customer, year);
    await insertFile(db, {
      customer_id: customer.id,
      unit,
      ref_no: refNo,
      category,
      year,
      seq,
      retention,
      status: 'active',
      label_name: customer.name,
      opened_by: ctx.session.accountId,
      review_state: settings.newFiles.review && !fromSheet ? 'pending' : 'approved',
      created_at: at,
      updated_at: at,
    });
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
  if (customer) {
    // One customer, as just saved: its own move-out date (not a pass over every customer; an import saves thousands).
    if (!customer.move_out_date || customer.move_out_date > today(ctx)) return 0;
    return closeFilesOfDeparted(db, nowIso(ctx), { customerId: customer.id });
  }
  const since = await getMeta(db, 'departures_closed_through');
  const closed = await closeFilesOfDeparted(db, nowIso(ctx), { since, today: today(ctx) });
  if (!since || since < today(ctx)) await setMeta(db, 'departures_closed_through', today(ctx));
  return closed;
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
async function saveCustomerParts(trx: Db, ctx: ServiceContext, customer: CustomerRow, input: CustomerFields, units: string[], fresh: boolean, fromSheet: boolean): Promise<void> {
  await replaceContacts(trx, customer.id, 'contact', input.contacts, fresh);
  await replaceContacts(trx, customer.id, 'emergency', input.emergencyContacts, fresh);
  const opened = await openMissingFiles(trx, ctx, customer, units, fresh, fromSheet);
  await closeDepartedFiles(trx, ctx, customer);
  if (fresh) {
    await writeIndexRow(trx, customerRowId(customer.id), customerIndexText(customer, opened, [], [...input.contacts, ...input.emergencyContacts]), true);
  } else {
    await indexCustomer(trx, customer.id);
  }
}

/**
 * 002 ch.3 维护 3: a change to the contacts or the emergency contacts is kept, the list before and
 * after, with who and when (a sheet import that changes them too); an edit that leaves them is not.
 */
async function keepContactChanges(
  trx: Db,
  ctx: ServiceContext,
  customerId: number,
  before: { kind: string; name: string; title: string | null; phone: string | null }[],
  input: CustomerFields,
): Promise<void> {
  const plain = (list: { name: string; title?: string | null; phone?: string | null }[]) => JSON.stringify(list.map((c) => ({ name: c.name, title: c.title ?? null, phone: c.phone ?? null })));
  for (const [kind, now] of [
    ['contact', input.contacts],
    ['emergency', input.emergencyContacts],
  ] as const) {
    const was = plain(before.filter((c) => c.kind === kind));
    const is = plain(now);
    if (was !== is) await insertContactChange(trx, { customer_id: customerId, kind, at: nowIso(ctx), account_id: ctx.session.accountId, before: was, after: is });
  }
}

export async function registerCustomer(ctx: ServiceContext, input: RegisterInput): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => loadCustomer(trx, await registerCustomerIn(trx, ctx, input)));
}

/** Registers one customer inside the caller's transaction (an import registers many in one). */
export async function registerCustomerIn(trx: Db, ctx: ServiceContext, input: RegisterInput, opts: { fromSheet?: boolean } = {}): Promise<number> {
  checkDates(input);
  const units = fileUnits(input);
  await guardDuplicate(trx, input, units);
  await guardOwner(trx, input.ownerId);
  const blacklistMatch = await guardBlacklist(trx, input);
  const admission = opts.fromSheet ? null : await admissionRecord(ctx, trx, input.kind, input.admissionChecks, true);
  const at = nowIso(ctx);
  // 首次接触: the day the customer came, today unless the clerk says otherwise (a sheet may leave it out).
  const firstContactOn = input.firstContactOn ?? (opts.fromSheet ? null : today(ctx));
  if (firstContactOn && firstContactOn > today(ctx)) throw new ArchiveError('CONTACT_DATE_IN_FUTURE');
  const customer = await insertCustomer(trx, {
    ...customerColumns(input),
    classification: input.classification,
    value_grade: input.valueGrade ?? null,
    special_tags: JSON.stringify(input.specialTags),
    blacklisted: 0,
    admission,
    first_contact_on: firstContactOn,
    last_reviewed_at: at,
    created_at: at,
    updated_at: at,
  });
  await saveCustomerParts(trx, ctx, customer, input, units, true, opts.fromSheet === true);
  await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.registered', {
    targetType: 'customer',
    targetId: String(customer.id),
    details: { firstContactOn, openedLateDays: daysOpenedLate(firstContactOn, at, (await readSettings(trx)).newFiles.openWithinDays), ...(blacklistMatch ? { blacklistMatch } : {}) },
  });
  if (admission)
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.admitted', { targetType: 'customer', targetId: String(customer.id), details: { checks: JSON.parse(admission).checks } });
  // A file opened at the desk goes to the direct superior for review (nothing is asked when none waits).
  if (!opts.fromSheet) await requestFileReview(trx, ctx, customer.id);
  return customer.id;
}

export async function updateCustomer(ctx: ServiceContext, input: UpdateInput): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => loadCustomer(trx, await updateCustomerIn(trx, ctx, input)));
}

/** Updates one customer inside the caller's transaction (an import updates many in one). */
export async function updateCustomerIn(trx: Db, ctx: ServiceContext, input: UpdateInput, opts: { fromSheet?: boolean } = {}): Promise<number> {
  checkDates(input);
  const units = fileUnits(input);
  const before = await customerRow(trx, input.customerId);
  if (!before) throw new ArchiveError('NOT_FOUND');
  await guardDuplicate(trx, input, units, input.customerId);
  // A sheet without the flag keeps the one set by hand, unless the industry changed.
  if (input.restaurant === undefined && (input.industry ?? null) === before.industry) input = { ...input, restaurant: before.restaurant === 1 };
  if (input.ownerId === undefined) input = { ...input, ownerId: before.owner_id };
  else if (input.ownerId !== before.owner_id) await guardOwner(trx, input.ownerId);
  const blacklistMatch = await guardBlacklist(trx, input, { id: before.id, name: before.name, phone: before.phone, licenceNo: before.licence_no });
  // Becoming a sales customer (a potential one taken on) asks for the admission check.
  const admission = opts.fromSheet ? null : await admissionRecord(ctx, trx, input.kind, input.admissionChecks, before.kind !== 'sales');
  const contactsBefore = await contactsOf(trx, input.customerId);
  const customer = await updateCustomerRow(trx, input.customerId, { ...customerColumns(input), ...(admission ? { admission } : {}), updated_at: nowIso(ctx) });
  await keepContactChanges(trx, ctx, input.customerId, contactsBefore, input);
  // Files are never deleted: a unit taken off the customer keeps its file and history.
  await saveCustomerParts(trx, ctx, customer, input, units, false, opts.fromSheet === true);
  await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.updated', {
    targetType: 'customer',
    targetId: String(customer.id),
    details: { before: customerColumns(rowToFields(before)), after: customerColumns(input), ...(blacklistMatch ? { blacklistMatch } : {}) },
  });
  if (admission)
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.admitted', { targetType: 'customer', targetId: String(customer.id), details: { checks: JSON.parse(admission).checks } });
  // A file opened at the desk goes to the direct superior for review (nothing is asked when none waits).
  if (!opts.fromSheet) await requestFileReview(trx, ctx, customer.id);
  return customer.id;
}

export async function changeClassification(ctx: ServiceContext, input: z.output<typeof changeClassificationInput>): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await customerRow(trx, input.customerId);
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
    await updateCustomerRow(trx, input.customerId, {
      classification: input.classification,
      value_grade: input.valueGrade,
      special_tags: JSON.stringify(tags),
      blacklisted: input.blacklisted ? 1 : 0,
      blacklist_reason: input.blacklisted ? (input.blacklistReason ?? null) : null,
      blacklisted_at: input.blacklisted ? (wasBlacklisted ? before.blacklisted_at : at) : null,
      last_reviewed_at: at,
      updated_at: at,
    });
    await insertClassificationChanges(
      trx,
      changes.map((c) => ({ customer_id: input.customerId, at, account_id: ctx.session.accountId, field: c.field, from_value: c.from, to_value: c.to, reason: input.reason })),
    );
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
    industry: row.industry ?? undefined,
    restaurant: row.restaurant === 1,
    ownerId: row.owner_id,
    region: row.region ?? undefined,
    website: row.website ?? undefined,
    licenceNo: row.licence_no ?? undefined,
    licenceExpiry: row.licence_expiry ?? undefined,
    deposit: row.deposit_fen === null || row.deposit_fen === undefined ? undefined : row.deposit_fen / 100,
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

/** A kept list of contacts as the screen shows it (no empty title or phone). */
function toContacts(json: string): Contact[] {
  return (JSON.parse(json) as { name: string; title: string | null; phone: string | null }[]).map((c) => ({
    name: c.name,
    ...(c.title ? { title: c.title } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
  }));
}

async function staffAccountName(db: Db, accountId: number | null): Promise<string | null> {
  return accountId === null ? null : ((await accountById(db, accountId))?.display_name ?? null);
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
    review: { state: file.review_state, note: file.review_note, by: null, at: file.reviewed_at },
    openedBy: null,
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
    files: await Promise.all(
      files.map(async (f) => {
        const summary = toFileSummary(f, row.name);
        return { ...summary, openedBy: await staffAccountName(db, f.opened_by), review: { ...summary.review, by: await staffAccountName(db, f.reviewed_by) } };
      }),
    ),
    firstContactOn: row.first_contact_on,
    contactChanges: (await contactChangesOf(db, customerId)).map((c) => ({ at: c.at, accountName: c.accountName, kind: c.kind, before: toContacts(c.before), after: toContacts(c.after) })),
    ownerName: await staffName(db, row.owner_id),
    handovers: await handoversOfCustomer(db, customerId),
    admission: await readAdmission(db, row.admission),
    closedAt: row.closed_at,
    closedReason: row.closed_reason,
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

/** Field by field (no rest/spread copies): every list page and search builds dozens of these. */
export function toListRow(r: ListDbRow): FileListRow {
  return {
    fileId: r.fileId,
    refNo: r.refNo,
    customerId: r.customerId,
    name: r.name,
    shortName: r.shortName,
    closedAt: r.closedAt,
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

type ListFilters = Omit<z.output<typeof listCustomersInput>, 'page' | 'pageSize'>;

/** The search index's rows for the list's query; undefined when the query can match nothing. */
function listMatch(input: { query?: string }): RawBuilder<{ id: number }> | null | undefined {
  if (!input.query) return null;
  return matchingRowIds(input.query) ?? undefined;
}

export async function listFiles(db: Db, input: z.output<typeof listCustomersInput>): Promise<Page<FileListRow>> {
  const match = listMatch(input);
  if (match === undefined) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize };
  const total = await countFiles(db, input, match);
  const rows = await fileRows(db, input, match, input, { size: input.pageSize, number: input.page });
  return { rows: rows.map(toListRow), total, page: input.page, pageSize: input.pageSize };
}

/** Every file row matching the filters, for export (no paging). */
export async function allFiles(db: Db, input: ListFilters): Promise<FileListRow[]> {
  const match = listMatch(input);
  if (match === undefined) return [];
  return (await fileRows(db, input, match, input, null)).map(toListRow);
}

/** Every filtered file with all of its customer's fields and first contacts, in the list's order: the export a clerk edits and imports back. */
export async function allFilesForExport(db: Db, input: ListFilters) {
  const match = listMatch(input);
  if (match === undefined) return [];
  return fileRowsForExport(db, input, match, input);
}

/** The file a 档号 names (as printed, or as a scanner types it with "." for "·"), with its customer. */
export async function fileByRefNo(db: Db, refNo: string): Promise<{ fileId: number; customerId: number } | null> {
  return (await fileIdByRefNos(db, refNoVariants(refNo))) ?? null;
}

/** Customers whose classification was not reviewed for N months (001 §12-17). */
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
    rows.push(...(await dueForReview(ctx.db, cutoff, never, limit - rows.length)));
  }
  return rows.map(toListRow);
}

/** How many files are due for review, all of them (the list stops at its limit). */
export async function countDueForReview(ctx: ServiceContext, months?: number): Promise<number> {
  const cutoff = await reviewCutoff(ctx, months);
  let total = 0;
  for (const never of [true, false]) total += await countDueInRange(ctx.db, cutoff, never);
  return total;
}

const SEARCH_CANDIDATES = 1000;

function toHit(r: ListDbRow & { matchedAlias: string | null }): FileHit {
  const hit: FileHit = toListRow(r);
  if (r.matchedAlias) hit.matchedAlias = r.matchedAlias;
  return hit;
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
    const byRef = (await filesByExactRefNo(db, q, limit)).map(toHit);
    if (byRef.length > 0) return { files: byRef, documents: [], pages: [] };
  }
  const pages = await pageHits(db, q, includeConfidential, limit);
  const match = matchingRowIds(q);
  if (!match) return { files: [], documents: [], pages };
  const ids = await searchCandidates(db, q, match, SEARCH_CANDIDATES);
  const customerIds = ids.filter((id) => id % 2 === 0).map((id) => id / 2);
  const documentIds = ids.filter((id) => id % 2 === 1).map((id) => (id - 1) / 2);
  const files = customerIds.length ? (await filesOfCustomers(db, q, customerIds, limit)).map(toHit) : [];
  // A confidential title is itself confidential: found only by those who may read it.
  const documents = documentIds.length ? await documentHits(db, documentIds, includeConfidential, limit) : [];
  return { files, documents, pages };
}

/** Scanned pages whose text holds the query's words, each with the words marked in a stretch of it. */
async function pageHits(db: Db, query: string, includeConfidential: boolean, limit: number): Promise<PageHit[]> {
  const phrase = pageTextQuery(query);
  if (!phrase) return [];
  const rows = await pagesMatching(db, phrase, includeConfidential, limit);
  return rows.map(({ pageId: _pageId, text, ...r }) => ({ ...r, snippet: pageSnippet(text, query) }));
}

export type { ListCustomersInput, ChangeClassificationInput };
