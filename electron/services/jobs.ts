import { randomUUID } from 'node:crypto';
import type { BundleResult, ImportResult, JobKind, JobProgress, JobStep, RegisterImportResult } from '../../shared/api';
import { ArchiveError, type ArchiveErrorPayload } from '../../shared/errors';
import type { Clock } from './clock';

// Long jobs (the yearly bundle, an xlsx import) run in the background of the main process; the screen polls
// their progress and may cancel them. Finished jobs are kept for a while so the result can be read.

type Report = JobStep;
interface JobResults {
  'bundle-export': BundleResult;
  'customer-import': ImportResult;
  'register-import': RegisterImportResult;
}

interface Job {
  progress: JobProgress;
  settled: Promise<void>;
  controller: AbortController;
  /** Fraction of the whole job each phase stands for, so the bar and time left are honest. */
  weights: Record<string, [start: number, share: number]>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private holdAt: string | undefined;

  /**
   * `toPayload` says how a failed job reads (an unexpected failure is logged there). `holdFirstAt`
   * is for the browser tests: the first job to reach that phase waits there until it is cancelled,
   * so a cancel is tested mid-write on any machine, however fast.
   */
  constructor(
    private readonly clock: Clock,
    private readonly toPayload: (error: unknown) => ArchiveErrorPayload,
    options: { holdFirstAt?: string } = {},
  ) {
    this.holdAt = options.holdFirstAt;
  }

  start<K extends JobKind>(kind: K, weights: Job['weights'], run: (report: (p: Report) => void, signal: AbortSignal) => Promise<JobResults[K]>): string {
    const toPayload = this.toPayload;
    const jobId = randomUUID();
    const controller = new AbortController();
    const startedAt = this.clock.now().toISOString();
    const job: Job = { controller, weights, settled: Promise.resolve(), progress: { kind, jobId, state: 'running', phase: 'preparing', done: 0, total: 0, fraction: 0, startedAt, etaSeconds: null } };
    this.jobs.set(jobId, job);
    const report = (p: Report) => {
      if (this.holdAt && p.phase === this.holdAt) {
        this.holdAt = undefined;
        holds.set(controller.signal, new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true })));
      }
      const [start, share] = weights[p.phase] ?? [0, 0];
      const fraction = Math.min(1, start + share * (p.total ? p.done / p.total : 0));
      const elapsed = (this.clock.now().getTime() - Date.parse(startedAt)) / 1000;
      job.progress = { ...job.progress, ...p, fraction, etaSeconds: fraction > 0.02 ? Math.round((elapsed / fraction) * (1 - fraction)) : null };
    };
    job.settled = run(report, controller.signal).then(
      (result) => {
        job.progress = { ...job.progress, state: 'done', phase: 'done', fraction: 1, etaSeconds: 0, result } as JobProgress;
      },
      (error: unknown) => {
        // A job stopped by a cancel or a lock may fail at its next step in any way: it was cancelled.
        const payload = controller.signal.aborted ? toPayload(new ArchiveError('CANCELLED')) : toPayload(error);
        job.progress = { ...job.progress, state: payload.code === 'CANCELLED' ? 'cancelled' : 'failed', error: payload, etaSeconds: null };
      },
    );
    return jobId;
  }

  get(jobId: string): JobProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ArchiveError('NOT_FOUND');
    return job.progress;
  }

  /**
   * Cancels every running job (the archive is being locked) and waits for them to stop at their
   * next safe point, at most `waitMs`: an import rolls back, a bundle removes its partial folder.
   */
  async cancelAll(waitMs = 5_000): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.progress.state === 'running');
    for (const job of running) job.controller.abort();
    if (running.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(running.map((j) => j.settled)), new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }

  cancel(jobId: string): JobProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ArchiveError('NOT_FOUND');
    job.controller.abort();
    return job.progress;
  }
}

/** Stops a job at a safe point once its cancel was asked for. */
export function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ArchiveError('CANCELLED');
}

/**
 * Lets the event loop turn: work that is all synchronous SQLite (an import, the home screen's
 * counts) lets other calls in between its steps, so progress polls, a cancel or a click on
 * another screen are answered while it runs.
 */
export async function pause(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const hold = signal && holds.get(signal);
  if (hold) await hold;
  cancelled(signal);
}

/** A job held at its phase (see JobRunner's `holdFirstAt`) waits on this at its next pause. */
const holds = new WeakMap<AbortSignal, Promise<void>>();
