import { sql, type Kysely } from 'kysely';
import type { Account, ArchiveDatabase, NewAccount } from '../schema';

export async function insertAccount(db: Kysely<ArchiveDatabase>, account: NewAccount): Promise<Account> {
  return db.insertInto('accounts').values(account).returningAll().executeTakeFirstOrThrow();
}

export async function findAccountByUsername(db: Kysely<ArchiveDatabase>, username: string): Promise<Account | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where(sql<string>`username collate nocase`, '=', username)
    .executeTakeFirst();
}

export async function touchLastLogin(db: Kysely<ArchiveDatabase>, id: number, at: string): Promise<void> {
  await db.updateTable('accounts').set({ last_login_at: at }).where('id', '=', id).execute();
}

export async function markPasswordChanged(db: Kysely<ArchiveDatabase>, id: number, at: string): Promise<void> {
  await db.updateTable('accounts').set({ password_changed_at: at, updated_at: at }).where('id', '=', id).execute();
}

export async function recordPasswordFailure(db: Kysely<ArchiveDatabase>, id: number, failures: number, pausedUntil: string | null): Promise<void> {
  await db.updateTable('accounts').set({ failed_attempts: failures, paused_until: pausedUntil }).where('id', '=', id).execute();
}

export async function clearPasswordFailures(db: Kysely<ArchiveDatabase>, id: number): Promise<void> {
  await db.updateTable('accounts').set({ failed_attempts: 0, paused_until: null }).where('id', '=', id).where('failed_attempts', '>', 0).execute();
}
