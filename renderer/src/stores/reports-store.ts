import { create } from 'zustand';
import type { Locale } from '../../../shared/domain';
import type { Report, ReportId } from '../../../shared/reports';
import { api } from '../api';
import { toArchiveError } from '../errors';
import type { ArchiveError } from '../../../shared/errors';
import { saveBase64 } from '../files';

export interface ReportFilters {
  from?: string;
  to?: string;
  building?: string;
  floor?: string;
}

interface ReportsState {
  reportId: ReportId;
  filters: ReportFilters;
  report: Report | null;
  loading: boolean;
  exporting: boolean;
  error: ArchiveError | null;
  choose(reportId: ReportId): void;
  setFilters(filters: ReportFilters): void;
  load(locale: Locale): Promise<void>;
  exportXlsx(locale: Locale): Promise<void>;
}

/** Each load's number: only the latest request's answer is shown. */
let requests = 0;

/** Back to the default report; an answer still on its way is dropped. */
export function resetReports(): void {
  requests++;
  useReportsStore.setState(useReportsStore.getInitialState(), true);
}

/** 报表: which report, its period and place, and the report as the archive computed it. */
export const useReportsStore = create<ReportsState>((set, get) => ({
  reportId: 'composition',
  filters: {},
  report: null,
  loading: false,
  exporting: false,
  error: null,
  choose: (reportId) => set({ reportId, report: null }),
  setFilters: (filters) => set({ filters }),
  load: async (locale) => {
    const { reportId, filters } = get();
    const ticket = ++requests;
    set({ loading: true, error: null });
    try {
      const report = await api.getReport({ report: reportId, ...filters, locale });
      // A slower answer to an earlier choice of report, period or place is dropped.
      if (ticket === requests) set({ report });
    } catch (e) {
      if (ticket === requests) set({ error: toArchiveError(e), report: null });
    } finally {
      if (ticket === requests) set({ loading: false });
    }
  },
  exportXlsx: async (locale) => {
    const { reportId, filters } = get();
    set({ exporting: true, error: null });
    try {
      const file = await api.exportReport({ report: reportId, ...filters, locale });
      saveBase64(file.dataBase64, file.mime, file.fileName);
    } catch (e) {
      set({ error: toArchiveError(e) });
    } finally {
      set({ exporting: false });
    }
  },
}));
