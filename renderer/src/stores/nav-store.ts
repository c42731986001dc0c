import { create } from 'zustand';

export const sections = ['customers', 'locations', 'loans', 'approvals', 'forms', 'yearly', 'destruction', 'audit', 'settings'] as const;
export type Section = (typeof sections)[number];

interface NavState {
  section: Section;
  go(section: Section): void;
}

export const useNavStore = create<NavState>((set) => ({
  section: 'customers',
  go: (section) => set({ section }),
}));
