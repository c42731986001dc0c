import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { isCorruptionError } from '../db/open';
import type { ArchiveApi } from '../shared/api';
import { defaultLocale, isLocale, type Locale } from '../shared/domain';
import { ArchiveError, type ArchiveErrorPayload } from '../shared/errors';
import { fieldLabel, patternMessage } from '../shared/field-labels';
import { errorPayload } from './dispatch';
import { roleMay, rolesAllowed } from '../shared/permissions';
import type { MethodContext, MethodDefinition } from './features/define';
import { methodNames, methodsFor, methodTable } from './features';
import { OpenedBundles } from './services/bundle-open';
import type { Clock } from './services/clock';
import { DeskSession } from './services/desk-session';
import { JobRunner } from './services/jobs';
import { ScanFolderWatcher } from './services/scan-folder';
import { TextReader } from './services/text-reader';
import type { PdfRenderer } from './services/pdf';
import type { ArchiveVault } from './services/vault';

export interface ArchiveApiDeps {
  vault: ArchiveVault;
  clock: Clock;
  /** Make the daily backup a few seconds after the first sign-in (the app and the host do; tests don't). */
  dailyBackup?: boolean;
  log?: (error: unknown) => void;
  /** Makes form PDFs; without one, a PDF request is refused with PDF_UNAVAILABLE. */
  pdf?: PdfRenderer;
  /** The system's folder dialog (Electron's); the loopback host has none. */
  chooseFolder?: (defaultPath?: string) => Promise<string | null>;
  /** Browser tests only: the first job to reach this phase waits there until it is cancelled. */
  holdFirstJobAt?: string;
  /**
   * Read scanned pages' text in the background while the archive is open (the app and the host
   * do; tests ask for it). `threads`: ONNX Runtime's threads for the reader (default 2).
   */
  readText?: boolean | { threads?: number };
  /** How often the scan folder is looked at, and how long a file must be still (tests make them short). */
  scanFolderTiming?: { pollMs?: number; settleMs?: number };
}

/** A method as the transports call it: the caller's language comes along for the messages of a refused input. */
type GuardedCall = (input?: unknown, locale?: unknown) => Promise<unknown>;

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } satisfies Record<Locale, unknown>;

/**
 * The one composition root: every declared method behind its schema and its permission, with
 * the desk's shared parts handed to the handlers. Electron's IPC and the loopback host both
 * serve exactly this object, through the dispatcher.
 */
export function createArchiveApi({ vault, clock, dailyBackup = false, log = console.error, pdf, chooseFolder, holdFirstJobAt, readText = false, scanFolderTiming = {} }: ArchiveApiDeps): ArchiveApi {
  /** How a failed job reads; an unexpected failure is logged like any failed call. */
  const jobError = (error: unknown): ArchiveErrorPayload => {
    if (error instanceof ArchiveError) return errorPayload(error.code, 'zh-CN', error.details);
    log(error);
    return errorPayload('INTERNAL', 'zh-CN');
  };
  const jobs = new JobRunner(clock, jobError, { holdFirstAt: holdFirstJobAt });
  const bundles = new OpenedBundles();
  // Always there: the stack's intake splits its files in the reader's worker; text is read only when asked for.
  const textReader = new TextReader({
    context: () => (vault.session ? context.services() : null),
    readText: !!readText,
    clock,
    log,
    threads: typeof readText === 'object' ? readText.threads : undefined,
  });
  const scanFolder = new ScanFolderWatcher({ context: () => (vault.session ? context.services() : null), received: () => textReader.kick(), log, ...scanFolderTiming });
  const desk = new DeskSession({ vault, clock, jobs, bundles, dailyBackup, folderDialog: !!chooseFolder, mayCall: methodsFor, log, textReader, scanFolder });
  const context: MethodContext = {
    vault,
    clock,
    desk,
    jobs,
    bundles,
    pdf,
    chooseFolder,
    textReader,
    scanFolder,
    db: () => vault.db(),
    session: () => vault.session!,
    services: () => ({
      db: vault.db(),
      clock,
      session: vault.session!,
      archiveDir: vault.dir,
      // Read when a service needs it: the key file is read from disk then, not on every call.
      get keys() {
        return vault.scanKeys();
      },
    }),
  };

  const guarded = {} as Record<string, GuardedCall>;
  for (const method of methodNames) {
    const { input: schema, permission, handler, issueLabel } = methodTable[method] as MethodDefinition;
    guarded[method] = async (input, requestedLocale) => {
      // Who may call comes first: a refused caller learns nothing of what the input should be.
      if (permission !== 'public') {
        const session = vault.session;
        if (!session) throw new ArchiveError(vault.status().state === 'none' ? 'ARCHIVE_NOT_FOUND' : 'NOT_SIGNED_IN');
        await desk.keepAlive();
        if (!roleMay(session.role, permission)) throw new ArchiveError('FORBIDDEN', { method, allowedRoles: rolesAllowed(permission) });
      }
      // Parsed once, here: nothing unparsed reaches a handler, and a refusal names the fields in words.
      const locale = isLocale(requestedLocale) ? requestedLocale : defaultLocale;
      const parsed = schema.safeParse(input ?? {}, { error: zodLocales[locale].localeError });
      if (!parsed.success) throw new ArchiveError('VALIDATION_FAILED', { issues: validationIssues(parsed.error, locale, (path) => issueLabel?.(path, input, locale) ?? null) });
      try {
        return await handler(parsed.data, context);
      } catch (error) {
        throw storageError(error, vault) ?? error;
      }
    };
  }
  return guarded as unknown as ArchiveApi;
}

/** Each refused field: its path, its name in words, and what is wrong with it. */
function validationIssues(error: z.ZodError, locale: Locale, ownLabel: (path: string) => string | null) {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // A pattern is no message for a person (zod would show the regex itself).
    const message = issue.code === 'invalid_format' && (issue as { format?: string }).format === 'regex' ? patternMessage[locale] : issue.message;
    return { path, label: ownLabel(path) ?? fieldLabel(path, locale), message };
  });
}

/** SQLite's word for a damaged file or a full disk, said with the archive's own path. */
function storageError(error: unknown, vault: ArchiveVault): ArchiveError | null {
  if (error instanceof ArchiveError) return null;
  if (isCorruptionError(error)) return new ArchiveError('ARCHIVE_DAMAGED', { file: vault.paths.archive });
  const code = (error as { code?: unknown } | null)?.code;
  // Another connection (an import's, in its worker) holds the write lock past the wait: nothing was written.
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return new ArchiveError('ARCHIVE_BUSY');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    const wal = existsSync(`${vault.paths.archive}-wal`) ? statSync(`${vault.paths.archive}-wal`).size : 0;
    // SQLite needs room for its log and a checkpoint: at least what the log holds, and some to spare.
    return new ArchiveError('DISK_FULL', { folder: vault.dir, neededMb: Math.ceil(wal / 1024 / 1024) + 64 });
  }
  return null;
}
