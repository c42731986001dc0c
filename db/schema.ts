import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountStatus, Role } from '../shared/domain';

/** Timestamps are ISO-8601 strings in UTC, written by the services' clock. */
type Timestamp = string;

export interface ArchiveMetaTable {
  key: string;
  value: string;
}

export interface AccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  last_login_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  account_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
}

export interface ArchiveDatabase {
  archive_meta: ArchiveMetaTable;
  accounts: AccountsTable;
  audit_log: AuditLogTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
