import type { Kysely } from 'kysely';
import { forgetScanText, nextScanToRead, pagesReadOf, savePageText, scansWaitingToBeRead, setScanTextState } from '../../db/queries/scan-text';
import type { ArchiveDatabase } from '../../db/schema';
import type { Clock } from './clock';
import type { PageText } from './ocr-engine';
import type { PageSource } from './page-images';
import { pageTextBody } from './search';
import { runWorker } from './worker-thread';

type Db = Kysely<ArchiveDatabase>;

// Every scan's pages are read in the background while the archive is open: one run of the OCR
// worker at a time, which asks for the newest scan still to read, reads its pages one by one and
// hands each page's text back to be kept at once. What is kept stays kept: a lock, a crash or a
// restart leaves the pages not yet read waiting for the next run (scans.text_state says which).

/** What the desk hands the worker: one scan's bytes and the pages of it already read. */
export interface ScanToRead {
  scanId: number;
  bytes: Uint8Array;
  mime: PageSource;
  done: number[];
}

export interface PageRead {
  scanId: number;
  pageNo: number;
  pages: number;
  text: PageText;
}

export interface TextReaderStatus {
  /** A run is going. */
  reading: boolean;
  /** Scans with pages still to read. */
  waiting: number;
  /** Pages read since the archive was opened. */
  pagesRead: number;
}

export interface TextReaderOptions {
  /** The open archive's connection, or null while it is locked. */
  db: () => Db | null;
  clock: Clock;
  log: (error: unknown) => void;
  /** ONNX Runtime's threads in the worker (default 2: the desk's calls are short and share the cores). */
  threads?: number;
}

const readable = new Set<string>(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']);

export class TextReader {
  private run: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private again = false;
  private pagesRead = 0;
  /** Scans that failed in this run of the app are not offered again until the next. */
  private failed = new Set<number>();

  constructor(private readonly o: TextReaderOptions) {}

  /** Starts a run if there is none (at sign-in, and whenever scans are added). */
  kick(): void {
    if (!this.o.db()) return;
    if (this.run) {
      this.again = true;
      return;
    }
    this.again = false;
    const controller = new AbortController();
    this.controller = controller;
    this.run = this.readAll(controller.signal)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) this.o.log(error);
      })
      .finally(() => {
        this.run = null;
        this.controller = null;
        if (this.again && !controller.signal.aborted) this.kick();
      });
  }

  /** Stops the run at the page it is on (before a lock): what was read is kept. */
  async stop(): Promise<void> {
    this.controller?.abort();
    this.again = false;
    await this.run;
  }

  /** Resolves when nothing is left to read (tests, the bench). */
  async settled(): Promise<void> {
    while (this.run) await this.run;
  }

  async status(): Promise<TextReaderStatus> {
    const db = this.o.db();
    return { reading: this.run !== null, waiting: db ? await scansWaitingToBeRead(db) : 0, pagesRead: this.pagesRead };
  }

  private async readAll(signal: AbortSignal): Promise<void> {
    const db = this.o.db();
    if (!db || !(await nextScanToRead(db))) return;
    await runWorker<{ read: number }>('ocr-worker', {
      data: { threads: this.o.threads ?? 2 },
      signal,
      graceMs: 10_000,
      services: {
        next: async () => (signal.aborted ? null : this.next()),
        page: async (page: PageRead) => this.keep(page),
        unreadable: async (scanId: number, reason: string) => {
          this.failed.add(scanId);
          this.o.log(new Error(`scan ${scanId} could not be read: ${reason}`));
          const open = this.o.db();
          if (open) await setScanTextState(open, scanId, 'unreadable');
        },
      },
    });
  }

  private async next(): Promise<ScanToRead | null> {
    for (;;) {
      const db = this.o.db();
      if (!db) return null;
      let scan = await nextScanToRead(db);
      while (scan && this.failed.has(scan.id)) scan = await nextScanToRead(db, scan.id);
      if (!scan) return null;
      // A confidential scan is sealed: its text is not read (it would sit beside it in the clear).
      if (scan.sealed_key) {
        await forgetScanText(db, scan.id, 'withheld');
        continue;
      }
      if (!readable.has(scan.mime)) {
        await setScanTextState(db, scan.id, 'unreadable');
        continue;
      }
      const bytes = new Uint8Array(scan.data.length);
      bytes.set(scan.data);
      return { scanId: scan.id, bytes, mime: scan.mime as PageSource, done: await pagesReadOf(db, scan.id) };
    }
  }

  private async keep({ scanId, pageNo, pages, text }: PageRead): Promise<void> {
    const db = this.o.db();
    if (!db) return;
    const done = new Set([...(await pagesReadOf(db, scanId)), pageNo]);
    await savePageText(
      db,
      {
        scanId,
        pageNo,
        text: text.text,
        lines: JSON.stringify(text.lines.map((l) => ({ t: l.text, b: l.box, c: +l.confidence.toFixed(3) }))),
        confidence: text.confidence,
        width: text.width,
        height: text.height,
        turned: text.turned,
        skew: text.skew,
        readAt: this.o.clock.now().toISOString(),
      },
      pageTextBody(text.text),
      done.size >= pages,
    );
    this.pagesRead++;
  }
}
