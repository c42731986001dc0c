import { sql, type Kysely, type Updateable } from 'kysely';
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

export function accountById(db: Kysely<ArchiveDatabase>, id: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every account, the active ones first, by username. */
export function accountRows(db: Kysely<ArchiveDatabase>): Promise<Account[]> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .orderBy(sql`status = 'active'`, 'desc')
    .orderBy('username')
    .execute();
}

/** How many active administrators the archive has (the last one stays). */
export async function activeAdministrators(db: Kysely<ArchiveDatabase>): Promise<number> {
  const { n } = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(n);
}

export function updateAccountRow(db: Kysely<ArchiveDatabase>, id: number, changes: Updateable<ArchiveDatabase['accounts']>): Promise<Account> {
  return db.updateTable('accounts').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The usernames of the active general managers. */
export async function activeGeneralManagers(db: Kysely<ArchiveDatabase>): Promise<string[]> {
  return (await db.selectFrom('accounts').select('username').where('role', '=', 'general_manager').where('status', '=', 'active').execute()).map((m) => m.username);
}
