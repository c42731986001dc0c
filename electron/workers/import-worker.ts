// An import on a connection of its own: reading the sheet, checking every row and writing them
// in one transaction, while the desk's connection keeps answering reads.
import { openArchive } from '../../db/open';
import { runImport, type ImportJob } from '../services/import-job';
import { serveWorker } from '../services/worker-thread';

serveWorker<ImportJob>(async ({ data, progress, call, signal }) => {
  const key = Buffer.from(data.key);
  const archive = await openArchive(data.file, key, { migrate: false, beginImmediate: true }).finally(() => key.fill(0));
  try {
    // The desk's clock, as it stood when the job began, moving on from there.
    const clock = { now: () => new Date(Date.now() + data.clockOffsetMs) };
    const ctx = { db: archive.db, clock, session: data.session, archiveDir: data.archiveDir };
    // Each step waits for the desk's word: a cancel, a test's hold.
    return await runImport(ctx, data.sheet, progress, signal, () => call('pause'));
  } finally {
    await archive.close();
  }
});
