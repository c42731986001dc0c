// Looks at scanned pages one at a time, in a thread of its own, so the desk keeps answering: the
// pages of a file of the stack's intake (its codes, whether it is blank, its text) and the pages
// of scans whose text is still to read. The desk hands over one file at a time and keeps each
// page's result as it comes back; the models are loaded once, when a page is first to be read.
import { readPageCodes } from '../services/barcodes';
import { OcrEngine } from '../services/ocr-engine';
import { isBlankPage, openScanPages } from '../services/page-images';
import type { IntakePageSeen, IntakeToSplit, PageRead, ReaderJob, SeparatorSeen } from '../services/text-reader';
import { serveWorker } from '../services/worker-thread';

serveWorker<{ threads: number; readText: boolean }>(async ({ data, call, progress, signal }) => {
  // Tells the desk the run has started here.
  progress({ phase: 'preparing', done: 0, total: 1 });
  let engine: OcrEngine | null = null;
  const reader = async () => (engine ??= await OcrEngine.create({ threads: data.threads }));
  let read = 0;

  async function lookAtIntake(job: IntakeToSplit): Promise<boolean> {
    let pages: Awaited<ReturnType<typeof openScanPages>>;
    try {
      pages = await openScanPages(job.bytes, job.mime);
    } catch (error) {
      await call('intakeUnreadable', job.intakeId, error instanceof Error ? error.message : String(error));
      return true;
    }
    let readText = job.readText;
    try {
      for (let pageNo = 1; pageNo <= pages.count; pageNo++) {
        if (job.done.includes(pageNo)) continue;
        const image = await pages.page(pageNo);
        const seen: IntakePageSeen = { intakeId: job.intakeId, pageNo, pages: pages.count, kind: 'page' };
        const codes = await readPageCodes(image);
        const separator = codes.length ? await call<SeparatorSeen | null>('separator', codes) : null;
        if (separator) {
          readText = separator.readText;
          await call('intakePage', { ...seen, kind: separator.kind, code: separator.code } satisfies IntakePageSeen);
        } else if (isBlankPage(image)) {
          await call('intakePage', { ...seen, kind: 'blank' } satisfies IntakePageSeen);
        } else {
          // A page whose text is not read (reading is off, or it is behind a confidential file's sheet) is still turned upright.
          const text = readText ? await (await reader()).read(image) : null;
          if (text) read++;
          const turned = text ? text.turned : await (await reader()).orientation(image);
          await call('intakePage', { ...seen, text, turned } satisfies IntakePageSeen);
        }
        if (signal.aborted) return false;
      }
    } catch (error) {
      await call('intakeUnreadable', job.intakeId, error instanceof Error ? error.message : String(error));
      return true;
    } finally {
      await pages.close();
    }
    await call('intakeDone', job.intakeId);
    return true;
  }

  try {
    for (;;) {
      const job = await call<ReaderJob | null>('next');
      if (!job || signal.aborted) return { read };
      if (job.kind === 'intake') {
        if (!(await lookAtIntake(job))) return { read };
        continue;
      }
      const scan = job;
      let pages: Awaited<ReturnType<typeof openScanPages>>;
      try {
        pages = await openScanPages(scan.bytes, scan.mime);
      } catch (error) {
        await call('unreadable', scan.scanId, error instanceof Error ? error.message : String(error));
        continue;
      }
      try {
        for (let pageNo = 1; pageNo <= pages.count; pageNo++) {
          if (scan.done.includes(pageNo)) continue;
          const text = await (await reader()).read(await pages.page(pageNo));
          read++;
          await call('page', { scanId: scan.scanId, pageNo, pages: pages.count, text } satisfies PageRead);
          if (signal.aborted) return { read };
        }
      } catch (error) {
        await call('unreadable', scan.scanId, error instanceof Error ? error.message : String(error));
      } finally {
        await pages.close();
      }
    }
  } finally {
    await (engine as OcrEngine | null)?.release();
  }
});
