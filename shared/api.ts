import type { ArchiveState, Role } from './domain';
import type { ArchiveMethod } from './methods';
import type { CreateArchiveInput, RecoverAccessInput, UnlockInput } from './schemas';

export interface Session {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
}

export interface ArchiveStatus {
  state: ArchiveState;
  /** The folder that holds the archive and its key file. */
  archiveDir: string;
  session: Session | null;
}

export interface CreateArchiveResult {
  session: Session;
  /** Shown once, to print and keep in a safe; it is stored nowhere in the clear. */
  recoveryKey: string;
}

/**
 * Every call the renderer can make. Each takes at most one plain-object argument, validated
 * by its schema in schemas.ts before it reaches a service, and resolves or throws ArchiveError.
 */
export interface ArchiveApi {
  getArchiveStatus(): Promise<ArchiveStatus>;
  createArchive(input: CreateArchiveInput): Promise<CreateArchiveResult>;
  unlock(input: UnlockInput): Promise<Session>;
  recoverAccess(input: RecoverAccessInput): Promise<Session>;
  lock(): Promise<ArchiveStatus>;
}

// Compile-time check that the method list and the interface name the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodListMatchesApi: Same<ArchiveMethod, keyof ArchiveApi> = true;
void methodListMatchesApi;
