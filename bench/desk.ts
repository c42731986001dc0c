// `npm run bench`, desk part: the calls a clerk waits on, through the real services on an
// encrypted archive, each with its target (PASS/FAIL; the bench never fails the build):
//   open a file with 200 documents ≤ 50 ms; lend and return by code p95 ≤ 10 ms;
//   the same reads on a decrypted copy (encryption overhead ≤ 1.25×); cold open (unlock at the
//   real scrypt cost, then the first list page).
//   npx tsx bench/desk.ts --customers 2000
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { ARCHIVE_FILE, KEY_FILE } from '../db/archive-files';
import { findRecoverySlot, parseKeyFile, unwrapArchiveKey } from '../db/key-slots';
import { applyArchiveKey, wrapKysely } from '../db/open';
import { createArchiveApi } from '../electron/api';
import { systemClock } from '../electron/services/clock';
import { listFiles, searchArchive } from '../electron/services/customers';
import { loadFile } from '../electron/services/documents';
import { ArchiveVault } from '../electron/services/vault';
import { listCustomersInput } from '../shared/schemas';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const CUSTOMERS = arg('--customers', 2000);
const ROUNDS = arg('--rounds', 200);
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))]!;
async function time<T>(samples: number[], f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  samples.push(performance.now() - t);
  return r;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-desk-'));
  const archiveDir = join(dir, 'archive');
  mkdirSync(archiveDir);
  // The real key-derivation cost, so the cold open is what a clerk sees.
  const vault = new ArchiveVault(archiveDir, systemClock);
  const api = createArchiveApi({ vault, clock: systemClock });
  const password = 'Desk-2026-pass';
  const rows: Record<string, string | number>[] = [];
  const line = (what: string, value: number, unit: string, target: string, pass: boolean) => rows.push({ what, value: +value.toFixed(2), unit, target, result: pass ? 'PASS' : 'FAIL' });
  try {
    const { recoveryKey } = await api.createArchive({ organisation: '华联物业客务部', username: 'wangfang', displayName: '王芳', password, passwordConfirm: password });
    await api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' });
    const fileIds: number[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      fileIds.push((await api.registerCustomer({ kind: 'tenant', name: `租户${i}号商行`, floor: String(1 + (i % 20)), units: [`U-${i}`] })).customer.files[0]!.id);
    }
    const big = fileIds[0]!;
    for (let d = 0; d < 200; d++) await api.addDocument({ fileId: big, category: 'other', title: `往来函第${d + 1}号`, docDate: '2024-01-01', pages: 1, isOriginal: false });

    // Open a file with 200 documents.
    const open: number[] = [];
    for (let i = 0; i < 50; i++) await time(open, () => api.getFile({ fileId: big }));
    line('open a file with 200 documents (p95)', p(open, 95), 'ms', '≤ 50 ms', p(open, 95) <= 50);

    // Lend and return by code: the scanned 档号 is looked up, then lent or returned.
    const borrower = await api.saveBorrower({ name: '刘强', department: '工程部' });
    const lendIds = fileIds.slice(1, 1 + ROUNDS);
    for (const fileId of lendIds) {
      const loan = await api.requestLoan({ borrowerId: borrower.id, fileIds: [fileId], purpose: '核对', kind: 'take_out' });
      await api.decideApproval({ approvalId: loan.approval!.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
    }
    const refs = await Promise.all(lendIds.map(async (id) => (await api.getFile({ fileId: id })).refNo));
    const lend: number[] = [];
    const back: number[] = [];
    for (const ref of refs) {
      await time(lend, async () => {
        const found = await api.findByCode({ code: ref });
        if (found.kind === 'file') await api.lendFiles({ borrowerId: borrower.id, fileIds: [found.fileId] });
      });
    }
    for (const ref of refs) {
      await time(back, async () => {
        const found = await api.findByCode({ code: ref });
        if (found.kind === 'file') await api.returnFiles({ items: [{ fileId: found.fileId, condition: 'complete' }] });
      });
    }
    line('lend by code (p95)', p(lend, 95), 'ms', '≤ 10 ms', p(lend, 95) <= 10);
    line('return by code (p95)', p(back, 95), 'ms', '≤ 10 ms', p(back, 95) <= 10);

    // The same reads on the encrypted archive and on a decrypted copy of it.
    const reads = async (db: ReturnType<typeof wrapKysely>) => {
      const s: number[] = [];
      for (let i = 0; i < 100; i++) {
        await time(s, () => loadFile(db, big));
        await time(s, () => searchArchive(db, `租户${i * 7}`, 20));
        await time(s, () => listFiles(db, listCustomersInput.parse({ sortBy: 'name', page: 1 + (i % 20), pageSize: 50 })));
      }
      return s.reduce((a, b) => a + b, 0);
    };
    const encrypted = await reads(vault.db());
    await api.lock();
    const keyFile = parseKeyFile(readFileSync(join(archiveDir, KEY_FILE), 'utf8'))!;
    const key = (await unwrapArchiveKey(findRecoverySlot(keyFile)!, keyFile.archiveId, recoveryKey))!;
    const plainPath = join(dir, 'plain.db');
    copyFileSync(join(archiveDir, ARCHIVE_FILE), plainPath);
    const rekey = new Database(plainPath);
    applyArchiveKey(rekey, key);
    rekey.pragma(`rekey=''`);
    rekey.close();
    const plainDb = new Database(plainPath);
    plainDb.pragma('journal_mode = WAL');
    const plain = await reads(wrapKysely(plainDb));
    plainDb.close();
    line('encrypted / plaintext, same reads', encrypted / plain, '×', '≤ 1.25×', encrypted / plain <= 1.25);

    // Cold open: unlock (scrypt at the real cost, by design ~0.75 s here) to the first list page.
    const t = performance.now();
    await api.unlock({ username: 'wangfang', password });
    await api.listCustomers({ pageSize: 50 });
    const cold = performance.now() - t;
    line('cold open: unlock to first list page', cold, 'ms', '≤ 1000 ms', cold <= 1000);

    console.log(`\nDesk calls on an encrypted archive of ${CUSTOMERS} customers (${ROUNDS} loans)`);
    console.table(rows);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(join('bench-results', 'desk.json'), JSON.stringify({ customers: CUSTOMERS, rounds: ROUNDS, rows }, null, 2));
  } finally {
    await vault.lock().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
