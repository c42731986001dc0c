import type { Kysely } from 'kysely';
import { intakeFileById, intakePagesOf, nextIntakeToSplit, saveIntakePage } from '../../db/queries/scan-intake';
import { forgetScanText, nextScanToRead, pagesReadOf, savePageText, scansWaitingToBeRead, setScanTextState } from '../../db/queries/scan-text';
import type { ArchiveDatabase, IntakePageKind } from '../../db/schema';
import { roleMay } from '../../shared/permissions';
import type { Clock } from './clock';
import type { ServiceContext } from './context';
import type { PageText } from './ocr-engine';
import type { PageSource } from './page-images';
import { firstSeparator, markIntakeUnreadable, separatorOf, splitIntake, type KeptPageText } from './scan-intake';
import { keepLines } from './kept-lines';
import { pageTextBody } from './search';
import { runWorker } from './worker-thread';

type Db = Kysely<ArchiveDatabase>;

// Every scan's pages are read in the background while the archive is open: one run of the OCR
// worker at a time, which asks for the newest scan still to read, reads its pages one by one and
// hands each page's text back to be kept at once. What is kept stays kept: a lock, a crash or a
// restart leaves the pages not yet read waiting for the next run (scans.text_state says which).

/** What the desk hands the worker: one scan's bytes and the pages of it already read. */
export interface ScanToRead {
  kind: 'scan';
  scanId: number;
  bytes: Uint8Array;
  mime: PageSource;
  done: number[];
}

/** A file of the stack's intake, to look at page by page: codes, blank pages, text. */
export interface IntakeToSplit {
  kind: 'intake';
  intakeId: number;
  bytes: Uint8Array;
  mime: PageSource;
  done: number[];
  /** Whether to read the text of the pages until the next separator (not behind a confidential file's sheet). */
  readText: boolean;
}

export type ReaderJob = ScanToRead | IntakeToSplit;

/** What one page of an intake file turned out to be. */
export interface IntakePageSeen {
  intakeId: number;
  pageNo: number;
  pages: number;
  kind: IntakePageKind;
  code?: string;
  text?: PageText | null;
  turned?: 0 | 180;
}

/** A separator found among a page's codes, as the worker needs it. */
export interface SeparatorSeen {
  kind: 'cover' | 'blank-cover' | 'file-label' | 'box-label';
  code: string;
  readText: boolean;
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
  /** The signed-in session's services, or null while the archive is locked. */
  context: () => ServiceContext | null;
  /** Read pages' text (OCR); without it, the intake only splits its files by their codes. */
  readText: boolean;
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
  private failedIntakes = new Set<number>();
  private current: { intakeId: number; fileName: string; page: number; pages: number } | null = null;

  constructor(private readonly o: TextReaderOptions) {}

  /** Starts a run if there is none (at sign-in, and whenever scans are added). */
  kick(): void {
    if (!this.db()) return;
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
    const db = this.db();
    return { reading: this.run !== null, waiting: db ? await scansWaitingToBeRead(db) : 0, pagesRead: this.pagesRead };
  }

  get readsText(): boolean {
    return this.o.readText;
  }

  /** The intake file being looked at now, and its page. */
  intakeProgress(): { fileName: string; page: number; pages: number } | null {
    return this.current && { fileName: this.current.fileName, page: this.current.page, pages: this.current.pages };
  }

  private db(): Db | null {
    return this.o.context()?.db ?? null;
  }

  /** Intake files are split only in a session that may file scans. */
  private intakeContext(): ServiceContext | null {
    const ctx = this.o.context();
    return ctx && roleMay(ctx.session.role, 'customers.write') ? ctx : null;
  }

  private async hasWork(): Promise<boolean> {
    const db = this.db();
    if (!db) return false;
    if (this.intakeContext() && (await nextIntakeToSplit(db, [...this.failedIntakes]))) return true;
    return this.o.readText && !!(await nextScanToRead(db));
  }

