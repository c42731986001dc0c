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
    set({ loading: true, error: null });
    try {
      const report = await api.getReport({ report: reportId, ...filters, locale });
      // A slower answer for a report no longer shown is dropped.
      if (get().reportId === reportId) set({ report });
    } catch (e) {
      set({ error: toArchiveError(e), report: null });
    } finally {
      set({ loading: false });
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
