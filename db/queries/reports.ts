import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// The reports' aggregates (electron/services/reports.ts composes them). Every figure is one
// aggregate query over indexed columns, filtered by a period and a building/floor. Periods are
// stored UTC instants worked out from the desk's local dates by the caller, so no row is
// converted to local time here.

export type ReportRow = Record<string, unknown>;

export interface ReportScope {
  /** From this instant (UTC); null: from the start of the archive. */
  fromIso: string | null;
  /** Before this instant (UTC): the start of the day after the period. */
  toIso: string;
  building: string | null;
  floor: string | null;
  /** The desk's local day. */
  today: string;
}

/** A month of the period: its name (YYYY-MM) and where it starts and ends (exclusive). */
export interface MonthRange {
  month: string;
  start: string;
  end: string;
}

async function rows(db: Db, query: RawBuilder<unknown>): Promise<ReportRow[]> {
  return (await query.execute(db)).rows as ReportRow[];
}

/** `and <column> >= from and <column> < to` on a stored timestamp. */
function inPeriod(column: RawBuilder<unknown>, scope: ReportScope): RawBuilder<unknown> {
  return scope.fromIso ? sql`and ${column} >= ${scope.fromIso} and ${column} < ${scope.toIso}` : sql`and ${column} < ${scope.toIso}`;
}

/** The building/floor filter on a customers alias. */
function atPlace(alias: string, scope: ReportScope): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (scope.building) parts.push(sql`and ${sql.ref(`${alias}.building`)} = ${scope.building}`);
  if (scope.floor) parts.push(sql`and ${sql.ref(`${alias}.floor`)} = ${scope.floor}`);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

/** `and <file id column> in (the files whose customer is at the place)`, or nothing without a place. */
function fileAtPlace(column: RawBuilder<unknown>, scope: ReportScope): RawBuilder<unknown> {
  if (!scope.building && !scope.floor) return sql``;
  return sql`and ${column} in (select f.id from files f join customers c on c.id = f.customer_id where 1 = 1 ${atPlace('c', scope)})`;
}

/**
 * The loans of files at the place. Written as a subquery the planner turns into a join from the
 * place's customers outwards, once, rather than a lookup per loan.
 */
function loanAtPlace(scope: ReportScope): RawBuilder<unknown> {
  if (!scope.building && !scope.floor) return sql``;
  return sql`and l.id in (select li.loan_id from customers c join files f on f.customer_id = c.id join loan_items li on li.file_id = f.id where 1 = 1 ${atPlace('c', scope)})`;
}

/** A VALUES table of months; rows join it by range, so the index on the column does the work. */
const monthValues = (months: MonthRange[]) => sql.join(months.map((m) => sql`(${m.month}, ${m.start}, ${m.end})`));

// ---------------------------------------------------------------- composition

/** Customers registered in the period, counted by kind, classification and value grade ('' ungraded). */
export const customerGroups = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select c.kind, c.classification, coalesce(c.value_grade, '') as grade, count(*) as n
    from customers c where 1 = 1 ${inPeriod(sql.ref('c.created_at'), scope)} ${atPlace('c', scope)}
    group by c.kind, c.classification, grade`,
  );

/** Files opened in the period, by status. */
export const fileStatusCounts = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select f.status, count(*) as n from files f join customers c on c.id = f.customer_id
    where 1 = 1 ${inPeriod(sql.ref('f.created_at'), scope)} ${atPlace('c', scope)} group by f.status`,
  );

/** Active files opened in the period, by floor (`byFloor`) or by building. */
export const activeFilesByPlace = (db: Db, scope: ReportScope, byFloor: boolean) =>
  rows(
    db,
    sql`
    select ${byFloor ? sql`c.floor` : sql`c.building`} as place, count(*) as n from files f join customers c on c.id = f.customer_id
    where f.status = 'active' ${inPeriod(sql.ref('f.created_at'), scope)} ${atPlace('c', scope)}
    group by place order by ${byFloor ? sql`cast(c.floor as integer), c.floor` : sql`c.building`}`,
  );

