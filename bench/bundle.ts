// `npm run bench`, third part: the yearly bundle export against a raw copy + SHA-256 of the same
// scan bytes in the same run, with peak memory. Defaults are small; the full size is
//   npx tsx bench/bundle.ts --tenants 2000 --docs 20 --scan-kb 50   (40,000 documents, ~2 GB)
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchiveApi } from '../electron/api';
import { chromiumPdfRenderer } from '../electron/pdf/chromium-pdf-renderer';
import { manualClock } from '../electron/services/clock';
import { ArchiveVault } from '../electron/services/vault';
import { numberArg } from './args';

const TENANTS = numberArg('--tenants', 100);
const DOCS = numberArg('--docs', 20);
const SCAN_KB = numberArg('--scan-kb', 50);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const clock = manualClock(new Date('2026-12-20T09:00:00Z'));
  const vault = new ArchiveVault(join(dir, 'archive'), clock, { passwordCost: { N: 2 ** 12, r: 8, p: 1 }, recoveryCost: { N: 2 ** 12, r: 8, p: 1 } });
  const pdf = chromiumPdfRenderer();
  const api = createArchiveApi({ vault, clock, pdf });
  try {
    mkdirSync(join(dir, 'archive'));
    // 三员分立: the administrator makes the archive and the desk's account, who does the file work.
    await api.createArchive({ organisation: '华联物业客务部', username: 'admin', displayName: '系统管理员', password: 'Desk-2026-pass', passwordConfirm: 'Desk-2026-pass' });
    await api.createAccount({ username: 'wangfang', displayName: '王芳', role: 'department_manager', password: 'Desk-2026-pass', passwordConfirm: 'Desk-2026-pass' });
    await api.lock();
    await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
    let t0 = performance.now();
    // A scan is a PDF header over random bytes (random: nothing compresses, as with real scans).
    const scan = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(SCAN_KB * 1024 - 9)]).toString('base64');
    for (let i = 0; i < TENANTS; i++) {
      const fileId = (await api.registerCustomer({ kind: 'tenant', name: `退租租户${i}`, floor: String(1 + (i % 20)), units: [`U-${i}`], moveInDate: '2018-01-01', moveOutDate: '2026-06-30' })).customer.files[0]!.id;
      await api.reopenFile({ fileId, reason: 'bench' });
      for (let d = 0; d < DOCS; d++) {
        await api.addDocument({ fileId, category: 'other', title: `文件${d + 1}`, docDate: '2024-01-01', pages: 1, isOriginal: false, scans: [{ fileName: `scan-${d + 1}.pdf`, dataBase64: scan() }] });
      }
    }
    console.log(`\nYearly bundle: ${TENANTS} tenants, ${TENANTS * DOCS} documents, ${((TENANTS * DOCS * SCAN_KB) / 1024).toFixed(0)} MB of scans (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Baseline: every scan's bytes read from the archive, written to disk and hashed.
    t0 = performance.now();
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    const ids = await vault.db().selectFrom('scans').select('id').execute();
    let rawBytes = 0;
    for (const { id } of ids) {
      const row = await vault.db().selectFrom('scans').select('data').where('id', '=', id).executeTakeFirstOrThrow();
      writeFileSync(join(raw, `${id}.pdf`), row.data);
      createHash('sha256').update(row.data).digest('hex');
      rawBytes += row.data.length;
    }
    const rawSeconds = (performance.now() - t0) / 1000;
    rmSync(raw, { recursive: true, force: true });

    peak = 0;
    t0 = performance.now();
    const phases: Record<string, number> = {};
    let last = performance.now();
    let lastPhase = '';
    const { jobId } = await api.startBundleExport({ year: 2026, folder: join(dir, 'out') });
    for (;;) {
      const p = await api.getJob({ jobId });
      if (p.phase !== lastPhase) {
        if (lastPhase) phases[lastPhase] = (phases[lastPhase] ?? 0) + (performance.now() - last) / 1000;
        last = performance.now();
        lastPhase = p.phase;
      }
      if (p.state !== 'running') {
        if (p.state !== 'done') throw new Error(`export ${p.state}: ${p.error?.message}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const mb = rawBytes / 1024 / 1024;
    console.table([
      { what: 'raw copy + SHA-256 of the scans', seconds: rawSeconds.toFixed(1), 'MB/s': (mb / rawSeconds).toFixed(1) },
      { what: 'bundle export (PDFs, records, scans, zip, verify)', seconds: seconds.toFixed(1), 'MB/s': (mb / seconds).toFixed(1) },
    ]);
    console.log('phases (s):', Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Number(v.toFixed(1))])));
    console.log(`export / raw time: ${(seconds / rawSeconds).toFixed(1)}×; peak RSS during export: ${(peak / 1024 / 1024).toFixed(0)} MB; ${(seconds / TENANTS).toFixed(2)} s per tenant`);
  } finally {
    clearInterval(sampler);
    await pdf.close();
    await vault.lock().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
