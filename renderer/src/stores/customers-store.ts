import { create } from 'zustand';
import type { DocumentHit, PageHit, FileListRow } from '../../../shared/api';
import type { ListCustomersInput } from '../../../shared/schemas';
import { api } from '../api';

export type Filters = Omit<ListCustomersInput, 'page' | 'pageSize' | 'sortBy' | 'sortOrder' | 'query'>;

interface CustomersState {
  /** All files, or the customers due for classification review. */
  mode: 'all' | 'review';
  setMode(mode: 'all' | 'review'): void;
  query: string;
  filters: Filters;
  sortBy: NonNullable<ListCustomersInput['sortBy']>;
  sortOrder: NonNullable<ListCustomersInput['sortOrder']>;
  page: number;
  pageSize: number;
  rows: FileListRow[];
  total: number;
  documentHits: DocumentHit[];
  /** Scanned pages whose text holds the query. */
  pageHits: PageHit[];
  loading: boolean;
  /** The file open in the file view, if any. */
  openFileId: number | null;
  load(): Promise<void>;
  setQuery(query: string): void;
  setFilters(filters: Filters): void;
  setPage(page: number, pageSize: number): void;
  setSort(sortBy: CustomersState['sortBy'], sortOrder: CustomersState['sortOrder']): void;
  openFile(fileId: number | null): void;
}

let requestSeq = 0;

/** Back to a fresh list; an answer still on its way is dropped. */
export function resetCustomers(): void {
  requestSeq++;
  useCustomersStore.setState(useCustomersStore.getInitialState(), true);
}

export const useCustomersStore = create<CustomersState>((set, get) => ({
  mode: 'all',
  setMode: (mode) => {
    set({ mode, page: 1 });
    void get().load();
  },
  query: '',
  filters: {},
  sortBy: 'refNo',
  sortOrder: 'asc',
  page: 1,
  pageSize: 50,
  rows: [],
  total: 0,
  documentHits: [],
  pageHits: [],
  loading: false,
  openFileId: null,
  load: async () => {
    // Answers can arrive out of order while the clerk types; only the latest one is shown.
    const seq = ++requestSeq;
    const { query, filters, sortBy, sortOrder, page, pageSize, mode } = get();
    set({ loading: true });
    try {
      if (mode === 'review') {
        const rows = await api.listDueForReview({});
        if (seq === requestSeq) set({ rows, total: rows.length, documentHits: [], pageHits: [] });
        return;
      }
      const [list, hits] = await Promise.all([
        api.listCustomers({ ...filters, query: query || undefined, sortBy, sortOrder, page, pageSize }),
        query ? api.search({ query, limit: 10 }) : Promise.resolve(null),
      ]);
      if (seq === requestSeq) set({ rows: list.rows, total: list.total, documentHits: hits?.documents ?? [], pageHits: hits?.pages ?? [] });
    } finally {
      if (seq === requestSeq) set({ loading: false });
    }
  },
  setQuery: (query) => {
    set({ query, page: 1 });
    void get().load();
  },
  setFilters: (filters) => {
    set({ filters, page: 1 });
    void get().load();
  },
  setPage: (page, pageSize) => {
    set({ page, pageSize });
    void get().load();
  },
  setSort: (sortBy, sortOrder) => {
    set({ sortBy, sortOrder, page: 1 });
    void get().load();
  },
  openFile: (fileId) => set({ openFileId: fileId }),
}));