/** The key customers (重点客户) registered in the period, in pinyin order, with their first unit and 档号. */
export const keyCustomers = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select c.name, c.kind, c.building, c.floor, c.value_grade as grade, c.special_tags as tags, c.last_reviewed_at as reviewed,
      min(f.unit) as unit, min(f.ref_no) as ref_no
    from customers c join files f on f.customer_id = c.id
    where c.classification = 'key' and f.status != 'destroyed' ${inPeriod(sql.ref('c.created_at'), scope)} ${atPlace('c', scope)}
    group by c.id order by c.name_pinyin, c.id`,
  );

// ---------------------------------------------------------------- borrowing

/**
 * Loans lent in the period by local month and department: how many, days out of those returned,
 * how many returned, how many overdue. `shift.local` moves a stored time to the desk's time for its
 * month; `shift.utc` moves the end of a local due day to UTC (SQLite modifiers like "+480 minutes").
 */
export const loanGroups = (db: Db, scope: ReportScope, shift: { local: string; utc: string }) =>
  rows(
    db,
    sql`
    select strftime('%Y-%m', l.lent_at, ${shift.local}) as month, b.department, count(*) as n,
      sum(case when l.returned_at is not null then julianday(l.returned_at) - julianday(l.lent_at) end) as days,
      sum(l.returned_at is not null) as returned,
      sum(case when (l.returned_at is not null and l.returned_at >= strftime('%Y-%m-%dT%H:%M:%fZ', l.due_date, '+1 day', ${shift.utc})) or (l.returned_at is null and l.due_date < ${scope.today}) then 1 else 0 end) as overdue
    from loans l join borrowers b on b.id = l.borrower_id
    where 1 = 1 ${inPeriod(sql.ref('l.lent_at'), scope)} ${loanAtPlace(scope)}
    group by month, b.department`,
  );

/** The most borrowed files of the period (counted on the loan items alone), most first. */
export const mostBorrowed = (db: Db, scope: ReportScope, limit: number) =>
  rows(
    db,
    sql`
    select li.file_id, count(*) as n
    from loans l join loan_items li on li.loan_id = l.id
    where li.state in ('out', 'returned', 'handed_over') ${inPeriod(sql.ref('l.lent_at'), scope)} ${fileAtPlace(sql.ref('li.file_id'), scope)}
    group by li.file_id order by n desc, li.file_id limit ${limit}`,
  );

/** These files' 档号 and their customer's name and place. */
export const filesNamed = (db: Db, fileIds: number[]) =>
  fileIds.length ? rows(db, sql`select f.id, f.ref_no, c.name, c.building, c.floor from files f join customers c on c.id = f.customer_id where f.id in (${sql.join(fileIds)})`) : Promise.resolve([]);

// ---------------------------------------------------------------- storage

/** Each live cabinet serving the place: boxes, their capacity and the files they hold. */
export function cabinetFill(db: Db, scope: ReportScope) {
  const boxPlace: RawBuilder<unknown>[] = [];
  if (scope.building) boxPlace.push(sql`and bx.serves_building = ${scope.building}`);
  if (scope.floor) boxPlace.push(sql`and bx.serves_floor = ${scope.floor}`);
  return rows(
    db,
    sql`
    select cab.code, r.name as room, count(*) as boxes, sum(bx.capacity) as capacity, sum(coalesce(h.n, 0)) as held
    from boxes bx join shelves s on s.id = bx.shelf_id join cabinets cab on cab.id = s.cabinet_id join rooms r on r.id = cab.room_id
    left join (select home_box_id as box_id, count(*) as n from files where home_box_id is not null and status != 'destroyed' group by home_box_id) h on h.box_id = bx.id
    where bx.retired_at is null and s.retired_at is null and cab.retired_at is null ${sql.join(boxPlace.length ? boxPlace : [sql``], sql` `)}
    group by cab.id order by cab.code`,
  );
}

/** Files of the place out now, by the borrower's department, with how many are overdue. */
export const filesOutByDepartment = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select b.department, count(*) as n, sum(l.due_date < ${scope.today}) as overdue
    from loan_items li join loans l on l.id = li.loan_id join borrowers b on b.id = l.borrower_id
      join files f on f.id = li.file_id join customers c on c.id = f.customer_id
    where li.state = 'out' ${atPlace('c', scope)}
    group by b.department order by n desc, b.department`,
  );

/** The inspections finished in the period. */
export const finishedInspections = (db: Db, scope: ReportScope) =>
  rows(db, sql`select i.id, i.finished_at from inspections i where i.status = 'finished' ${inPeriod(sql.ref('i.finished_at'), scope)}`);

/** Findings on files of the place, per inspection and kind (the covering index on inspection_id, kind). */
export const findingsPerInspection = (db: Db, scope: ReportScope, inspectionIds: number[]) =>
  inspectionIds.length
    ? rows(
        db,
        sql`
        select fi.inspection_id, fi.kind, count(*) as n from inspection_findings fi
        where fi.inspection_id in (${sql.join(inspectionIds)}) ${fileAtPlace(sql.ref('fi.file_id'), scope)}
        group by fi.inspection_id, fi.kind`,
      )
    : Promise.resolve([]);

// ---------------------------------------------------------------- movement

/** Files of the place by the month (UTC ranges of local months) their column's instant falls in. */
export const filesByMonth = (db: Db, scope: ReportScope, column: 'created_at' | 'destroyed_at', months: MonthRange[]) =>
  rows(
    db,
    sql`
    with months(month, start, end) as (values ${monthValues(months)})
    select months.month, count(*) as n from months join files f on ${sql.ref(`f.${column}`)} >= months.start and ${sql.ref(`f.${column}`)} < months.end
      join customers c on c.id = f.customer_id
    where 1 = 1 ${atPlace('c', scope)} group by months.month`,
  );

/**
 * New files by month and building (003 §3 1): opened, opened within `withinDays` of first contact
 * (a customer from before the contact date was asked counts as in time), and their review state.
 * `shift` moves the stored UTC time to the desk's local day for the comparison with the local date.
 */
