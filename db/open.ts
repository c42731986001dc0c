import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider, migrations } from './migrations/index';
import type { ArchiveDatabase } from './schema';

export type SqliteDatabase = Database.Database;

export interface OpenedArchive {
  sqlite: SqliteDatabase;
  db: Kysely<ArchiveDatabase>;
  close(): Promise<void>;
}

/**
 * Keys the connection with a raw 256-bit key in SQLCipher 4 format, so the file opens with
 * any SQLCipher-compatible tool that is given the key. Must be the first thing done.
 */
export function applyArchiveKey(sqlite: SqliteDatabase, key: Buffer): void {
  if (key.length !== 32) throw new Error('archive key must be 32 bytes');
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

/** The settings every read-write connection runs with. */
export function applyConnectionSettings(sqlite: SqliteDatabase): void {
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; power loss may drop the last commit only.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Erase deleted content instead of leaving it in free pages (a destroyed scan leaves no trace).
  sqlite.pragma('secure_delete = ON');
  // 64 MB of decrypted pages kept between calls (the default is 2 MB): every page read from disk
  // is decrypted again, so a warm cache is what makes the second look at a list or report cheap.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
}

export function wrapKysely(sqlite: SqliteDatabase, options: ConnectionOptions = {}): Kysely<ArchiveDatabase> {
  return new Kysely<ArchiveDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, options) }) });
}

interface ConnectionOptions {
  /**
   * Every transaction takes the write lock at once (BEGIN IMMEDIATE). A long one on a second
   * connection (an import's, in its worker) must: a deferred one that read first is refused its
   * first write when the desk's connection has written meanwhile.
   */
  beginImmediate?: boolean;
}

/**
 * Kysely prepares every query anew; a desk call runs the same few dozen statements over and over
 * (an import runs them per row), so prepared statements are kept by their SQL, least recently used
 * dropped past `max`. Nothing here streams (iterate), so one statement is never in use twice at once.
 */
const noTransaction = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }), all: () => [], iterate: () => [][Symbol.iterator]() };

function withStatementCache(sqlite: SqliteDatabase, { beginImmediate = false }: ConnectionOptions, max = 300) {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      // SQLite ends a transaction itself on some errors (a full disk: SQLITE_FULL); Kysely's
      // rollback after it would fail and hide that error, so a rollback with none open does nothing.
      if (sql === 'rollback' && !sqlite.inTransaction) return noTransaction as unknown as ReturnType<SqliteDatabase['prepare']>;
      if (sql === 'begin' && beginImmediate) sql = 'begin immediate';
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

function opened(sqlite: SqliteDatabase, options: ConnectionOptions = {}): OpenedArchive {
  const db = wrapKysely(sqlite, options);
  return {
    sqlite,
    db,
    // Kysely's destroy closes the underlying connection.
    close: () => db.destroy(),
  };
}

/**
 * Opens a keyed archive for reading and writing, and brings its schema up to date. The caller
 * has already checked the file with inspectArchive: this is the step that may write.
 */
export async function openArchive(file: string, key: Buffer, options: { create?: boolean; migrate?: boolean } & ConnectionOptions = {}): Promise<OpenedArchive> {
  const sqlite = new Database(file, { fileMustExist: !options.create });
  try {
    applyArchiveKey(sqlite, key);
    applyConnectionSettings(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const archive = opened(sqlite, { beginImmediate: options.beginImmediate });
  // A worker's second connection to an archive the desk has open (and brought up to date) does not migrate.
  if (options.migrate === false) return archive;
  try {
    await migrateToLatest(archive.db);
  } catch (error) {
    await archive.close();
    throw error;
  }
  return archive;
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error;
}

export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
  if (error) throw error;
}

export type InspectResult = { kind: 'ok' } | { kind: 'damaged'; reason: string } | { kind: 'too-new'; unknownMigrations: string[] };

/**
 * Checks a keyed archive read-only before anything writes to it: the key opens it, the pages
 * are sound (quick_check), and this version knows every migration it has run.
 */
/**
 * Runs `read` on a read-only keyed connection. A read-only connection to a WAL archive leaves an
 * empty -wal and a -shm behind; the ones this made are removed, so the folder is as it was.
 */
export function withReadOnlyArchive<T>(file: string, key: Buffer, read: (sqlite: SqliteDatabase) => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path));
  let sqlite: SqliteDatabase | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    applyArchiveKey(sqlite, key);
    return read(sqlite);
  } finally {
    sqlite?.close();
    const wal = `${file}-wal`;
    if (sidecars.includes(wal) && (!existsSync(wal) || statSync(wal).size === 0)) {
      for (const path of sidecars) rmSync(path, { force: true });
    }
  }
}

