import { create } from 'zustand';
import type { ArchiveStatus } from '../../../shared/api';
import { type ArchiveError } from '../../../shared/errors';
import type { CreateArchiveInput, RecoverAccessInput, UnlockInput } from '../../../shared/schemas';
import { api, onSessionLost } from '../api';
import { toArchiveError } from '../errors';
import { resetFeatureStores } from './reset';

interface SessionState {
  status: ArchiveStatus | null;
  /** Set right after creating the archive, until the clerk confirms it is printed. */
  recoveryKey: string | null;
  createdAt: string | null;
  busy: boolean;
  error: ArchiveError | null;
  /** The idle minutes before the desk locks itself: read at sign-in, changed the moment settings are saved. */
  autoLockMinutes: number | null;
  setAutoLockMinutes(minutes: number): void;
  refresh(): Promise<void>;
  createArchive(input: CreateArchiveInput): Promise<boolean>;
  unlock(input: UnlockInput): Promise<boolean>;
  recoverAccess(input: RecoverAccessInput): Promise<boolean>;
  lock(): Promise<void>;
  dismissRecoveryKey(): void;
  clearError(): void;
}

export const useSessionStore = create<SessionState>((set, get) => {
  // Any call that finds the session gone (auto-lock, another window locked it) returns to sign-in.
  onSessionLost(() => {
    resetFeatureStores();
    void api.getArchiveStatus().then((status) => set({ status, recoveryKey: null }));
  });
  /** Runs one call with the busy flag and error capture; true when it succeeded. */
  async function run(action: () => Promise<void>): Promise<boolean> {
    set({ busy: true, error: null });
    try {
      await action();
      return true;
    } catch (error) {
      set({ error: toArchiveError(error) });
      return false;
    } finally {
      set({ busy: false });
    }
  }

  return {
    status: null,
    recoveryKey: null,
    createdAt: null,
    busy: false,
    error: null,
    refresh: async () => {
      await run(async () => set({ status: await api.getArchiveStatus() }));
    },
    createArchive: (input) =>
      run(async () => {
        const { recoveryKey } = await api.createArchive(input);
        set({ recoveryKey, createdAt: new Date().toLocaleString(), status: await api.getArchiveStatus() });
      }),
    unlock: (input) =>
      run(async () => {
        await api.unlock(input);
        set({ status: await api.getArchiveStatus() });
      }),
    recoverAccess: (input) =>
      run(async () => {
        await api.recoverAccess(input);
        set({ status: await api.getArchiveStatus() });
      }),
    lock: async () => {
      await run(async () => set({ status: await api.lock(), recoveryKey: null }));
      if (get().status?.state !== 'unlocked') resetFeatureStores();
      if (get().status?.state === 'unlocked') await get().refresh();
    },
    dismissRecoveryKey: () => set({ recoveryKey: null, createdAt: null }),
    clearError: () => set({ error: null }),
    autoLockMinutes: null,
    setAutoLockMinutes: (minutes) => set({ autoLockMinutes: minutes }),
  };
});