export const newFilesCompliance = (db: Db, scope: ReportScope, months: MonthRange[], withinDays: number, shift: string) =>
  rows(
    db,
    sql`
    with months(month, start, end) as (values ${monthValues(months)})
    select months.month, coalesce(c.building, '') as building, count(*) as n,
      sum(case when c.first_contact_on is null or date(f.created_at, ${shift}) <= date(c.first_contact_on, ${`+${withinDays} days`}) then 1 else 0 end) as in_time,
      sum(case when f.review_state = 'approved' then 1 else 0 end) as reviewed,
      sum(case when f.review_state = 'returned' then 1 else 0 end) as returned,
      sum(case when f.review_state = 'pending' then 1 else 0 end) as pending
    from months join files f on f.created_at >= months.start and f.created_at < months.end
      join customers c on c.id = f.customer_id
    where 1 = 1 ${atPlace('c', scope)} group by months.month, building order by months.month, building`,
  );

/** Files of customers who moved out, by the month (local date ranges) of the move-out date; dates still to come are left out. */
export const departuresByMonth = (db: Db, scope: ReportScope, months: MonthRange[]) =>
  rows(
    db,
    sql`
    with month_dates(month, start, end) as (values ${monthValues(months)})
    select month_dates.month, count(*) as n from month_dates join customers c on c.move_out_date >= month_dates.start and c.move_out_date < month_dates.end
      join files f on f.customer_id = c.id
    where c.move_out_date <= ${scope.today} ${atPlace('c', scope)} group by month_dates.month`,
  );

// ---------------------------------------------------------------- complaints

/** Complaints received in the period by category ('' for a sealed one), with how many are closed and how many are late now. */
export const complaintsByCategory = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select coalesce(json_extract(r.fields, '$.category'), '') as category, count(*) as n,
      sum(case when r.closed_at is not null then 1 else 0 end) as closed,
      sum(case when r.closed_at is null and r.due_date < ${scope.today} then 1 else 0 end) as overdue
    from desk_records r where r.kind = 'complaint' ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}
    group by category`,
  );

/** Complaints by the desk's local month they came in and category. */
export const complaintsByMonth = (db: Db, scope: ReportScope, months: MonthRange[]) =>
  rows(
    db,
    sql`
    with months(month, start, end) as (values ${monthValues(months)})
    select months.month, coalesce(json_extract(r.fields, '$.category'), '') as category, count(*) as n
    from months join desk_records r on r.kind = 'complaint' and r.occurred_at >= months.start and r.occurred_at < months.end
    where 1 = 1 ${atPlace('r', scope)} group by months.month, category`,
  );

/** Complaints by building (and floor), as copied onto each when it was taken. */
export const complaintsByPlace = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select coalesce(r.building, '') as building, coalesce(r.floor, '') as floor, count(*) as n
    from desk_records r where r.kind = 'complaint' ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}
    group by building, floor order by building, floor`,
  );

/** The causes written down for the period's complaints, the same wording counted together. */
export const complaintCauses = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select coalesce(json_extract(r.fields, '$.category'), '') as category, trim(json_extract(r.fields, '$.cause')) as cause, count(*) as n
    from desk_records r where r.kind = 'complaint' and trim(coalesce(json_extract(r.fields, '$.cause'), '')) <> ''
      ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}
    group by category, cause order by n desc, cause`,
  );

/** The customers' satisfaction at the follow-up of the period's complaints ('' not followed up yet). */
export const complaintSatisfaction = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select coalesce(json_extract(r.fields, '$.satisfaction'), '') as satisfaction, count(*) as n
    from desk_records r where r.kind = 'complaint' ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}
    group by satisfaction`,
  );

/** The satisfaction survey's answers in the period: per question, how many sheets gave each answer. */
export const satisfactionAnswers = (db: Db, scope: ReportScope, questions: readonly string[]) =>
  rows(
    db,
    sql`
    select a.question, a.answer, count(*) as n from (
      ${sql.join(
        questions.map(
          (q) => sql`select ${q} as question, json_extract(r.fields, ${`$.${q}`}) as answer
            from desk_records r where r.kind = 'satisfaction-survey' ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}`,
        ),
        sql` union all `,
      )}
    ) a where a.answer is not null group by a.question, a.answer`,
  );

/** The period's satisfaction sheets and the customers' files they came from; the overall answer by building and floor. */
export const satisfactionByPlace = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select coalesce(r.building, '') as building, coalesce(r.floor, '') as floor, coalesce(json_extract(r.fields, '$.overall'), '') as answer,
      count(*) as n, count(distinct r.file_id) as files
    from desk_records r where r.kind = 'satisfaction-survey' ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}
    group by building, floor, answer order by building, floor`,
  );

/** How many sheets came back in the period, and from how many customers' files. */
export const satisfactionTotals = (db: Db, scope: ReportScope) =>
  rows(
    db,
    sql`
    select count(*) as n, count(distinct r.file_id) as files
    from desk_records r where r.kind = 'satisfaction-survey' ${inPeriod(sql.ref('r.occurred_at'), scope)} ${atPlace('r', scope)}`,
  );
