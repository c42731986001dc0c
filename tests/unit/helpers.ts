import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createArchiveApi } from '../../electron/api';
import { createDispatcher } from '../../electron/dispatch';
import { manualClock } from '../../electron/services/clock';
import { ArchiveVault } from '../../electron/services/vault';
import { ArchiveError } from '../../shared/errors';

/** A light scrypt cost for tests; one test (vault.test) checks the real default separately. */
export const testCost = { N: 2 ** 12, r: 8, p: 1 };

const dirs: string[] = [];
const vaults: ArchiveVault[] = [];

export function tempDir(prefix = 'archive-desk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const vault of vaults.splice(0)) await vault.lock().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const adminInput = {
  organisation: '华联物业客务部',
  username: 'wangfang',
  displayName: '王芳',
  password: 'Desk-2026-pass',
  passwordConfirm: 'Desk-2026-pass',
};

export function makeVault(dir = tempDir(), start = new Date('2026-11-23T09:00:00Z'), keepAcrossTests = false) {
  const clock = manualClock(start);
  const vault = new ArchiveVault(dir, clock, { passwordCost: testCost, recoveryCost: testCost });
  if (!keepAcrossTests) vaults.push(vault);
  const api = createArchiveApi({ vault, clock });
  const dispatch = createDispatcher(api, () => undefined);
  return { dir, clock, vault, api, dispatch };
}

/** An archive one test file shares across its tests (built once in beforeAll); `dispose` in afterAll. */
export function makeSuiteVault() {
  const dir = mkdtempSync(join(tmpdir(), 'archive-desk-suite-'));
  const ctx = makeVault(dir, undefined, true);
  return {
    ...ctx,
    dispose: async () => {
      await ctx.vault.lock().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file in a folder with its SHA-256: equal snapshots mean nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  }
  return out;
}

/** Runs a call that must fail, and returns its ArchiveError code. */
export async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArchiveError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Moves the desk's clock far ahead, signing out and in again as a clerk would across days. */
export async function travel(ctx: ReturnType<typeof makeVault>, to: Date | number): Promise<void> {
  const session = ctx.vault.session;
  if (session) await ctx.api.lock();
  if (typeof to === 'number') ctx.clock.advance(to);
  else ctx.clock.set(to);
  if (session) await ctx.api.unlock({ username: session.username, password: adminInput.password });
}

export { settleJob } from '../jobs';
