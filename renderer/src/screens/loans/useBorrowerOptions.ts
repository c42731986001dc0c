import { api } from '../../api';
import { useApi } from '../../components/useApi';
import type { Borrower } from '../../../../shared/api';

/** The borrowers a loan can be for, as a picker's options; loaded again each time `open` turns true. */
export function useBorrowerOptions(open: boolean) {
  const borrowers = useApi(() => (open ? api.listBorrowers({}) : Promise.resolve(null)), [open], null as Borrower[] | null);
  return { options: (borrowers.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.department}）` })), error: borrowers.error };
}
