import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DutyFile } from '../../shared/api';
import type { CustomerKind } from '../../shared/domain';
import type { DutyScope } from '../../shared/duties';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;
type FileEb = ExpressionBuilder<ArchiveDatabase & { files: ArchiveDatabase['files'] }, 'files' | 'customers'>;

// What each active file owes (shared/duties.ts), counted and listed by set: the files that did a
// duty in a period are read once from the (category, file_id, doc_date) and (kind, file_id,
// occurred_at) indexes, and every file of the duty's scope is tested against that set, so 工作台
// counts 100k files per duty in one statement instead of a lookup per file.

/** A period as local dates (inclusive) and the UTC moments it runs between (from ≤ t < to). */
export interface PeriodBounds {
  from: string;
  to: string;
  fromUtc: string;
  toUtc: string;
}

export interface RecurringCheck {
  kinds: CustomerKind[];
  scope: DutyScope;
  categories: string[];
  recordKinds: string[];
  current: PeriodBounds;
  previous: PeriodBounds;
  /** Local today: a licence past its expiry date is late whatever was filed. */
  today: string;
}

/** Required document categories of each customer kind, each also met by desk records of these kinds. */
export interface CompletenessCheck {
  required: { kind: CustomerKind; categories: { code: string; recordKinds: string[] }[] }[];
  /** A file made before this moment (UTC) that still lacks a document is late; a newer one is due. */
  lateBeforeUtc: string;
}

/** The files that did the duty in a period: a document dated in it or a desk record made in it. */
function doneIn(db: Db, check: Pick<RecurringCheck, 'categories' | 'recordKinds'>, period: PeriodBounds) {
  const documents = db
    .selectFrom('documents')
    .select('documents.file_id as fileId')
    .where('documents.category', 'in', check.categories)
    .where('documents.doc_date', '>=', period.from)
    .where('documents.doc_date', '<=', period.to);
  const records = db
    .selectFrom('desk_records')
    .select(sql<number>`desk_records.file_id`.as('fileId'))
    .where('desk_records.kind', 'in', check.recordKinds)
    // NOT IN over a set holding a null is never true: the desk's own records are left out.
    .where('desk_records.file_id', 'is not', null)
    .where('desk_records.occurred_at', '>=', period.fromUtc)
    .where('desk_records.occurred_at', '<', period.toUtc);
  if (check.categories.length && check.recordKinds.length) return documents.union(records);
  if (check.categories.length) return documents;
  if (check.recordKinds.length) return records;
  return null;
}

function inScope(eb: FileEb, check: Pick<RecurringCheck, 'kinds' | 'scope'>): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('files.status', '=', 'active'), eb('customers.kind', 'in', check.kinds.length ? check.kinds : ['-' as CustomerKind])];
  if (check.scope === 'restaurant') parts.push(eb('customers.restaurant', '=', 1));
  if (check.scope === 'not_restaurant') parts.push(eb('customers.restaurant', '=', 0));
  if (check.scope === 'licence') parts.push(eb('customers.licence_no', 'is not', null));
  if (check.scope === 'key') parts.push(eb('customers.classification', '=', 'key'));
  return eb.and(parts);
}

/** Late: the previous period, owed (the file was made before it ended), passed without the duty and nothing done since; or a licence past its date. */
function lateOf(db: Db, eb: FileEb, check: RecurringCheck): Expression<SqlBool> {
  const previous = doneIn(db, check, check.previous);
  const missed = previous ? eb.and([eb('files.created_at', '<', check.previous.toUtc), eb('files.id', 'not in', previous)]) : eb('files.created_at', '<', check.previous.toUtc);
  return check.scope === 'licence' ? eb.or([missed, eb('customers.licence_expiry', '<', check.today)]) : missed;
}

function owingNow(db: Db, eb: FileEb, check: RecurringCheck): Expression<SqlBool> {
  const current = doneIn(db, check, check.current);
  const notDone: Expression<SqlBool> = current ? eb('files.id', 'not in', current) : eb.lit(true);
  return check.scope === 'licence' ? eb.or([notDone, eb('customers.licence_expiry', '<', check.today)]) : notDone;
}

