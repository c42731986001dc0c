import { create } from 'zustand';
import type { Borrower, DeskOutcome } from '../../../shared/api';
import type { ReturnCondition } from '../../../shared/domain';
import { type ArchiveError } from '../../../shared/errors';
import { api } from '../api';
import { toArchiveError } from '../errors';
import { localDate } from '../../../shared/dates';

/** One scanned file waiting for Enter: to be lent to the borrower, or checked back in. */
export interface DeskLine {
  fileId: number;
  refNo: string;
  name: string;
  action: 'lend' | 'return';
  /** For a return: who had it. For a lending: the approved slip. */
  detail: string;
  condition: ReturnCondition;
  note: string;
}

export type ScanOutcome =
  { kind: 'queued'; line: DeskLine } | { kind: 'borrower'; borrower: Borrower } | { kind: 'refused'; reason: 'noBorrower' | 'notApproved' | 'unknown' | 'already'; code: string };

interface DeskState {
  borrower: Borrower | null;
  lines: DeskLine[];
  signature: string | undefined;
  busy: boolean;
  error: ArchiveError | null;
  setBorrower(b: Borrower | null): void;
  setSignature(png: string | undefined): void;
  setLine(fileId: number, patch: Partial<Pick<DeskLine, 'condition' | 'note'>>): void;
  removeLine(fileId: number): void;
  /** A scanned code: a borrower's badge (employee number) or a file's 档号. */
  scan(code: string): Promise<ScanOutcome>;
  /** Enter: lends and returns everything queued, in one pass. */
  confirm(): Promise<{ lent: DeskOutcome[]; returned: DeskOutcome[] } | null>;
  clear(): void;
}

export const useLoanDeskStore = create<DeskState>((set, get) => ({
  borrower: null,
  lines: [],
  signature: undefined,
  busy: false,
  error: null,
  setBorrower: (borrower) => set({ borrower, lines: get().lines.filter((l) => l.action === 'return') }),
  setSignature: (signature) => set({ signature }),
  setLine: (fileId, patch) => set({ lines: get().lines.map((l) => (l.fileId === fileId ? { ...l, ...patch } : l)) }),
  removeLine: (fileId) => set({ lines: get().lines.filter((l) => l.fileId !== fileId) }),
  scan: async (raw) => {
    const code = raw.trim();
    if (get().lines.some((l) => l.refNo === code || l.refNo === code.replace(/\./g, '·'))) return { kind: 'refused', reason: 'already', code };
    const target = await api.findByCode({ code }).catch(() => null);
    if (!target || target.kind !== 'file') {
      // Not a file: perhaps the borrower's badge.
      const badge = (await api.listBorrowers({ query: code })).find((b) => b.employeeNo?.toLowerCase() === code.toLowerCase());
      if (badge) {
        get().setBorrower(badge);
        return { kind: 'borrower', borrower: badge };
      }
      return { kind: 'refused', reason: 'unknown', code };
    }
    const where = await api.whereIsFile({ fileId: target.fileId });
    if (get().lines.some((l) => l.fileId === where.fileId)) return { kind: 'refused', reason: 'already', code };
    const base = { fileId: where.fileId, refNo: where.refNo, name: where.name, condition: 'complete' as const, note: '' };
    if (where.out) {
      const line: DeskLine = { ...base, action: 'return', detail: `${where.out.borrower}（${where.out.department}）${localDate(where.out.since)} · ${where.out.slipNo}` };
      set({ lines: [...get().lines, line] });
      return { kind: 'queued', line };
    }
    const borrower = get().borrower;
    if (!borrower) return { kind: 'refused', reason: 'noBorrower', code };
    const [approved] = await api.listLoans({ borrowerId: borrower.id, fileId: where.fileId, status: 'approved' });
    if (!approved) return { kind: 'refused', reason: 'notApproved', code };
    const line: DeskLine = { ...base, action: 'lend', detail: `${approved.slipNo} · ${approved.purpose}` };
    set({ lines: [...get().lines, line] });
    return { kind: 'queued', line };
  },
  confirm: async () => {
    const { borrower, lines, signature } = get();
    if (lines.length === 0) return null;
    set({ busy: true, error: null });
    try {
      const lend = lines.filter((l) => l.action === 'lend');
      const back = lines.filter((l) => l.action === 'return');
      const returned = back.length
        ? await api.returnFiles({ items: back.map((l) => ({ fileId: l.fileId, condition: l.condition, note: l.note || undefined })), signaturePng: lend.length ? undefined : signature })
        : [];
      set({ lines: get().lines.filter((l) => l.action !== 'return') });
      const lent = lend.length && borrower ? await api.lendFiles({ borrowerId: borrower.id, fileIds: lend.map((l) => l.fileId), signaturePng: signature }) : [];
      set({ lines: [], signature: undefined });
      // What the borrower holds now.
      if (borrower) set({ borrower: (await api.getBorrowerHoldings({ borrowerId: borrower.id })).borrower });
      return { lent, returned };
    } catch (e) {
      set({ error: toArchiveError(e) });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  clear: () => set({ borrower: null, lines: [], signature: undefined, error: null }),
}));
