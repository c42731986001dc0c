import { create } from 'zustand';
import type { FormRequest } from '../../components/FormPreview';

/** What the register screen shows first (工作台's cards open it on a kind's open or overdue records). */
export interface RegisterView {
  kind: string;
  open?: boolean;
  overdue?: boolean;
}

interface RecordState {
  /** The record open in its drawer, wherever it was opened from. */
  openRecordId: number | null;
  openRecord(id: number | null): void;
  /** The form being filled: a new record of a kind (for a file), or a kept one changed. */
  editing: { kind: string; fileId?: number; recordId?: number; /** How the file reads (档号, name, unit) when the form starts from it. */ fileLabel?: string } | null;
  edit(editing: RecordState['editing']): void;
  /** Bumped after every save, so the lists showing records load again. */
  saved: number;
  markSaved(): void;
  view: RegisterView;
  showRegister(view: RegisterView): void;
  /** The forms being previewed for printing (a record, a selection, a floor, a blank form). */
  printing: FormRequest | null;
  print(request: FormRequest | null): void;
}

export const useRecordStore = create<RecordState>((set) => ({
  openRecordId: null,
  openRecord: (id) => set({ openRecordId: id }),
  editing: null,
  edit: (editing) => set({ editing }),
  saved: 0,
  markSaved: () => set((s) => ({ saved: s.saved + 1 })),
  view: { kind: 'complaint' },
  showRegister: (view) => set({ view }),
  printing: null,
  print: (printing) => set({ printing }),
}));

/** The print request of kept records of one kind. */
export const printRecords = (kind: string, recordIds: number[]): FormRequest => ({ formId: 'desk-record', blank: false, params: { recordKind: kind, recordIds } });