  private async readAll(signal: AbortSignal): Promise<void> {
    if (!(await this.hasWork())) return;
    await runWorker<{ read: number }>('ocr-worker', {
      data: { threads: this.o.threads ?? 2, readText: this.o.readText },
      signal,
      graceMs: 10_000,
      services: {
        next: async () => (signal.aborted ? null : this.next()),
        page: async (page: PageRead) => this.keep(page),
        separator: async (codes: string[]) => this.separator(codes),
        intakePage: async (seen: IntakePageSeen) => this.keepIntakePage(seen),
        intakeDone: async (intakeId: number) => this.split(intakeId),
        intakeUnreadable: async (intakeId: number, reason: string) => {
          this.failedIntakes.add(intakeId);
          this.current = null;
          const ctx = this.intakeContext();
          if (ctx) await markIntakeUnreadable(ctx.db, ctx, intakeId, reason);
        },
        unreadable: async (scanId: number, reason: string) => {
          this.failed.add(scanId);
          this.o.log(new Error(`scan ${scanId} could not be read: ${reason}`));
          const open = this.db();
          if (open) await setScanTextState(open, scanId, 'unreadable');
        },
      },
    });
  }

  private async next(): Promise<ReaderJob | null> {
    const intake = await this.nextIntake();
    if (intake) return intake;
    if (!this.o.readText) return null;
    for (;;) {
      const db = this.db();
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
      return { kind: 'scan', scanId: scan.id, bytes, mime: scan.mime as PageSource, done: await pagesReadOf(db, scan.id) };
    }
  }

  /** The oldest intake file still to split; a restart goes on after the last page looked at. */
  private async nextIntake(): Promise<IntakeToSplit | null> {
    const ctx = this.intakeContext();
    if (!ctx) return null;
    const intake = await nextIntakeToSplit(ctx.db, [...this.failedIntakes]);
    if (!intake?.data) return null;
    const seen = await intakePagesOf(ctx.db, intake.id);
    // Text is read, or not, as the last separator before the first page still to look at said.
    const lastSeparator = seen.filter((p) => p.code).at(-1);
    const behind = lastSeparator?.code ? await separatorOf(ctx.db, lastSeparator.code) : null;
    this.current = { intakeId: intake.id, fileName: intake.source_name, page: seen.length, pages: intake.page_count ?? 0 };
    const bytes = new Uint8Array(intake.data.length);
    bytes.set(intake.data);
    return { kind: 'intake', intakeId: intake.id, bytes, mime: intake.mime as PageSource, done: seen.map((p) => p.page_no), readText: this.o.readText && !behind?.confidential };
  }

  private async separator(codes: string[]): Promise<SeparatorSeen | null> {
    const db = this.db();
    if (!db) return null;
    const found = await firstSeparator(db, codes);
    return found && { kind: found.separator.kind, code: found.code, readText: this.o.readText && !found.separator.confidential };
  }

  private async keepIntakePage(seen: IntakePageSeen): Promise<void> {
    const db = this.db();
    if (!db || !(await intakeFileById(db, seen.intakeId))) return;
    const text: KeptPageText | null = seen.text
      ? {
          text: seen.text.text,
          lines: keepLines(seen.text.lines),
          confidence: seen.text.confidence,
          width: seen.text.width,
          height: seen.text.height,
          skew: seen.text.skew,
          readAt: this.o.clock.now().toISOString(),
        }
      : null;
    await saveIntakePage(db, {
      intake_id: seen.intakeId,
      page_no: seen.pageNo,
      kind: seen.kind,
      code: seen.code ?? null,
      text: text && JSON.stringify(text),
      turned: seen.turned ?? seen.text?.turned ?? 0,
    });
    if (seen.text) this.pagesRead++;
    if (this.current?.intakeId === seen.intakeId) this.current = { ...this.current, page: seen.pageNo, pages: seen.pages };
  }

  private async split(intakeId: number): Promise<void> {
    const ctx = this.intakeContext();
    this.current = null;
    if (!ctx) return;
    try {
      await splitIntake(ctx, intakeId);
    } catch (error) {
      // Left waiting (nothing was written): the next run of the app tries it again.
      this.failedIntakes.add(intakeId);
      this.o.log(error);
    }
  }

  private async keep({ scanId, pageNo, pages, text }: PageRead): Promise<void> {
    const db = this.db();
    if (!db) return;
    const done = new Set([...(await pagesReadOf(db, scanId)), pageNo]);
    await savePageText(
      db,
      {
        scanId,
        pageNo,
        text: text.text,
        lines: keepLines(text.lines),
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
