// Reads scanned pages' text, one page at a time, in a thread of its own: the desk keeps answering
// while a page is read. The desk hands over one scan at a time and keeps each page's text as it
// comes back; the models are loaded once for the whole run.
import { OcrEngine } from '../services/ocr-engine';
import { openScanPages } from '../services/page-images';
import type { PageRead, ScanToRead } from '../services/text-reader';
import { serveWorker } from '../services/worker-thread';

serveWorker<{ threads: number }>(async ({ data, call, progress, signal }) => {
  // Tells the desk the run has started here.
  progress({ phase: 'preparing', done: 0, total: 1 });
  const engine = await OcrEngine.create({ threads: data.threads });
  let read = 0;
  try {
    for (;;) {
      const scan = await call<ScanToRead | null>('next');
      if (!scan || signal.aborted) return { read };
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
          const text = await engine.read(await pages.page(pageNo));
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
    await engine.release();
  }
});
