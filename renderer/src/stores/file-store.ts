import { create } from 'zustand';
import type { CustomerDetail, DocumentCategory, FileDetail } from '../../../shared/api';
import { api } from '../api';

interface FileState {
  file: FileDetail | null;
  customer: CustomerDetail | null;
  categories: DocumentCategory[];
  category: string | undefined;
  loading: boolean;
  load(fileId: number, category?: string): Promise<void>;
  reload(): Promise<void>;
  loadCategories(): Promise<void>;
  clear(): void;
}

export const useFileStore = create<FileState>((set, get) => ({
  file: null,
  customer: null,
  categories: [],
  category: undefined,
  loading: false,
  load: async (fileId, category) => {
    set({ loading: true, category });
    try {
      const file = await api.getFile({ fileId, category });
      const customer = await api.getCustomer({ customerId: file.customer.id });
      set({ file, customer });
    } finally {
      set({ loading: false });
    }
  },
  reload: async () => {
    const { file, category } = get();
    if (file) await get().load(file.id, category);
  },
  loadCategories: async () => {
    if (get().categories.length === 0) set({ categories: await api.listDocumentCategories() });
  },
  clear: () => set({ file: null, customer: null, category: undefined }),
}));
