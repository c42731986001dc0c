import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BagReport } from '../../electron/services/bundle-bag';
import type { VerifyBagJob, ZipBagJob } from '../../electron/services/bundle-zip';
import { writeError } from '../../electron/services/local-paths';
import { runWorker, runWorkerOrHere, type WorkerName } from '../../electron/services/worker-thread';
import { ArchiveError } from '../../shared/errors';
import { tempDir } from './helpers';

/** A folder of `count` files of random bytes (nothing compresses, as with scans). */
function folderOf(count: number, kb: number): string {
  const root = tempDir('worker-bag-');
  const folder = join(root, 'bag');
  mkdirSync(join(folder, 'data'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(folder, 'data', `scan-${i}.pdf`), randomBytes(kb * 1024));
  return folder;
}

describe('work in worker threads', () => {
  it('zips and checks a bag in a thread of its own while the desk keeps answering, with progress', async () => {
    const folder = folderOf(300, 64);
    const zipPath = join(folder, '..', 'bag.zip');
    const phases = new Set<string>();
    let lastZip = 0;
    // The desk's event loop: the longest it went unanswered while the worker ran.
    let longest = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const reports = await runWorker<{ zip: BagReport; folder: BagReport }>('bag-worker', {
      data: { folder, topName: 'bag', zipPath } satisfies ZipBagJob,
      progress: (step) => {
        phases.add(step.phase);
        if (step.phase === 'zip') lastZip = step.done;
      },
    }).finally(() => clearInterval(tick));
    const took = performance.now() - started;
    expect(existsSync(zipPath)).toBe(true);
    expect(lastZip).toBe(300);
    expect([...phases]).toContain('zip');
    // A folder without manifests is no bag: the worker says so of the zip and of the folder.
    expect(reports.zip.ok).toBe(false);
    expect(reports.folder.ok).toBe(false);
    expect(reports.folder.problems).toContainEqual({ kind: 'missing', path: 'manifest-sha256.txt' });
    expect(took).toBeGreaterThan(200);
    expect(longest).toBeLessThan(200);
  }, 60_000);

  it('checks a bag the clerk names, folder or zip, in the same worker', async () => {
    const folder = folderOf(3, 4);
    const scan = readFileSync(join(folder, 'data', 'scan-0.pdf'));
    const lines = [0, 1, 2]
      .map(
        (i) =>
          `${createHash('sha256')
            .update(readFileSync(join(folder, 'data', `scan-${i}.pdf`)))
            .digest('hex')}  data/scan-${i}.pdf\n`,
      )
      .join('');
    writeFileSync(join(folder, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    writeFileSync(join(folder, 'bag-info.txt'), 'Source-Organization: 华联物业客务部\n');
    writeFileSync(join(folder, 'manifest-sha256.txt'), lines);
    writeFileSync(join(folder, 'tagmanifest-sha256.txt'), `${createHash('sha256').update(lines).digest('hex')}  manifest-sha256.txt\n`);
    const zipPath = join(folder, '..', 'bag.zip');
    const made = await runWorker<{ zip: BagReport; folder: BagReport }>('bag-worker', { data: { folder, topName: 'bag', zipPath } satisfies ZipBagJob });
    expect(made.zip.ok && made.folder.ok).toBe(true);
    const steps: number[] = [];
    expect(await runWorker<BagReport>('bag-worker', { data: { verify: zipPath } satisfies VerifyBagJob, progress: (s) => steps.push(s.done) })).toMatchObject({ ok: true, files: 3 });
    expect(steps.length).toBeGreaterThan(0);
    writeFileSync(join(folder, 'data', 'scan-0.pdf'), Buffer.concat([scan, Buffer.from('x')]));
    expect((await runWorker<BagReport>('bag-worker', { data: { verify: folder } satisfies VerifyBagJob })).problems).toContainEqual({ kind: 'changed', path: 'data/scan-0.pdf' });
  }, 30_000);

  it('stops at its next step when the job is cancelled, and says so', async () => {
    const folder = folderOf(400, 32);
    const controller = new AbortController();
    let steps = 0;
    const run = runWorker('bag-worker', {
      data: { folder, topName: 'bag', zipPath: join(folder, '..', 'bag.zip') } satisfies ZipBagJob,
      signal: controller.signal,
      progress: () => {
        if (++steps === 5) controller.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('CANCELLED');
    // It stopped soon after the cancel, not at the end of the 400 files.
    expect(steps).toBeLessThan(100);
  }, 60_000);

  it('a job cancelled before its worker starts ends at once', async () => {
    const folder = folderOf(200, 64);
    const controller = new AbortController();
    controller.abort();
    const started = performance.now();
    const error = await runWorker('bag-worker', { data: { folder, topName: 'bag', zipPath: join(folder, '..', 'bag.zip') } satisfies ZipBagJob, signal: controller.signal, graceMs: 0 }).catch(
      (e: unknown) => e,
    );
    expect((error as ArchiveError).code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('a system error in the worker keeps its code, so the clerk reads what it means', async () => {
    const folder = folderOf(2, 1);
    // The zip's folder is a file: the write fails with ENOTDIR inside the worker.
    const inTheWay = join(folder, '..', 'in-the-way');
    writeFileSync(inTheWay, '');
    const zipPath = join(inTheWay, 'bag.zip');
    const error = await runWorker('bag-worker', { data: { folder, topName: 'bag', zipPath } satisfies ZipBagJob }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ENOTDIR');
    expect(writeError(error, inTheWay, 0)?.code).toBe('FOLDER_NOT_WRITABLE');
  }, 30_000);

  it('a damaged batch PDF fails its split in the worker, and the desk goes on', async () => {
    const error = await runWorker('pdf-split-worker', { data: { bytes: new Uint8Array(randomBytes(4096)), expected: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ArchiveError);
    // The next one runs as if nothing happened.
    const folder = folderOf(1, 1);
    const reports = await runWorker<{ zip: BagReport }>('bag-worker', { data: { folder, topName: 'bag', zipPath: join(folder, '..', 'ok.zip') } satisfies ZipBagJob });
    expect(reports.zip.files).toBeGreaterThanOrEqual(0);
  }, 30_000);

  it('does a job on the desk’s thread when its worker cannot start at all, but never runs again a job that started and failed', async () => {
    let ranHere = 0;
    const here = () => {
      ranHere++;
      return 'done here';
    };
    // A worker whose file is not there (a damaged install).
    expect(await runWorkerOrHere('no-such-worker' as WorkerName, { data: {} }, here)).toBe('done here');
    expect(ranHere).toBe(1);
    // The archive worker starts, reports, then fails (a copy into a folder that is not there): that failure is the answer.
    const job = { task: 'copy', file: join(tempDir(), 'none.db'), key: new Uint8Array(32), copy: join(tempDir(), 'missing', 'copy.db') };
    await expect(runWorkerOrHere('archive-worker', { data: job }, here)).rejects.toThrow();
    expect(ranHere).toBe(1);
  });
});