const filesWithCustomers = (db: Db) => db.selectFrom('files').innerJoin('customers', 'customers.id', 'files.customer_id');

type Condition = (eb: FileEb) => Expression<SqlBool>;
export type DutyFileRow = Omit<DutyFile, 'lastDone' | 'lacking'>;

const listColumns = ['files.id as fileId', 'files.ref_no as refNo', 'customers.name', 'customers.building', 'customers.floor', 'files.unit', 'customers.kind'] as const;
const flag = (eb: FileEb, condition: Condition) => eb.case().when(condition(eb)).then(1).else(0).end();

/** How many files owe a duty, and how many of those are late. */
async function countOwing(db: Db, owing: Condition, late: Condition): Promise<{ late: number; due: number }> {
  const row = await filesWithCustomers(db)
    .where(owing)
    .select((eb) => [eb.fn.countAll<number>().as('owing'), sql<number>`coalesce(sum(${flag(eb, late)}), 0)`.as('late')])
    .executeTakeFirstOrThrow();
  return { late: Number(row.late), due: Number(row.owing) - Number(row.late) };
}

/** One page of the files that owe a duty (late, due or both), by 档号, and their exact total. */
async function listOwing(db: Db, owing: Condition, late: Condition, state: 'late' | 'due' | 'owing', offset: number, limit: number): Promise<{ total: number; rows: DutyFileRow[] }> {
  const filtered = filesWithCustomers(db).where((eb) => (state === 'owing' ? owing(eb) : eb.and([owing(eb), state === 'late' ? late(eb) : eb.not(late(eb))])));
  const total = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered
    .select((eb) => [...listColumns, flag(eb, late).as('late')])
    .orderBy('files.ref_no')
    .offset(offset)
    .limit(limit)
    .execute();
  return { total: Number(total.n), rows: rows.map((r) => ({ ...r, late: Number(r.late) === 1 })) };
}

const recurringOwing =
  (db: Db, check: RecurringCheck): Condition =>
  (eb) =>
    eb.and([inScope(eb, check), owingNow(db, eb, check)]);
const recurringLate =
  (db: Db, check: RecurringCheck): Condition =>
  (eb) =>
    lateOf(db, eb, check);

/** How many files of the duty's scope are late, and how many still owe the current period. */
export function countRecurring(db: Db, check: RecurringCheck): Promise<{ late: number; due: number }> {
  return countOwing(db, recurringOwing(db, check), recurringLate(db, check));
}

/** One page of the files behind a recurring duty's count, and their exact total. */
export function listRecurring(db: Db, check: RecurringCheck, state: 'late' | 'due' | 'owing', offset: number, limit: number): Promise<{ total: number; rows: DutyFileRow[] }> {
  return listOwing(db, recurringOwing(db, check), recurringLate(db, check), state, offset, limit);
}

/** Where one file stands on a recurring duty, by the same tests as the count: null when it is not in the duty's scope. */
export async function fileRecurringState(db: Db, check: RecurringCheck, fileId: number): Promise<'done' | 'due' | 'late' | null> {
  const owing = recurringOwing(db, check);
  const row = await filesWithCustomers(db)
    .where('files.id', '=', fileId)
    .where((eb) => inScope(eb, check))
    .select((eb) => [flag(eb, owing).as('owing'), flag(eb, recurringLate(db, check)).as('late')])
    .executeTakeFirst();
  if (!row) return null;
  return Number(row.owing) === 1 ? (Number(row.late) === 1 ? 'late' : 'due') : 'done';
}

