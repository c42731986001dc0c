import type { ArchiveApi, JobProgress } from '../shared/api';

/** Polls a background job until it has ended, and checks it is the kind of job expected (tests, bench). */
export async function settleJob<K extends JobProgress['kind']>(api: ArchiveApi, jobId: string, kind: K): Promise<Extract<JobProgress, { kind: K }>> {
  for (;;) {
    const p = await api.getJob({ jobId });
    if (p.kind !== kind) throw new Error(`job ${jobId} is a ${p.kind}, not a ${kind}`);
    if (p.state !== 'running') return p as Extract<JobProgress, { kind: K }>;
    await new Promise((r) => setTimeout(r, 10));
  }
}
