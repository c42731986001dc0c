import {
  activeFilesByPlace,
  cabinetFill,
  customerGroups,
  complaintSatisfaction,
  complaintCauses,
  satisfactionAnswers,
  satisfactionByPlace,
  satisfactionTotals,
  complaintsByCategory,
  complaintsByMonth,
  complaintsByPlace,
  departuresByMonth,
  fileStatusCounts,
  filesByMonth,
  newFilesCompliance,
  filesNamed,
  filesOutByDepartment,
  findingsPerInspection,
  finishedInspections,
  keyCustomers,
  loanGroups,
  mostBorrowed,
  type MonthRange,
  type ReportRow,
  type ReportScope,
} from '../../db/queries/reports';
import type { z } from 'zod';
import { recordKind, satisfactionQuestions, satisfactionScale } from '../../shared/record-kinds';
import { recordChoiceLabel, recordLabels } from '../../shared/record-labels';
import type { ExportedFile } from '../../shared/api';
import { classifications, customerKinds, fileStatuses, inspectionFindingKinds, valueGrades, type Locale } from '../../shared/domain';
import {
  complaintReportLabels,
  classificationLabels,
  customerKindLabels,
  fileStatusLabels,
  inspectionFindingLabels,
  reportSectionLabels,
  reportTextLabels,
  reportTitleLabels,
  satisfactionReportLabels,
  valueGradeLabels,
} from '../../shared/labels';
import { placeText, type Report, type ReportCell, type ReportChart, type ReportColumn, type ReportId, type ReportSection, type ReportSectionId, type ReportTable } from '../../shared/reports';
import type { reportInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import { localDate, nowIso, today, type ServiceContext } from './context';
import { addDays, addMonths, dayOrEmpty, localDateTime, localDayStart } from '../../shared/dates';
import { xlsxFile } from './xlsx';
import { readSettings } from './settings';
import ExcelJS from 'exceljs';

// 报表: the archive described for management (001 §16: report classification results; 002's
// 客户分类表 / 客户分级表 / 重点客户统计表), and the desk's own figures: borrowing, storage and
// movement. Every figure is one aggregate query over indexed columns, filtered by a period (local
// dates) and a building/floor; every section carries its table, so the chart is never the only
// place a number lives.

type Input = z.output<typeof reportInput>;
type Row = ReportRow;
const num = (v: unknown) => Number(v ?? 0);
const round1 = (v: number) => Math.round(v * 10) / 10;

const startOfLocalDay = localDayStart;

interface Scope extends ReportScope {
  locale: Locale;
  from: string | null;
  to: string;
}

function scopeOf(ctx: ServiceContext, input: Input, defaultYear: boolean): Scope {
  const to = input.to ?? today(ctx);
  // Series default to the twelve months ending with `to`; composition to the whole archive.
  const from = input.from ?? (defaultYear ? `${addMonths(to.slice(0, 7), -11)}-01` : null);
  return {
    locale: input.locale,
    from,
    to,
    fromIso: from ? startOfLocalDay(from) : null,
    toIso: startOfLocalDay(addDays(to, 1)),
    building: input.building ?? null,
    floor: input.floor ?? null,
    today: today(ctx),
  };
}

/** Every month of the period, so quiet months show as zero rather than vanish. */
function monthsOf(scope: Scope): string[] {
  const months: string[] = [];
  for (let m = (scope.from ?? scope.to).slice(0, 7); m <= scope.to.slice(0, 7) && months.length < 240; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * "Returned after the due date" compares the stored UTC time with the end of the local due day,
 * shifted by the desk's UTC offset (taken at `to`), instead of converting every row to local time.
 */
function utcShift(scope: Scope): string {
  return minutes(new Date(`${scope.to}T12:00:00`).getTimezoneOffset());
}

/** The other way: a stored UTC time moved to the desk's local time, for its month. */
function localShift(scope: Scope): string {
  return minutes(-new Date(`${scope.to}T12:00:00`).getTimezoneOffset());
}

/** An SQLite date modifier such as "+480 minutes". */
const minutes = (n: number) => `${n >= 0 ? '+' : ''}${n} minutes`;

/**
 * The period's months as stored UTC ranges of the desk's local months: rows are joined by range,
 * so a month is counted in the desk's time zone while the index on the column does the work.
 */
function monthRanges(scope: Scope): MonthRange[] {
  const months = monthsOf(scope);
  return months.map((month, i) => ({
    month,
    start: i === 0 && scope.fromIso ? scope.fromIso : startOfLocalDay(`${month}-01`),
    end: i === months.length - 1 ? scope.toIso : startOfLocalDay(`${addMonths(month, 1)}-01`),
  }));
}

const text = (scope: Scope) => reportTextLabels[scope.locale];

/**
 * A chart's own table: categories down, one column per series, a total row when counts, and a
 * total column across several count series unless they do not add up (`sumAcross: false`).
 */
function tableOfChart(scope: Scope, chart: ReportChart, categoryTitle: string, sumAcross: boolean): ReportTable {
  const columns: ReportColumn[] = [{ key: 'category', title: categoryTitle }, ...chart.series.map((s, i) => ({ key: `s${i}`, title: s.name, numeric: true }))];
  const multi = sumAcross && chart.series.length > 1 && chart.unit === 'count';
  if (multi) columns.push({ key: 'total', title: text(scope).total, numeric: true });
  const tableRows = chart.categories.map((category, r) => {
    const row: Record<string, ReportCell> = { category };
    chart.series.forEach((s, i) => (row[`s${i}`] = s.data[r] ?? 0));
    if (multi) row.total = chart.series.reduce((sum, s) => sum + (s.data[r] ?? 0), 0);
    return row;
  });
  if (chart.unit !== 'count') return { columns, rows: tableRows };
  const total: Record<string, ReportCell> = { category: text(scope).total };
  chart.series.forEach((s, i) => (total[`s${i}`] = s.data.reduce((a, b) => a + b, 0)));
  if (multi) total.total = chart.series.reduce((sum, s) => sum + s.data.reduce((a, b) => a + b, 0), 0);
  return { columns, rows: tableRows, total };
}

/** A chart with its table: the chart's own (see tableOfChart), or one given with more columns. */
function section(scope: Scope, id: ReportSectionId, chart: ReportChart, categoryTitle: string, options: { note?: string; table?: ReportTable; sumAcross?: boolean } = {}): ReportSection {
  const table = options.table ?? tableOfChart(scope, chart, categoryTitle, options.sumAcross ?? true);
  return { id, title: reportSectionLabels[scope.locale][id], chart, table, note: options.note };
}

const percent = (part: number, whole: number) => (whole ? round1((part / whole) * 100) : 0);

async function composition(ctx: ServiceContext, scope: Scope): Promise<Omit<Report, 'id' | 'title' | 'filters' | 'generatedAt'>> {
  const t = text(scope);
  const l = scope.locale;
  const groups = await customerGroups(ctx.db, scope);
  const sum = (f: (r: Row) => boolean) => groups.filter(f).reduce((a, r) => a + num(r.n), 0);
  const grades = [...valueGrades, ''] as const;
  const gradeName = (g: string) => (g ? valueGradeLabels[l][g as (typeof valueGrades)[number]] : t.ungraded);

  const statuses = await fileStatusCounts(ctx.db, scope);
  // Within a building: by floor; otherwise by building.
  const byFloor = Boolean(scope.building);
  const places = await activeFilesByPlace(ctx.db, scope, byFloor);
  const keys = await keyCustomers(ctx.db, scope);

  const customers = sum(() => true);
  // The three ways customers are counted, each value with its label and the groups it covers.
  type Axis = { key: string; label: string; test: (r: Row) => boolean }[];
  const kindAxis: Axis = customerKinds.map((k) => ({ key: k, label: customerKindLabels[l][k], test: (r) => r.kind === k }));
  const classAxis: Axis = classifications.map((c) => ({ key: c, label: classificationLabels[l][c], test: (r) => r.classification === c }));
  const gradeAxis: Axis = grades.map((g) => ({ key: g, label: gradeName(g), test: (r) => r.grade === g }));
  const countChart = (kind: ReportChart['kind'], axis: Axis): ReportChart => ({
    kind,
    unit: 'count',
    categories: axis.map((a) => a.label),
    series: [{ name: t.customers, data: axis.map((a) => sum(a.test)) }],
  });
  const byKind = countChart('pie', kindAxis);
  const byClass = countChart('bar', classAxis);
  const byGrade = countChart('bar', gradeAxis);
  const byStatus: ReportChart = {
    kind: 'bar',
    unit: 'count',
    categories: fileStatuses.map((s) => fileStatusLabels[l][s]),
    series: [{ name: t.count, data: fileStatuses.map((s) => num(statuses.find((r) => r.status === s)?.n)) }],
  };
  const byPlace: ReportChart = {
    kind: 'bar',
    unit: 'count',
    categories: places.map((p) => (p.place === null || p.place === '' ? '—' : byFloor ? `${String(p.place)}F` : String(p.place))),
    series: [{ name: t.activeFiles, data: places.map((p) => num(p.n)) }],
  };

  /** Customers counted by one axis down and another across, with row and column totals and each row's share. */
  const crossTable = (first: string, firstTitle: string, down: Axis, across: Axis): ReportTable => ({
    columns: [
      { key: first, title: firstTitle },
      ...across.map((a) => ({ key: a.key, title: a.label, numeric: true })),
      { key: 'total', title: t.total, numeric: true },
      { key: 'share', title: t.share, numeric: true },
    ],
    rows: down.map((d) => {
      const row: Record<string, ReportCell> = { [first]: d.label };
      for (const a of across) row[a.key] = sum((r) => d.test(r) && a.test(r));
      row.total = sum(d.test);
      row.share = `${percent(num(row.total), customers)}%`;
      return row;
    }),
    total: { [first]: t.total, ...Object.fromEntries(across.map((a) => [a.key, sum(a.test)])), total: customers, share: customers ? '100%' : '0%' },
  });
  // 客户分类表: kind down, classification across. 客户分级表: value grade down, kind across.
  const classTable = crossTable('kind', t.kind, kindAxis, classAxis);
  const gradeTable = crossTable('grade', t.grade, gradeAxis, kindAxis);
  // 重点客户统计表: every key customer with where and how they stand.
  const keyTable: ReportTable = {
    columns: [
      { key: 'no', title: '#', numeric: true },
      { key: 'name', title: t.name },
      { key: 'kind', title: t.kind },
      { key: 'place', title: `${t.building}/${t.floor}` },
      { key: 'unit', title: t.unit },
      { key: 'refNo', title: t.refNo },
      { key: 'grade', title: t.grade },
      { key: 'tags', title: t.tags },
      { key: 'reviewedAt', title: t.reviewedAt },
    ],
    rows: keys.map((r, i) => ({
      no: i + 1,
      name: String(r.name),
      kind: customerKindLabels[l][r.kind as (typeof customerKinds)[number]],
      place: placeText(r.building as string | null, r.floor as string | null),
      unit: (r.unit as string) || '',
      refNo: String(r.ref_no),
      grade: gradeName((r.grade as string) ?? ''),
      tags: (JSON.parse(String(r.tags ?? '[]')) as string[]).join('、'),
      reviewedAt: dayOrEmpty(r.reviewed as string | null),
    })),
  };
  return {
    figures: [
      { label: t.customers, value: customers.toLocaleString(l) },
      { label: t.activeFiles, value: num(statuses.find((r) => r.status === 'active')?.n).toLocaleString(l) },
      { label: reportSectionLabels[l]['key-customers'], value: keys.length.toLocaleString(l) },
    ],
    sections: [
      section(scope, 'customers-by-kind', byKind, t.kind, { note: t.noteComposition }),
      section(scope, 'customers-by-classification', byClass, t.classification),
      section(scope, 'customers-by-grade', byGrade, t.grade),
      section(scope, 'files-by-status', byStatus, t.status),
      section(scope, 'files-by-place', byPlace, byFloor ? t.floor : t.building),
      { id: 'classification-table', title: reportSectionLabels[l]['classification-table'], table: classTable },
      { id: 'grade-table', title: reportSectionLabels[l]['grade-table'], table: gradeTable },
      { id: 'key-customers', title: reportSectionLabels[l]['key-customers'], table: keyTable },
    ],
  };
}

async function borrowing(ctx: ServiceContext, scope: Scope): Promise<Omit<Report, 'id' | 'title' | 'filters' | 'generatedAt'>> {
  const t = text(scope);
  const months = monthsOf(scope);
  const groups = await loanGroups(ctx.db, scope, { local: localShift(scope), utc: utcShift(scope) });
  // Most borrowed: counted on the loan items alone, then the twenty files looked up.
  const counts = await mostBorrowed(ctx.db, scope, 20);
  const named = await filesNamed(
    ctx.db,
    counts.map((r) => num(r.file_id)),
  );
  const top = counts
    .map((r): Row & { n: number } => ({ ...(named.find((f) => num(f.id) === num(r.file_id)) ?? {}), n: num(r.n) }))
    .sort((a, b) => b.n - a.n || String(a.ref_no).localeCompare(String(b.ref_no)));
  const departments = [...new Set(groups.map((g) => String(g.department)))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const inMonth = (m: string) => groups.filter((g) => g.month === m);
  const total = (m: string, f: string) => inMonth(m).reduce((a, g) => a + num(g[f]), 0);
  const loans = groups.reduce((a, g) => a + num(g.n), 0);
  const overdue = groups.reduce((a, g) => a + num(g.overdue), 0);
  const returned = groups.reduce((a, g) => a + num(g.returned), 0);
  const days = groups.reduce((a, g) => a + num(g.days), 0);

  const byDept: ReportChart = {
    kind: 'stacked-bar',
    unit: 'count',
    categories: months,
    series: departments.map((d) => ({ name: d, data: months.map((m) => num(inMonth(m).find((g) => g.department === d)?.n)) })),
  };
  const daysOut: ReportChart = {
    kind: 'line',
    unit: 'days',
    categories: months,
    series: [{ name: t.avgDays, data: months.map((m) => (total(m, 'returned') ? round1(total(m, 'days') / total(m, 'returned')) : 0)) }],
  };
  const rate: ReportChart = { kind: 'line', unit: 'percent', categories: months, series: [{ name: t.overdueRate, data: months.map((m) => percent(total(m, 'overdue'), total(m, 'n'))) }] };
  const avgDays = returned ? round1(days / returned) : 0;
  const overdueRate = `${percent(overdue, loans)}%`;
  const daysSection = section(scope, 'days-out', daysOut, t.month, {
    note: t.noteDaysOut,
    table: {
      columns: [
        { key: 'month', title: t.month },
        { key: 'returned', title: t.returned, numeric: true },
        { key: 'avgDays', title: t.avgDays, numeric: true },
      ],
      rows: months.map((m, i) => ({ month: m, returned: total(m, 'returned'), avgDays: daysOut.series[0]!.data[i]! })),
      total: { month: t.total, returned, avgDays },
    },
  });
  const rateSection = section(scope, 'overdue-rate', rate, t.month, {
    note: t.noteOverdue,
    table: {
      columns: [
        { key: 'month', title: t.month },
        { key: 'loans', title: t.loans, numeric: true },
        { key: 'overdue', title: t.overdue, numeric: true },
        { key: 'rate', title: t.overdueRate, numeric: true },
      ],
      rows: months.map((m) => ({ month: m, loans: total(m, 'n'), overdue: total(m, 'overdue'), rate: `${percent(total(m, 'overdue'), total(m, 'n'))}%` })),
      total: { month: t.total, loans, overdue, rate: overdueRate },
    },
  });
  return {
    figures: [
      { label: t.loansInRange, value: loans.toLocaleString(scope.locale) },
      { label: t.avgDays, value: String(avgDays) },
      { label: t.overdueRate, value: overdueRate },
    ],
    sections: [
      section(scope, 'loans-by-department', byDept, t.month),
      daysSection,
      rateSection,
      {
        id: 'most-borrowed',
        title: reportSectionLabels[scope.locale]['most-borrowed'],
        table: {
          columns: [
            { key: 'no', title: '#', numeric: true },
            { key: 'refNo', title: t.refNo },
            { key: 'name', title: t.name },
            { key: 'place', title: `${t.building}/${t.floor}` },
            { key: 'times', title: t.timesBorrowed, numeric: true },
          ],
          rows: top.map((r, i) => ({ no: i + 1, refNo: String(r.ref_no), name: String(r.name), place: placeText(r.building as string | null, r.floor as string | null), times: num(r.n) })),
        },
      },
    ],
  };
}

async function storage(ctx: ServiceContext, scope: Scope): Promise<Omit<Report, 'id' | 'title' | 'filters' | 'generatedAt'>> {
  const t = text(scope);
  const l = scope.locale;
  const cabinets = await cabinetFill(ctx.db, scope);
  const out = await filesOutByDepartment(ctx.db, scope);
  const months = monthsOf(scope);
  // Findings per inspection (the covering index on inspection_id, kind), then by the local month it was finished.
  const finished = await finishedInspections(ctx.db, scope);
  const monthOfInspection = new Map(finished.map((i) => [num(i.id), localDate(new Date(String(i.finished_at))).slice(0, 7)]));
  const perInspection = await findingsPerInspection(
    ctx.db,
    scope,
    finished.map((i) => num(i.id)),
  );
  const findings: Row[] = [];
  for (const r of perInspection) {
    const month = monthOfInspection.get(num(r.inspection_id))!;
    const same = findings.find((f) => f.month === month && f.kind === r.kind);
    if (same) same.n = num(same.n) + num(r.n);
    else findings.push({ month, kind: r.kind, n: num(r.n) });
  }

  const fill: ReportChart = {
    kind: 'bar',
    unit: 'percent',
    categories: cabinets.map((c) => String(c.code)),
    series: [{ name: t.fill, data: cabinets.map((c) => percent(num(c.held), num(c.capacity))) }],
  };
  const held = cabinets.reduce((a, c) => a + num(c.held), 0);
  const capacity = cabinets.reduce((a, c) => a + num(c.capacity), 0);
  const boxes = cabinets.reduce((a, c) => a + num(c.boxes), 0);
  const fillSection = section(scope, 'box-fill', fill, t.cabinet, {
    note: t.noteBoxFill,
    table: {
      columns: [
        { key: 'cabinet', title: t.cabinet },
        { key: 'room', title: t.room },
        { key: 'boxes', title: t.boxes, numeric: true },
        { key: 'capacity', title: t.capacity, numeric: true },
        { key: 'held', title: t.held, numeric: true },
        { key: 'fill', title: t.fill, numeric: true },
      ],
      rows: cabinets.map((c) => ({
        cabinet: String(c.code),
        room: String(c.room),
        boxes: num(c.boxes),
        capacity: num(c.capacity),
        held: num(c.held),
        fill: `${percent(num(c.held), num(c.capacity))}%`,
      })),
      total: { cabinet: t.total, room: '', boxes, capacity, held, fill: `${percent(held, capacity)}%` },
    },
  });
  const outChart: ReportChart = {
    kind: 'bar',
    unit: 'count',
    categories: out.map((o) => String(o.department)),
    series: [
      { name: t.filesOut, data: out.map((o) => num(o.n)) },
      { name: t.overdueNow, data: out.map((o) => num(o.overdue)) },
    ],
  };
  // Both are counts, but "overdue" is part of "out": no sum across them.
  const outSection = section(scope, 'files-out', outChart, t.department, { sumAcross: false });
  const kinds = inspectionFindingKinds.filter((k) => k !== 'present');
  const inMonth = (m: string, k: string) => num(findings.find((f) => f.month === m && f.kind === k)?.n);
  const findingsChart: ReportChart = {
    kind: 'stacked-bar',
    unit: 'count',
    categories: months,
    series: kinds.map((k) => ({ name: inspectionFindingLabels[l][k], data: months.map((m) => inMonth(m, k)) })),
  };
  const findingsSection = section(scope, 'findings-by-month', findingsChart, t.month, { note: t.noteFindings });
  findingsSection.table.columns.splice(1, 0, { key: 'checked', title: t.checked, numeric: true });
  for (const [i, m] of months.entries()) findingsSection.table.rows[i]!.checked = inMonth(m, 'present') + inMonth(m, 'misfiled');
  findingsSection.table.total!.checked = months.reduce((a, m) => a + inMonth(m, 'present') + inMonth(m, 'misfiled'), 0);
  return {
    figures: [
      { label: t.boxes, value: boxes.toLocaleString(l) },
      { label: t.fill, value: `${percent(held, capacity)}%` },
      { label: t.filesOut, value: out.reduce((a, o) => a + num(o.n), 0).toLocaleString(l) },
      { label: t.inspections, value: finished.length.toLocaleString(l) },
    ],
    sections: [fillSection, outSection, findingsSection],
  };
}

async function movement(ctx: ServiceContext, scope: Scope): Promise<Omit<Report, 'id' | 'title' | 'filters' | 'generatedAt'>> {
  const t = text(scope);
  const months = monthsOf(scope);
  const counted = (column: 'created_at' | 'destroyed_at') => filesByMonth(ctx.db, scope, column, monthRanges(scope));
  // A departure is counted in the month of the tenant's move-out date (a local date), not the day
  // it was typed in; dates still to come are not departures yet.
  const departures = () =>
    departuresByMonth(
      ctx.db,
      scope,
      months.map((month, i) => ({
        month,
        start: i === 0 && scope.from ? scope.from : `${month}-01`,
        end: i === months.length - 1 ? addDays(scope.to, 1) : `${addMonths(month, 1)}-01`,
      })),
    );
  const [made, departed, destroyed] = await Promise.all([counted('created_at'), departures(), counted('destroyed_at')]);
  const of = (list: Row[]) => months.map((m) => num(list.find((r) => r.month === m)?.n));
  const chart: ReportChart = {
    kind: 'bar',
    unit: 'count',
    categories: months,
    series: [
      { name: t.newFiles, data: of(made) },
      { name: t.departures, data: of(departed) },
      { name: t.destructions, data: of(destroyed) },
    ],
  };
  // New, departed and destroyed are different events: no sum across them.
  const sec = section(scope, 'movement-by-month', chart, t.month, { sumAcross: false });
  const compliance = await newFileSection(ctx, scope, months);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    figures: [
      { label: t.newFiles, value: sum(chart.series[0]!.data).toLocaleString(scope.locale) },
      { label: t.departures, value: sum(chart.series[1]!.data).toLocaleString(scope.locale) },
      { label: t.destructions, value: sum(chart.series[2]!.data).toLocaleString(scope.locale) },
      { label: t.openedInTimeRate, value: `${compliance.rate}%` },
    ],
    sections: [sec, compliance.section],
  };
}

/**
 * 新建档案合规 (003 §3 1, §15 4.2 c): per month and building, the files opened, how many within
 * 设置's days of first contact, and how many the superior has reviewed, returned or not yet seen.
 */
async function newFileSection(ctx: ServiceContext, scope: Scope, months: string[]): Promise<{ section: ReportSection; rate: number }> {
  const t = text(scope);
  const { openWithinDays } = (await readSettings(ctx.db)).newFiles;
  const found = await newFilesCompliance(ctx.db, scope, monthRanges(scope), openWithinDays, localShift(scope));
  const of = (key: string, m: string) => found.filter((r) => r.month === m).reduce((a, r) => a + num(r[key]), 0);
  const chart: ReportChart = {
    kind: 'stacked-bar',
    unit: 'count',
    categories: months,
    series: [
      { name: t.openedInTime, data: months.map((m) => of('in_time', m)) },
      { name: t.openedLate, data: months.map((m) => of('n', m) - of('in_time', m)) },
    ],
  };
  const columns: ReportColumn[] = [
    { key: 'month', title: t.month },
    { key: 'building', title: t.building },
    { key: 'n', title: t.newFiles, numeric: true },
    { key: 'inTime', title: t.openedInTime, numeric: true },
    { key: 'rate', title: t.openedInTimePercent, numeric: true },
    { key: 'reviewed', title: t.reviewed, numeric: true },
    { key: 'returned', title: t.returnedForCorrection, numeric: true },
    { key: 'pending', title: t.awaitingReview, numeric: true },
  ];
  const line = (month: string, building: string, r: { n: number; inTime: number; reviewed: number; returned: number; pending: number }): Record<string, ReportCell> => ({
    month,
    building,
    n: r.n,
    inTime: r.inTime,
    rate: percent(r.inTime, r.n),
    reviewed: r.reviewed,
    returned: r.returned,
    pending: r.pending,
  });
  const counts = (list: ReportRow[]) => ({
    n: list.reduce((a, r) => a + num(r.n), 0),
    inTime: list.reduce((a, r) => a + num(r.in_time), 0),
    reviewed: list.reduce((a, r) => a + num(r.reviewed), 0),
    returned: list.reduce((a, r) => a + num(r.returned), 0),
    pending: list.reduce((a, r) => a + num(r.pending), 0),
  });
  const all = counts(found);
  const table: ReportTable = {
    columns,
    rows: found.map((r) => line(String(r.month), String(r.building) || t.noBuilding, counts([r]))),
    total: line(t.total, '', all),
  };
  return {
    section: section(scope, 'new-files-by-month', chart, t.month, { table, note: t.newFilesNote.replace('{days}', String(openWithinDays)) }),
    rate: percent(all.inTime, all.n),
  };
}

/**
 * Complaints (000 §7 3, 003 §15 7): how many came in, of which categories and what share each
 * takes, against the period before; per month by category; by building and floor; how many are
 * closed, late, and how satisfied the customers were at the follow-up.
 */
async function complaints(ctx: ServiceContext, scope: Scope): Promise<Omit<Report, 'id' | 'title' | 'filters' | 'generatedAt'>> {
  const t = complaintReportLabels[scope.locale];
  const kind = recordKind('complaint')!;
  const categories = kind.fields.find((f) => f.key === 'category')!.choices!;
  const name = (c: string) => (c ? recordChoiceLabel('complaint', 'category', c, scope.locale) : t.uncategorised);
  // The period before, as long as this one (a year when the period starts at the first record).
  const from = scope.from ?? `${addMonths(scope.to.slice(0, 7), -11)}-01`;
  const days = Math.round((Date.parse(`${scope.to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const previousScope: Scope = { ...scope, fromIso: startOfLocalDay(addDays(from, -days)), toIso: startOfLocalDay(from) };
  const [byCategory, previous, byMonth, byPlace, satisfaction, causes] = await Promise.all([
    complaintsByCategory(ctx.db, scope),
    complaintsByCategory(ctx.db, previousScope),
    complaintsByMonth(ctx.db, scope, monthRanges(scope)),
    complaintsByPlace(ctx.db, scope),
    complaintSatisfaction(ctx.db, scope),
    complaintCauses(ctx.db, scope),
  ]);
  // The cause analysis: the three causes written most often in each category, with their counts.
  const causesOf = (c: string) =>
    causes
      .filter((r) => r.category === c)
      .slice(0, 3)
      .map((r) => `${String(r.cause)}（${num(r.n)}）`)
      .join('；');
  const shown = [...categories, ...(byCategory.some((r) => r.category === '') ? [''] : [])];
  const count = (list: Row[], c: string) => num(list.find((r) => r.category === c)?.n);
  const total = byCategory.reduce((a, r) => a + num(r.n), 0);
  const closed = byCategory.reduce((a, r) => a + num(r.closed), 0);
  const overdue = byCategory.reduce((a, r) => a + num(r.overdue), 0);
  const change = (now: number, before: number) => (now === before ? '0' : `${now > before ? '+' : ''}${now - before}`);
  const categoryTable: ReportTable = {
    columns: [
      { key: 'category', title: t.category },
      { key: 'n', title: t.count, numeric: true },
      { key: 'share', title: `${t.share}（%）`, numeric: true },
      { key: 'previous', title: t.previous, numeric: true },
      { key: 'change', title: t.change },
      { key: 'closed', title: t.closed, numeric: true },
      { key: 'overdue', title: t.overdue, numeric: true },
      { key: 'causes', title: t.causes },
    ],
    rows: shown.map((c) => {
      const row = byCategory.find((r) => r.category === c);
      return {
        category: name(c),
        n: num(row?.n),
        share: percent(num(row?.n), total),
        previous: count(previous, c),
        change: change(num(row?.n), count(previous, c)),
        closed: num(row?.closed),
        overdue: num(row?.overdue),
        causes: causesOf(c),
      };
    }),
    total: {
      category: t.total,
      n: total,
      share: total ? 100 : 0,
      previous: previous.reduce((a, r) => a + num(r.n), 0),
      change: change(
        total,
        previous.reduce((a, r) => a + num(r.n), 0),
      ),
      closed,
      overdue,
      causes: '',
    },
  };
  const months = monthsOf(scope);
  const monthChart: ReportChart = {
    kind: 'stacked-bar',
    unit: 'count',
    categories: months,
    series: shown.map((c) => ({ name: name(c), data: months.map((m) => num(byMonth.find((r) => r.month === m && r.category === c)?.n)) })),
  };
  const placeChart: ReportChart = {
    kind: 'bar',
    unit: 'count',
    categories: byPlace.map((r) => placeText(String(r.building), String(r.floor)) || t.noPlace),
    series: [{ name: t.count, data: byPlace.map((r) => num(r.n)) }],
  };
  const followedUp = satisfaction.filter((r) => r.satisfaction !== '').reduce((a, r) => a + num(r.n), 0);
  const pleased = satisfaction.filter((r) => r.satisfaction === 'satisfied' || r.satisfaction === 'fair').reduce((a, r) => a + num(r.n), 0);
  return {
    figures: [
      { label: t.received, value: String(total) },
      { label: t.closedRate, value: `${percent(closed, total)}%` },
      { label: t.open, value: String(total - closed) },
      { label: t.overdue, value: String(overdue) },
      { label: t.satisfied, value: followedUp ? `${percent(pleased, followedUp)}%` : '—' },
    ],
    sections: [
      section(scope, 'complaints-by-category', { kind: 'pie', unit: 'count', categories: shown.map(name), series: [{ name: t.count, data: shown.map((c) => count(byCategory, c)) }] }, t.category, {
        table: categoryTable,
        note: t.note,
      }),
      section(scope, 'complaints-by-month', monthChart, text(scope).month),
      section(scope, 'complaints-by-place', placeChart, text(scope).place),
    ],
  };
}

/** 顾客满意度 (003 §15 6): the year's returned sheets counted question by question, and by place. */
async function satisfaction(ctx: ServiceContext, scope: Scope): Promise<Omit<Report, 'id' | 'title' | 'filters' | 'generatedAt'>> {
  const t = satisfactionReportLabels[scope.locale];
  const names = recordLabels('satisfaction-survey', scope.locale).fields;
  const answerName = (a: string) => recordChoiceLabel('satisfaction-survey', 'overall', a, scope.locale);
  const [answers, byPlace, [totals]] = await Promise.all([satisfactionAnswers(ctx.db, scope, satisfactionQuestions), satisfactionByPlace(ctx.db, scope), satisfactionTotals(ctx.db, scope)]);
  const count = (q: string, a: string) => num(answers.find((r) => r.question === q && r.answer === a)?.n);
  const pleased = (n: (a: string) => number) => n('verySatisfied') + n('satisfied');
  const answered = (n: (a: string) => number) => satisfactionScale.reduce((sum, a) => sum + n(a), 0);
  const rows = satisfactionQuestions.map((q) => {
    const n = (a: string) => count(q, a);
    return { q, answered: answered(n), rate: percent(pleased(n), answered(n)), n };
  });
  const table: ReportTable = {
    columns: [
      { key: 'question', title: t.question },
      ...satisfactionScale.map((a) => ({ key: a, title: answerName(a), numeric: true })),
      { key: 'answered', title: t.answered, numeric: true },
      { key: 'rate', title: t.rate, numeric: true },
    ],
    rows: rows.map((r) => ({ question: names[r.q] ?? r.q, ...Object.fromEntries(satisfactionScale.map((a) => [a, r.n(a)])), answered: r.answered, rate: r.rate })),
  };
  const places = [...new Set(byPlace.map((r) => `${String(r.building)}\u0000${String(r.floor)}`))].map((key) => {
    const [building, floor] = key.split('\u0000') as [string, string];
    const here = byPlace.filter((r) => r.building === building && r.floor === floor);
    const n = (a: string) => num(here.find((r) => r.answer === a)?.n);
    return { name: placeText(building, floor) || t.noPlace, sheets: here.reduce((sum, r) => sum + num(r.n), 0), rate: percent(pleased(n), answered(n)) };
  });
  const overall = rows.find((r) => r.q === 'overall')!;
  const worst = rows.filter((r) => r.answered > 0).sort((a, b) => a.rate - b.rate)[0];
  return {
    figures: [
      { label: t.surveys, value: String(num(totals?.n)) },
      { label: t.customers, value: String(num(totals?.files)) },
      { label: t.overallRate, value: overall.answered ? `${overall.rate}%` : '—' },
      { label: t.worst, value: worst ? `${names[worst.q] ?? worst.q}（${worst.rate}%）` : '—' },
    ],
    sections: [
      section(
        scope,
        'satisfaction-by-question',
        { kind: 'stacked-bar', unit: 'count', categories: rows.map((r) => names[r.q] ?? r.q), series: satisfactionScale.map((a) => ({ name: answerName(a), data: rows.map((r) => r.n(a)) })) },
        t.question,
        { table, note: t.note },
      ),
      section(scope, 'satisfaction-by-place', { kind: 'bar', unit: 'percent', categories: places.map((p) => p.name), series: [{ name: t.rate, data: places.map((p) => p.rate) }] }, text(scope).place, {
        table: {
          columns: [
            { key: 'place', title: text(scope).place },
            { key: 'sheets', title: t.surveys, numeric: true },
            { key: 'rate', title: t.rate, numeric: true },
          ],
          rows: places.map((p) => ({ place: p.name, sheets: p.sheets, rate: p.rate })),
        },
      }),
    ],
  };
}

const builders: Record<ReportId, (ctx: ServiceContext, scope: Scope) => ReturnType<typeof composition>> = { composition, borrowing, storage, movement, complaints, satisfaction };

export async function getReport(ctx: ServiceContext, input: Input): Promise<Report> {
  const scope = scopeOf(ctx, input, input.report !== 'composition');
  const body = await builders[input.report](ctx, scope);
  return {
    id: input.report,
    title: reportTitleLabels[input.locale][input.report],
    filters: { from: scope.from, to: scope.to, building: scope.building, floor: scope.floor },
    generatedAt: nowIso(ctx),
    ...body,
  };
}

/** The period and place in words, for the print header and the xlsx's first sheet. */
export function describeFilters(report: Report, locale: Locale): string {
  const t = reportTextLabels[locale];
  const period = `${t.period}: ${report.filters.from ?? t.allTime} ~ ${report.filters.to}`;
  return `${period} · ${placeText(report.filters.building, report.filters.floor) || t.allBuildings}`;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${title.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
}

/** The report as a workbook: a summary sheet, then one sheet per section with exactly its table. */
export async function exportReport(ctx: ServiceContext, input: Input): Promise<ExportedFile> {
  const report = await getReport(ctx, input);
  const t = reportTextLabels[input.locale];
  const workbook = new ExcelJS.Workbook();
  workbook.created = ctx.clock.now();
  const used = new Set<string>();
  const summary = workbook.addWorksheet(sheetName(report.title, used));
  summary.addRow([report.title]).font = { bold: true, size: 14 };
  summary.addRow([describeFilters(report, input.locale)]);
  summary.addRow([`${t.generatedAt}: ${localDateTime(report.generatedAt)}`]);
  summary.addRow([]);
  for (const f of report.figures) summary.addRow([f.label, f.value]);
  summary.getColumn(1).width = 24;
  summary.getColumn(2).width = 16;
  for (const s of report.sections) {
    const sheet = workbook.addWorksheet(sheetName(s.title, used));
    sheet.columns = s.table.columns.map((c) => ({ header: c.title, key: c.key, width: Math.max(10, Math.min(40, c.title.length * 2 + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of s.table.rows) sheet.addRow(r);
    if (s.table.total) sheet.addRow(s.table.total).font = { bold: true };
  }
  const stamp = today(ctx).replace(/-/g, '');
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  // Every export is recorded, a report's too.
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'report.exported', { targetType: 'report', targetId: input.report, details: { ...input, sections: report.sections.length } });
  return xlsxFile(`${report.title}-${stamp}.xlsx`, buffer);
}
