import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import type { JobStep } from '../../shared/api';
import { ArchiveError, type ErrorCode } from '../../shared/errors';

// Heavy work runs in a worker thread: the desk's event loop keeps answering while it runs, its
// heap is capped, and that heap is given back when the thread ends. A worker reports progress,
// asks the desk for what only the desk has (Chromium, for PDFs), and stops at its next step
// when the job is cancelled (or is ended, if it does not).

export type WorkerName = 'pdf-split-worker' | 'bag-worker' | 'archive-worker' | 'import-worker' | 'ocr-worker';

/**
 * Each worker's heap cap. The split holds a batch of 25 forms as pdf-lib objects; the bag worker
 * streams files and keeps only manifest lines, so a small young generation keeps it lean.
 */
const heapLimits: Record<WorkerName, ResourceLimits> = {
  'pdf-split-worker': { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  'bag-worker': { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 4 },
  // SQLite's pages live outside the JavaScript heap: the worker itself holds next to nothing.
  'archive-worker': { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
  // The import holds the sheet's rows and the dry run's findings, as it did on the desk's thread.
  'import-worker': { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 16 },
  // A page's pixels and the models' tensors are array buffers outside the heap; the heap holds a page's lines.
  'ocr-worker': { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
};

/** What the desk does for a worker on request. */
export type WorkerServices = Record<string, (...args: never[]) => Promise<unknown>>;

type FromWorker = { type: 'progress'; step: JobStep } | { type: 'call'; id: number; method: string; args: unknown[] } | { type: 'done'; value: unknown } | { type: 'failed'; error: WorkerError };
type ToWorker = { type: 'answer'; id: number; ok: true; value: unknown } | { type: 'answer'; id: number; ok: false; error: WorkerError };
interface WorkerError {
  code?: ErrorCode;
  details?: Record<string, unknown>;
  message: string;
  /** A system error's code (ENOSPC, EACCES…), so the desk can say what it means. */
  errno?: string;
}

interface Envelope<D> {
  data: D;
  /** Set to 1 by the desk when the job is cancelled; read by the worker at each progress step. */
  cancel: Int32Array;
}

function toWorkerError(error: unknown): WorkerError {
  if (error instanceof ArchiveError) return { code: error.code, details: error.details, message: error.message };
  const errno = (error as { code?: unknown } | null)?.code;
  return { message: error instanceof Error ? error.message : String(error), errno: typeof errno === 'string' ? errno : undefined };
}

/** The buffers a result may hand over instead of copying: whole-buffer byte arrays, alone or in an array. */
function transferables(value: unknown): ArrayBuffer[] {
  const items = Array.isArray(value) ? value : [value];
  const out = new Set<ArrayBuffer>();
  for (const v of items) {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  }
  return [...out];
}

function fromWorkerError(error: WorkerError): Error {
  if (error.code) return new ArchiveError(error.code, error.details);
  return Object.assign(new Error(error.message), error.errno ? { code: error.errno } : {});
}

/**
 * This module's own file: the built bundle (Electron's main.cjs, the host's serve.mjs), whose
 * worker scripts are built beside it under their names, or this TypeScript source.
 */
const thisFile = (): string => (typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));

function spawn(name: WorkerName, envelope: Envelope<unknown>): Worker {
  const resourceLimits = heapLimits[name];
  const here = thisFile();
  const built = /\.(c|m)js$/.exec(here);
  if (built) return new Worker(join(dirname(here), `${name}${built[0]}`), { workerData: envelope, resourceLimits });
  // Unbuilt (tests, development): the TypeScript source through tsx.
  const entry = pathToFileURL(join(dirname(here), '..', 'workers', `${name}.ts`)).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: envelope, resourceLimits });
}

/**
 * Runs a worker to its end: its progress goes to `progress`, its calls to `services`, and its
 * result or error comes back as this promise's. A cancel is seen by the worker at its next
 * step; one that does not stop within `graceMs` is ended.
 */