/**
 * Checks a keyed archive read-only before anything writes to it: the key opens it, the pages
 * are sound (quick_check, or the full integrity_check), and this version knows every migration it has run.
 */
export function inspectArchive(file: string, key: Buffer, options: { full?: boolean; skipPageCheck?: boolean } = {}): InspectResult {
  try {
    return withReadOnlyArchive(file, key, (sqlite): InspectResult => {
      sqlite.prepare('select count(*) from sqlite_master').get();
      // Reads every page: seconds on a large archive, so an unlock skips it when the file is as this app left it today.
      const check = options.skipPageCheck ? 'ok' : sqlite.pragma(options.full ? 'integrity_check' : 'quick_check', { simple: true });
      if (check !== 'ok') return { kind: 'damaged', reason: String(check) };
      const hasMigrations = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
      if (!hasMigrations) return { kind: 'damaged', reason: 'no migration table' };
      const ran = sqlite.prepare('select name from kysely_migration').pluck().all() as string[];
      const unknown = ran.filter((name) => !(name in migrations));
      if (unknown.length > 0) return { kind: 'too-new', unknownMigrations: unknown };
      return { kind: 'ok' };
    });
  } catch (error) {
    return { kind: 'damaged', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The newest audit entry: what a backup's manifest records, so a later check can tell the copy's history was kept. */
export interface AuditHead {
  id: number;
  hash: string;
}

/**
 * Writes a consistent, compacted copy of a keyed archive (VACUUM INTO, encrypted with the same
 * key) from a connection of its own, so writes on the desk's connection go on meanwhile; returns
 * the audit head the copy holds, read from the copy itself.
 */
export function copyArchive(file: string, key: Buffer, copy: string): AuditHead | null {
  withReadOnlyArchive(file, key, (sqlite) => sqlite.prepare('vacuum into ?').run(copy));
  return withReadOnlyArchive(copy, key, (sqlite) => (sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as AuditHead | undefined) ?? null);
}

/** SQLite's own error codes that mean the file's bytes are not a sound archive. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

/** An account's role and status read from an archive file at rest (a backup's, before it is put in place). */
export function accountInFile(file: string, key: Buffer, username: string): { role: string; status: string } | undefined {
  return withReadOnlyArchive(
    file,
    key,
    (sqlite) => sqlite.prepare('select role, status from accounts where username = ? collate nocase').get(username) as { role: string; status: string } | undefined,
  );
}

/** Ends WAL mode: the file then stands alone, with nothing in a -wal beside it. */
export function leaveWriteAheadLog(sqlite: SqliteDatabase): void {
  sqlite.pragma('journal_mode = DELETE');
}

/** Moves everything in the -wal into the file and empties it, so no old page is left in the log. */
export function truncateWriteAheadLog(sqlite: SqliteDatabase): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** Makes a new -wal after one went missing: checkpoint, leave WAL mode, and enter it again. */
export function renewWriteAheadLog(sqlite: SqliteDatabase): void {
  truncateWriteAheadLog(sqlite);
  leaveWriteAheadLog(sqlite);
  sqlite.pragma('journal_mode = WAL');
}
