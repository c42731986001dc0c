// The reports (001 §12-§17: reporting the archive to management; 002's 客户分类表, 客户分级表,
// 重点客户统计表): what each is, and the shape every report shares, so one screen, one print
// template and one xlsx writer serve them all. Titles are in labels.ts.

export const reportIds = ['composition', 'borrowing', 'storage', 'movement', 'complaints', 'satisfaction'] as const;
export type ReportId = (typeof reportIds)[number];

/** Sections of the reports, each a chart with its table, or a table alone. */
export const reportSectionIds = [
  'customers-by-kind',
  'customers-by-classification',
  'customers-by-grade',
  'files-by-status',
  'files-by-place',
  'classification-table',
  'grade-table',
  'key-customers',
  'loans-by-department',
  'days-out',
  'overdue-rate',
  'most-borrowed',
  'box-fill',
  'files-out',
  'findings-by-month',
  'movement-by-month',
  'new-files-by-month',
  'complaints-by-category',
  'complaints-by-month',
  'complaints-by-place',
  'satisfaction-by-question',
  'satisfaction-by-place',
] as const;
export type ReportSectionId = (typeof reportSectionIds)[number];

export type ReportChartKind = 'bar' | 'stacked-bar' | 'line' | 'pie';

export interface ReportChart {
  kind: ReportChartKind;
  /** x-axis (or slice) labels, already in the report's language. */
  categories: string[];
  series: { name: string; data: number[] }[];
  /** How values read: a count, a percentage (0-100) or days. */
  unit: 'count' | 'percent' | 'days';
}

export interface ReportColumn {
  key: string;
  title: string;
  numeric?: boolean;
}

export type ReportCell = string | number | null;

export interface ReportTable {
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  /** A totals row, when the columns add up. */
  total?: Record<string, ReportCell>;
}

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  chart?: ReportChart;
  table: ReportTable;
  /** A sentence under the title: what is counted, and how. */
  note?: string;
}

export interface ReportFiltersApplied {
  /** YYYY-MM-DD; null: from the first record. */
  from: string | null;
  to: string;
  building: string | null;
  floor: string | null;
}

export interface Report {
  id: ReportId;
  title: string;
  filters: ReportFiltersApplied;
  generatedAt: string;
  /** Headline figures above the sections. */
  figures: { label: string; value: string }[];
  sections: ReportSection[];
}

/** A building and floor as the reports write them: "A座 5F", "A座", "5F" or "" for everywhere. */
export function placeText(building: string | null | undefined, floor: string | null | undefined): string {
  return [building, floor ? `${floor}F` : null].filter(Boolean).join(' ');
}