export function runWorker<T>(name: WorkerName, options: { data: unknown; services?: WorkerServices; progress?: (step: JobStep) => void; signal?: AbortSignal; graceMs?: number }): Promise<T> {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const worker = spawn(name, { data: options.data, cancel });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      Atomics.store(cancel, 0, 1);
      killTimer = setTimeout(() => void worker.terminate(), options.graceMs ?? 15_000);
      killTimer.unref();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
    const answer = (message: ToWorker, transfer: ArrayBuffer[] = []) => {
      if (!settled) worker.postMessage(message, transfer);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') options.progress?.(message.step);
      else if (message.type === 'done') finish(() => resolve(message.value as T));
      else if (message.type === 'failed') finish(() => reject(fromWorkerError(message.error)));
      else if (message.type === 'call') {
        const service = options.services?.[message.method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        Promise.resolve()
          .then(() => {
            if (!service) throw new Error(`no service ${message.method}`);
            return service(...message.args);
          })
          .then(
            (value) => answer({ type: 'answer', id: message.id, ok: true, value }, transferables(value)),
            (error: unknown) => answer({ type: 'answer', id: message.id, ok: false, error: toWorkerError(error) }),
          );
      }
    });
    worker.on('error', (error) => finish(() => reject(options.signal?.aborted ? new ArchiveError('CANCELLED') : error)));
    worker.on('exit', () => finish(() => reject(options.signal?.aborted ? new ArchiveError('CANCELLED') : new Error('the worker stopped without an answer'))));
  }).finally(() => worker.terminate());
}

/**
 * Runs a worker whose job reports progress first thing, or the same job on this thread when the
 * worker cannot start at all (its file missing from a damaged install): such work must not keep
 * the desk from its archive. A job that started and failed fails as itself.
 */
export async function runWorkerOrHere<T>(name: WorkerName, options: Parameters<typeof runWorker>[1], here: () => T | Promise<T>): Promise<T> {
  let started = false;
  try {
    return await runWorker<T>(name, {
      ...options,
      progress: (step) => {
        started = true;
        options.progress?.(step);
      },
    });
  } catch (error) {
    if (started || options.signal?.aborted) throw error;
    return here();
  }
}

/** Inside a worker: what it was given, and its way to report, ask and see a cancel. */
export interface WorkerSide<D> {
  data: D;
  progress(step: JobStep): void;
  call<R>(method: string, ...args: unknown[]): Promise<R>;
  signal: AbortSignal;
}

/** The worker's half: runs `job` once with what the desk sent, and sends back its result or error. */
export function serveWorker<D>(job: (side: WorkerSide<D>) => Promise<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('not in a worker thread');
  const { data, cancel } = workerData as Envelope<D>;
  const controller = new AbortController();
  const seeCancel = () => {
    if (!controller.signal.aborted && Atomics.load(cancel, 0) === 1) controller.abort();
  };
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  port.on('message', (message: ToWorker) => {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) call?.resolve(message.value);
    else call?.reject(fromWorkerError(message.error));
  });
  const side: WorkerSide<D> = {
    data,
    signal: controller.signal,
    progress: (step) => {
      seeCancel();
      port.postMessage({ type: 'progress', step } satisfies FromWorker);
    },
    call: <R>(method: string, ...args: unknown[]) =>
      new Promise<R>((resolve, reject) => {
        seeCancel();
        const id = next++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        port.postMessage({ type: 'call', id, method, args } satisfies FromWorker);
      }),
  };
  // The port keeps the thread alive while calls are out; it is closed when the job is over.
  job(side)
    .then(
      (value) => port.postMessage({ type: 'done', value } satisfies FromWorker, transferables(value)),
      (error: unknown) => port.postMessage({ type: 'failed', error: toWorkerError(error) } satisfies FromWorker),
    )
    .finally(() => port.close());
}
