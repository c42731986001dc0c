import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index';
import { migrateTo, migrateToLatest, openArchive } from '../../db/open';
import { newArchiveKey } from '../../db/key-slots';
import { NO_MIGRATIONS } from 'kysely/migration';
import { tempDir } from './helpers';
import { verifyAuditChain } from '../../db/queries/audit';

async function tableNames(db: Parameters<typeof migrateToLatest>[0]) {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

const latestTables = [
  'accounts',
  'archive_meta',
  'audit_log',
  'customers',
  'customer_contacts',
  'classification_changes',
  'files',
  'file_ref_aliases',
  'ref_counters',
  'document_categories',
  'documents',
  'document_revisions',
  'scans',
  'settings',
  'search_trigram',
  'search_short',
  'desk_records',
  'desk_record_revisions',
  'desk_record_events',
  'desk_record_scans',
];

describe('migrations', () => {
  it('chain the audit entries written before the audit-chain migration, keeping them as they were', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, '0002-customer-files');
    const at = '2026-01-01T00:00:00.000Z';
    await archive.db.insertInto('accounts').values({ username: 'wangfang', display_name: '王芳', role: 'clerk', created_at: at, updated_at: at, password_changed_at: at }).execute();
    for (const action of ['login', 'customer.registered', 'logout']) {
      await (archive.db as any).insertInto('audit_log').values({ at, account_id: 1, action, target_type: null, target_id: null, details: '{"n":1}' }).execute();
    }
    const before = await (archive.db as any).selectFrom('audit_log').select(['id', 'at', 'account_id', 'action', 'details']).orderBy('id').execute();
    await migrateToLatest(archive.db);
    const after = await archive.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(after.map(({ id, at, account_id, action, details }) => ({ id, at, account_id, action, details }))).toEqual(before);
    expect(after.every((r) => /^[0-9a-f]{64}$/.test(r.hash!))).toBe(true);
    expect(after[1]!.prev_hash).toBe(after[0]!.hash);
    expect(await verifyAuditChain(archive.db)).toEqual({ checked: 3, firstBroken: null });
    await archive.close();
  });

  it('are named in order and run on open', async () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    expect(await tableNames(archive.db)).toEqual(expect.arrayContaining(latestTables));
    expect(archive.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(archive.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await archive.close();
  });

  it('go down to nothing and up again', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, NO_MIGRATIONS as unknown as string);
    expect(await tableNames(archive.db)).toEqual([]);
    await migrateToLatest(archive.db);
    expect(await tableNames(archive.db)).toEqual(expect.arrayContaining(latestTables));
    await archive.close();
  });

  it('keep the data of an archive made before the customer-files migration', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, '0001-foundation');
    expect(await tableNames(archive.db)).toEqual(['accounts', 'archive_meta', 'audit_log']);
    const at = '2026-01-01T00:00:00.000Z';
    await archive.db.insertInto('accounts').values({ username: 'wangfang', display_name: '王芳', role: 'clerk', created_at: at, updated_at: at, password_changed_at: at }).execute();
    await archive.db.insertInto('audit_log').values({ at, account_id: 1, action: 'login', target_type: null, target_id: null, details: null }).execute();
    const auditColumns = ['id', 'at', 'account_id', 'action', 'target_type', 'target_id', 'details'] as const;
    const before = { accounts: await archive.db.selectFrom('accounts').selectAll().execute(), audit: await archive.db.selectFrom('audit_log').select(auditColumns).execute() };
    await migrateToLatest(archive.db);
    // Columns added later (0010: password attempts) start at their defaults; nothing else moves.
    const expected = { ...before, accounts: before.accounts.map((a) => ({ ...a, failed_attempts: 0, paused_until: null })) };
    expect({ accounts: await archive.db.selectFrom('accounts').selectAll().execute(), audit: await archive.db.selectFrom('audit_log').select(auditColumns).execute() }).toEqual(expected);
    // 0002's sixteen categories and 0018's 客户紧急联络表.
    expect(await archive.db.selectFrom('document_categories').select('code').execute()).toHaveLength(17);
    await archive.close();
  });

  it('mark the restaurants among the customers of an archive made before the duties migration, from their industry', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, '0017-scan-intake');
    const at = '2026-01-01T00:00:00.000Z';
    const customer = (name: string, industry: string | null) =>
      sql`insert into customers (kind, name, industry, name_pinyin, created_at, updated_at) values ('tenant', ${name}, ${industry}, '', ${at}, ${at})`.execute(archive.db);
    await customer('兰州拉面', '餐饮');
    await customer('华联便利店', '零售');
    await customer('张三', null);
    const before = await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db);
    await migrateTo(archive.db, '0019-duty-indexes');
    const after = await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db);
    // Every column as it was, and the flag from the industry.
    expect(after.rows).toEqual(before.rows.map((r) => ({ ...r, restaurant: r.industry === '餐饮' ? 1 : 0 })));
    expect((await archive.db.selectFrom('document_categories').where('code', '=', 'emergency_contacts').select('label_zh').executeTakeFirst())?.label_zh).toBe('客户紧急联络表');
    // And back: the flag and the (unused) category go, the customers stay.
    await migrateTo(archive.db, '0017-scan-intake');
    expect((await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db)).rows).toEqual(before.rows);
    await archive.close();
  });

  it('give the customers of an archive made before owners none, and take the column and the hand-overs back down', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, '0019-duty-indexes');
    const at = '2026-01-01T00:00:00.000Z';
    for (const name of ['兰州拉面', '华联便利店']) await sql`insert into customers (kind, name, name_pinyin, created_at, updated_at) values ('tenant', ${name}, '', ${at}, ${at})`.execute(archive.db);
    const before = await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db);
    await migrateTo(archive.db, '0020-customer-owners');
    const after = await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db);
    expect(after.rows).toEqual(before.rows.map((r) => ({ ...r, owner_id: null })));
    // An owner that is not on the staff list is refused by the archive itself.
    await expect(sql`update customers set owner_id = 42`.execute(archive.db)).rejects.toThrow(/FOREIGN KEY/);
    await migrateTo(archive.db, '0019-duty-indexes');
    expect((await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db)).rows).toEqual(before.rows);
    await archive.close();
  });

  it('keep every customer as it was when admission and closing come, blacklisted ones found by the index, and back', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, '0020-customer-owners');
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into customers (kind, name, name_pinyin, created_at, updated_at) values ('sales', '经销商', '', ${at}, ${at})`.execute(archive.db);
    await sql`insert into customers (kind, name, name_pinyin, blacklisted, blacklist_reason, blacklisted_at, created_at, updated_at) values ('tenant', '鑫达', '', 1, '欠租', ${at}, ${at}, ${at})`.execute(
      archive.db,
    );
    const before = await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db);
    await migrateTo(archive.db, '0021-customer-admission');
    const after = await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db);
    expect(after.rows).toEqual(before.rows.map((r) => ({ ...r, admission: null, closed_at: null, closed_reason: null })));
    const plan = await sql<{ detail: string }>`explain query plan select id from customers where blacklisted = 1 and (name collate nocase = '鑫达' or licence_no collate nocase = 'X1')`.execute(
      archive.db,
    );
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('customers_blacklist');
    await migrateTo(archive.db, '0020-customer-owners');
    expect((await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db)).rows).toEqual(before.rows);
    await archive.close();
  });

  it('keep every file as it was when new-file review comes, taken as reviewed, counted through their indexes, and back', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    await migrateTo(archive.db, '0021-customer-admission');
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into customers (kind, name, name_pinyin, created_at, updated_at) values ('tenant', '兰州拉面', '', ${at}, ${at})`.execute(archive.db);
    for (const [unit, seq] of [
      ['A-1', 1],
      ['A-2', 2],
    ] as const)
      await sql`insert into files (customer_id, unit, ref_no, category, year, seq, retention, status, label_name, created_at, updated_at) values (1, ${unit}, ${`KH-2026-${seq}`}, 'KH', 2026, ${seq}, '30', 'active', '兰州拉面', ${at}, ${at})`.execute(
        archive.db,
      );
    const files = async () => (await sql<Record<string, unknown>>`select * from files order by id`.execute(archive.db)).rows;
    const customers = async () => (await sql<Record<string, unknown>>`select * from customers order by id`.execute(archive.db)).rows;
    const before = { files: await files(), customers: await customers() };
    await migrateTo(archive.db, '0022-new-file-review');
    expect(await files()).toEqual(before.files.map((r) => ({ ...r, opened_by: null, review_state: 'approved', review_note: null, reviewed_by: null, reviewed_at: null })));
    expect(await customers()).toEqual(before.customers.map((r) => ({ ...r, first_contact_on: null })));
    const plan = async (query: ReturnType<typeof sql>) => (await sql<{ detail: string }>`explain query plan ${query}`.execute(archive.db)).rows.map((r) => r.detail).join(' ');
    expect(await plan(sql`select count(*) from files where review_state = 'pending'`)).toContain('files_under_review');
    expect(await plan(sql`select count(*) from files where home_box_id is null and status = 'active'`)).toContain('INDEX files_box_status');
    await migrateTo(archive.db, '0021-customer-admission');
    expect({ files: await files(), customers: await customers() }).toEqual(before);
    await archive.close();
  });

  it('enforce foreign keys and the role list', async () => {
    const archive = await openArchive(join(tempDir(), 'a.db'), newArchiveKey(), { create: true });
    const at = new Date().toISOString();
    await expect(archive.db.insertInto('audit_log').values({ at, account_id: 42, action: 'x', target_type: null, target_id: null, details: null }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      archive.db
        .insertInto('accounts')
        .values({ username: 'a', display_name: 'a', role: 'owner' as never, created_at: at, updated_at: at, password_changed_at: at })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await archive.close();
  });
});
