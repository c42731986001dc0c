import { create } from 'zustand';

export const sections = ['customers', 'locations', 'inspections', 'loans', 'approvals', 'forms', 'yearly', 'destruction', 'audit', 'settings'] as const;
export type Section = (typeof sections)[number];

interface NavState {
  section: Section;
  go(section: Section): void;
  /** A box to show on the locations screen (a scanned box code). */
  pendingBoxId: number | null;
  showBox(boxId: number): void;
  clearPendingBox(): void;
}

export const useNavStore = create<NavState>((set) => ({
  section: 'customers',
  go: (section) => set({ section }),
  pendingBoxId: null,
  showBox: (boxId) => set({ section: 'locations', pendingBoxId: boxId }),
  clearPendingBox: () => set({ pendingBoxId: null }),
}));
