// `npm run bench`, third part: the yearly bundle export against a raw copy + SHA-256 of the same
// scan bytes in the same run, with the export's peak memory (in a process of its own, against the
// same process with the archive open and idle). Defaults are small; the full size is
//   npx tsx bench/bundle.ts --tenants 2000 --docs 20 --scan-kb 50   (40,000 documents, ~2 GB)
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArchiveApi } from '../electron/api';
import { chromiumPdfRenderer } from '../electron/pdf/chromium-pdf-renderer';
import { manualClock } from '../electron/services/clock';
import { ArchiveVault } from '../electron/services/vault';
import { numberArg } from './args';
import { deskProcessEnv } from '../scripts/desk-env.mjs';

const TENANTS = numberArg('--tenants', 100);
const DOCS = numberArg('--docs', 20);
const SCAN_KB = numberArg('--scan-kb', 50);

/** A desk PC may have 4 GB: the export's peak stays under this whatever the bundle's size. */
const PEAK_TARGET_MB = 300;

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
      const fileId = (await api.registerCustomer({ kind: 'tenant', name: `退租租户${i}`, floor: String(1 + (i % 20)), units: [`U-${i}`], moveInDate: '2018-01-01', moveOutDate: '2026-06-30' }))
        .customer.files[0]!.id;
      await api.reopenFile({ fileId, reason: 'bench' });
      for (let d = 0; d < DOCS; d++) {
        await api.addDocument({ fileId, category: 'other', title: `文件${d + 1}`, docDate: '2024-01-01', pages: 1, isOriginal: false, scans: [{ fileName: `scan-${d + 1}.pdf`, dataBase64: scan() }] });
      }
    }
    console.log(
      `\nYearly bundle: ${TENANTS} tenants, ${TENANTS * DOCS} documents, ${((TENANTS * DOCS * SCAN_KB) / 1024).toFixed(0)} MB of scans (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

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

    // The export runs in a fresh process, as in the desk app: this one holds the generated data.
    await api.lock();
    // Bundled as the app's own code is (no TypeScript loader in memory), dependencies from node_modules.
    const benchDist = join(process.cwd(), 'dist', 'bench');
    const workersDir = fileURLToPath(new URL('../electron/workers/', import.meta.url));
    const childScript = join(benchDist, 'bundle-export.mjs');
    await build({
      // The export and, beside it as in the app's build, every worker it may start.
      entryPoints: Object.fromEntries([
        ['bundle-export', fileURLToPath(new URL('./bundle-export.ts', import.meta.url))],
        ...readdirSync(workersDir)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => [f.replace(/\.ts$/, ''), join(workersDir, f)]),
      ]),
      outdir: benchDist,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    type ChildResult = { baselineMb: number; peakMb: number; seconds: number; phasePeakMb: Record<string, number>; atPeak: Record<string, number> };
    const runChild = (out: string, env: NodeJS.ProcessEnv): ChildResult =>
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', childScript, join(dir, 'archive'), join(dir, out)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'], env })
          .trim()
          .split('\n')
          .at(-1)!,
      ) as ChildResult;
    // As `npm start` runs the desk (glibc's arenas held to two), and with glibc's defaults.
    const child = runChild('out-desk', deskProcessEnv());
    const plain = runChild('out-default', Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MALLOC_ARENA_MAX')));
    const seconds = child.seconds;
    const mb = rawBytes / 1024 / 1024;
    console.table([
      { what: 'raw copy + SHA-256 of the scans', seconds: rawSeconds.toFixed(1), 'MB/s': (mb / rawSeconds).toFixed(1) },
      { what: 'bundle export (PDFs, records, scans, zip, verify)', seconds: seconds.toFixed(1), 'MB/s': (mb / seconds).toFixed(1) },
    ]);
    const row = (what: string, r: ChildResult) => ({
      what,
      'RSS MB': r.peakMb,
      target: `< ${PEAK_TARGET_MB}`,
      ratio: `${(r.peakMb / r.baselineMb).toFixed(1)}×`,
      ok: r.peakMb < PEAK_TARGET_MB ? 'yes' : 'NO',
    });
    console.table([
      { what: 'archive open, idle (bare baseline)', 'RSS MB': child.baselineMb, target: '', ratio: '1.0×' },
      row('peak during the export, as the desk runs', child),
      { what: 'archive open, idle, glibc default arenas', 'RSS MB': plain.baselineMb, target: '', ratio: '1.0×' },
      row('peak during the export, glibc default arenas', plain),
    ]);
    console.log('peak RSS by phase (MB):', child.phasePeakMb, 'at the peak (MB):', child.atPeak);
    console.log(
      `export / raw time: ${(seconds / rawSeconds).toFixed(1)}×; ${(seconds / TENANTS).toFixed(2)} s per tenant; scans ${mb.toFixed(0)} MB, peak ${child.peakMb} MB (${plain.peakMb} MB with glibc's defaults; target < ${PEAK_TARGET_MB} MB whatever the size)`,
    );
  } finally {
    await pdf.close();
    await vault.lock().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
