import { create } from 'zustand';

export const sections = ['home', 'customers', 'intake', 'locations', 'inspections', 'loans', 'approvals', 'reports', 'records', 'forms', 'yearly', 'destruction', 'audit', 'settings'] as const;
export type Section = (typeof sections)[number];

interface NavState {
  section: Section;
  go(section: Section): void;
  /** A box to show on the locations screen (a scanned box code). */
  pendingBoxId: number | null;
  showBox(boxId: number): void;
  clearPendingBox(): void;
  /** The tab the loans screen opens on (the home screen's overdue card opens "逾期"). */
  loansTab: string;
  showLoans(tab: string): void;
}

export const useNavStore = create<NavState>((set) => ({
  section: 'home',
  go: (section) => set({ section }),
  pendingBoxId: null,
  showBox: (boxId) => set({ section: 'locations', pendingBoxId: boxId }),
  clearPendingBox: () => set({ pendingBoxId: null }),
  loansTab: 'desk',
  showLoans: (tab) => set({ section: 'loans', loansTab: tab }),
}));
