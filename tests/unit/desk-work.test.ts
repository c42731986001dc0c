import { describe, expect, it } from 'vitest';
import type { DeskWorkKind } from '../../shared/api';
import { createArchiveApi } from '../../electron/api';
import { adminInput, customerWorkbook, failureCode, makeVault, openDesk, settleJob, tempDir } from './helpers';

// What reads every page of a large archive (the day's first page check, a backup's copy) runs in
// the archive worker on a connection of its own: the desk answers while it runs, and says what it
// is doing.

/** Makes the archive big enough (~120 MB of pages) that reading it through takes a second or more. */
function fillArchive(ctx: ReturnType<typeof makeVault>): void {
  const sqlite = ctx.vault.sqlite();
  sqlite.exec('create table test_filler (b blob)');
  sqlite.exec('with recursive n(i) as (select 1 union all select i + 1 from n where i < 120) insert into test_filler select randomblob(1000000) from n');
}

/** The longest the event loop was kept from answering until `running` settles: how late a 20 ms timer fired, at worst. */
async function worstLateness(running: Promise<unknown>): Promise<number> {
  let settled = false;
  void running.then(
    () => (settled = true),
    () => (settled = true),
  );
  let worst = 0;
  while (!settled) {
    const start = performance.now();
    await new Promise((r) => setTimeout(r, 20));
    worst = Math.max(worst, performance.now() - start - 20);
  }
  return worst;
}

async function whileWorking(ctx: ReturnType<typeof makeVault>, kind: DeskWorkKind, running: Promise<unknown>): Promise<void> {
  let settled = false;
  void running.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (;;) {
    const status = await ctx.api.getArchiveStatus();
    if (status.work.some((w) => w.kind === kind)) return;
    if (settled) throw new Error(`${kind} was never seen running`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await call();
  return { ms: performance.now() - start, value };
}

describe('long work off the desk’s thread', () => {
  it('answers a call made during the first page check of the day within 200 ms, and refuses a second sign-in meanwhile', async () => {
    const ctx = makeVault(tempDir());
    await openDesk(ctx);
    fillArchive(ctx);
    await ctx.api.lock();
    ctx.clock.advance(24 * 3600_000);

    const unlocking = ctx.api.unlock({ username: 'wangfang', password: adminInput.password });
    const late = worstLateness(unlocking);
    await whileWorking(ctx, 'page-check', unlocking);
    const status = await timed(() => ctx.api.getArchiveStatus());
    expect(status.ms).toBeLessThan(200);
    expect(status.value.state).toBe('locked');
    expect(status.value.work).toEqual([expect.objectContaining({ kind: 'page-check' })]);
    expect(await failureCode(ctx.api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('SIGN_IN_UNDER_WAY');
    expect(await late).toBeLessThan(200);

    const session = await unlocking;
    expect(session.username).toBe('wangfang');
    expect((await ctx.api.getArchiveStatus()).work).toEqual([]);
  }, 120_000);

  it('answers reads and takes writes within 200 ms while a backup is made', async () => {
    const ctx = makeVault(tempDir());
    await openDesk(ctx);
    await ctx.api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] });
    fillArchive(ctx);

    const folder = tempDir();
    const backingUp = ctx.api.backupArchive({ folder });
    const late = worstLateness(backingUp);
    await whileWorking(ctx, 'backup', backingUp);
    const read = await timed(() => ctx.api.listCustomers({}));
    expect(read.ms).toBeLessThan(200);
    expect(read.value.total).toBe(1);
    const write = await timed(() => ctx.api.registerCustomer({ kind: 'tenant', name: '李四', units: ['A-2'] }));
    expect(write.ms).toBeLessThan(200);
    expect((await ctx.api.getArchiveStatus()).work).toEqual([expect.objectContaining({ kind: 'backup' })]);
    expect(await late).toBeLessThan(200);

    const made = await backingUp;
    expect((await ctx.api.getArchiveStatus()).work).toEqual([]);
    expect((await ctx.api.listBackups({ folder })).map((b) => b.folder)).toEqual([made.folder]);

    // The copy restores (李四 is in it or not, by when the copy began).
    const restored = makeVault(tempDir());
    await restored.api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: adminInput.password });
    await restored.api.lock();
    await restored.api.unlock({ username: 'wangfang', password: adminInput.password });
    expect((await restored.api.listCustomers({})).rows.map((r) => r.name)).toContain('张三');
  }, 120_000);

  it('answers reads while an import writes, refuses a save meanwhile in plain words, and a cancel leaves nothing', async () => {
    const ctx = makeVault(tempDir());
    // The import is held at its first step of writing, inside its transaction, until it is cancelled.
    const api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, holdFirstJobAt: 'importing' });
    await openDesk({ ...ctx, api });
    await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] });
    const { jobId } = await api.startCustomerImport({ fileBase64: await customerWorkbook(2000) });
    while ((await api.getJob({ jobId })).phase !== 'importing') await new Promise((r) => setTimeout(r, 5));

    // What is committed is read at once, the import's rows not yet among it.
    const read = await timed(() => api.listCustomers({}));
    expect(read.ms).toBeLessThan(200);
    expect(read.value.total).toBe(1);
    expect((await api.getArchiveStatus()).work).toEqual([expect.objectContaining({ kind: 'import' })]);
    // A save waits for the import's write lock a few seconds, then is refused with nothing written.
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '李四', units: ['A-2'] }))).toBe('ARCHIVE_BUSY');

    await api.cancelJob({ jobId });
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await api.listCustomers({})).rows.map((r) => r.name)).toEqual(['张三']);
    expect((await api.getArchiveStatus()).work).toEqual([]);
    // The desk writes again once the import is over.
    await api.registerCustomer({ kind: 'tenant', name: '李四', units: ['A-2'] });
    expect((await api.listCustomers({})).total).toBe(2);
  }, 120_000);
});
