import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ArchiveDatabase } from '../../db/schema';
import type { Session } from '../../shared/api';
import type { Locale } from '../../shared/domain';
import type { MethodAccess } from '../../shared/permissions';
import type { OpenedBundles } from '../services/bundle-open';
import type { Clock } from '../services/clock';
import type { ServiceContext } from '../services/context';
import type { DeskSession } from '../services/desk-session';
import type { JobRunner } from '../services/jobs';
import type { PdfRenderer } from '../services/pdf';
import type { ScanFolderWatcher } from '../services/scan-folder';
import type { TextReader } from '../services/text-reader';
import type { ArchiveVault } from '../services/vault';

/** What a handler may use besides its input: the archive, the signed-in session and the desk's shared parts. */
export interface MethodContext {
  vault: ArchiveVault;
  clock: Clock;
  /** The open archive (a signed-in method only). */
  db(): Kysely<ArchiveDatabase>;
  /** Who is signed in (a signed-in method only). */
  session(): Session;
  /** What a domain service gets for this call: the archive, the clock, the session, the scan keys. */
  services(): ServiceContext;
  desk: DeskSession;
  jobs: JobRunner;
  bundles: OpenedBundles;
  /** Makes form PDFs; absent where there is no Chromium (the service then says so). */
  pdf: PdfRenderer | undefined;
  /** The system's folder dialog (Electron's); the loopback host has none. */
  chooseFolder: ((defaultPath?: string) => Promise<string | null>) | undefined;
  /** Reads scanned pages' text in the background; absent where it was not asked for (most tests). */
  textReader: TextReader | undefined;
  /** The scan folder watched while the archive is open. */
  scanFolder: ScanFolderWatcher;
}

export interface MethodDefinition<Input extends z.ZodType = z.ZodType, Result = unknown> {
  /** Parsed before the handler runs (once, by the composition root): the handler gets its output. */
  input: Input;
  /** `public` works locked (it is how one unlocks), `signed-in` needs any account, else a permission the role must hold. */
  permission: MethodAccess;
  handler: (input: z.output<Input>, m: MethodContext) => Result;
  /** Names a refused field the shared field labels do not know (a record kind's own fields). */
  issueLabel?: (path: string, input: unknown, locale: Locale) => string | null;
}

/** One method of the contract, declared once in its feature module (see CONTRIBUTING.md). */
export function defineMethod<Input extends z.ZodType, Result>(definition: MethodDefinition<Input, Result>): MethodDefinition<Input, Result> {
  return definition;
}

type InputOf<D> = D extends MethodDefinition<infer Input, unknown> ? z.input<Input> : never;
type ResultOf<D> = D extends MethodDefinition<z.ZodType, infer Result> ? Awaited<Result> : never;

/** The callable contract of a table of definitions: what the renderer sees as `api`. */
export type ApiOf<Table> = {
  [M in keyof Table]: Record<never, never> extends InputOf<Table[M]> ? (input?: InputOf<Table[M]>) => Promise<ResultOf<Table[M]>> : (input: InputOf<Table[M]>) => Promise<ResultOf<Table[M]>>;
};