/** The latest local date each of the given files did the duty (a document's date or a record's moment), any period. */
export async function lastDone(db: Db, check: Pick<RecurringCheck, 'categories' | 'recordKinds'>, fileIds: number[]): Promise<Map<number, { documentDate?: string; recordAt?: string }>> {
  const out = new Map<number, { documentDate?: string; recordAt?: string }>();
  if (fileIds.length === 0) return out;
  if (check.categories.length) {
    const docs = await db
      .selectFrom('documents')
      .where('file_id', 'in', fileIds)
      .where('category', 'in', check.categories)
      .groupBy('file_id')
      .select((eb) => ['file_id as fileId', eb.fn.max('doc_date').as('at')])
      .execute();
    for (const d of docs) out.set(d.fileId, { documentDate: d.at });
  }
  if (check.recordKinds.length) {
    const records = await db
      .selectFrom('desk_records')
      .where('file_id', 'in', fileIds)
      .where('kind', 'in', check.recordKinds)
      .groupBy('file_id')
      .select((eb) => ['file_id as fileId', eb.fn.max('occurred_at').as('at')])
      .execute();
    for (const r of records) if (r.fileId !== null) out.set(r.fileId, { ...out.get(r.fileId), recordAt: r.at });
  }
  return out;
}

/** The files holding a category: a document of it, or a desk record that stands for it. */
function holding(db: Db, category: { code: string; recordKinds: string[] }) {
  const documents = db.selectFrom('documents').select('documents.file_id as fileId').where('documents.category', '=', category.code);
  if (!category.recordKinds.length) return documents;
  return documents.union(
    db
      .selectFrom('desk_records')
      .select(sql<number>`desk_records.file_id`.as('fileId'))
      .where('desk_records.kind', 'in', category.recordKinds)
      .where('desk_records.file_id', 'is not', null),
  );
}

function lacking(db: Db, eb: FileEb, check: CompletenessCheck): Expression<SqlBool> {
  const kinds = check.required.filter((r) => r.categories.length > 0);
  if (!kinds.length) return eb.lit(false);
  return eb.and([eb('files.status', '=', 'active'), eb.or(kinds.map((k) => eb.and([eb('customers.kind', '=', k.kind), eb.or(k.categories.map((c) => eb('files.id', 'not in', holding(db, c))))])))]);
}

const incompleteLate =
  (check: CompletenessCheck): Condition =>
  (eb) =>
    eb('files.created_at', '<', check.lateBeforeUtc);

export function countIncomplete(db: Db, check: CompletenessCheck): Promise<{ late: number; due: number }> {
  return countOwing(db, (eb) => lacking(db, eb, check), incompleteLate(check));
}

export function listIncomplete(db: Db, check: CompletenessCheck, state: 'late' | 'due' | 'owing', offset: number, limit: number): Promise<{ total: number; rows: DutyFileRow[] }> {
  return listOwing(db, (eb) => lacking(db, eb, check), incompleteLate(check), state, offset, limit);
}

/** The categories each of the given files holds (documents of any date, and desk records that stand for one). */
export async function heldCategories(db: Db, fileIds: number[], recordCategory: Record<string, string>): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>(fileIds.map((id) => [id, new Set<string>()]));
  if (fileIds.length === 0) return out;
  const docs = await db.selectFrom('documents').where('file_id', 'in', fileIds).select(['file_id as fileId', 'category']).distinct().execute();
  for (const d of docs) out.get(d.fileId)?.add(d.category);
  const kinds = Object.keys(recordCategory);
  const records = await db.selectFrom('desk_records').where('file_id', 'in', fileIds).where('kind', 'in', kinds).select(['file_id as fileId', 'kind']).distinct().execute();
  for (const r of records) if (r.fileId !== null && recordCategory[r.kind]) out.get(r.fileId)?.add(recordCategory[r.kind]!);
  return out;
}

/** What the duties of one file need to know of it. */
export function fileForDuties(db: Db, fileId: number) {
  return filesWithCustomers(db)
    .where('files.id', '=', fileId)
    .select(['files.id as fileId', 'files.status', 'files.created_at as createdAt', 'customers.kind', 'customers.licence_expiry as licenceExpiry'])
    .executeTakeFirst();
}
