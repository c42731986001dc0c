// The yearly bundle export in a process of its own, as the desk app runs it: opens the archive a
// bench made (argv: archive folder, output folder), samples its own memory, and prints one JSON
// line: the resident memory with the archive open and idle (the bare baseline), the peak during
// the export, and its time. Run by bench/bundle.ts.
import { join } from 'node:path';
import { createArchiveApi } from '../electron/api';
import { chromiumPdfRenderer } from '../electron/pdf/chromium-pdf-renderer';
import { manualClock } from '../electron/services/clock';
import { ArchiveVault } from '../electron/services/vault';

const [archiveDir, outDir] = process.argv.slice(2) as [string, string];
const clock = manualClock(new Date('2026-12-20T09:00:00Z'));
const vault = new ArchiveVault(archiveDir, clock, { passwordCost: { N: 2 ** 12, r: 8, p: 1 }, recoveryCost: { N: 2 ** 12, r: 8, p: 1 } });
const pdf = chromiumPdfRenderer();
const api = createArchiveApi({ vault, clock, pdf });
const mb = (n: number) => Math.round(n / 1024 / 1024);
try {
  await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
  await api.listCustomers({});
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak) [peak, atPeak] = [m.rss, m];
  }, 20);
  const phasePeak: Record<string, number> = {};
  const t0 = performance.now();
  const { jobId } = await api.startBundleExport({ year: 2026, folder: join(outDir) });
  for (;;) {
    const p = await api.getJob({ jobId });
    phasePeak[p.phase] = Math.max(phasePeak[p.phase] ?? 0, mb(process.memoryUsage().rss));
    if (p.state !== 'running') {
      if (p.state !== 'done') throw new Error(`export ${p.state}: ${p.error?.message}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      baselineMb: mb(baseline),
      peakMb: mb(peak),
      seconds: (performance.now() - t0) / 1000,
      phasePeakMb: phasePeak,
      atPeak: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, mb(v)])),
    }),
  );
} finally {
  await pdf.close();
  await vault.lock().catch(() => undefined);
}
