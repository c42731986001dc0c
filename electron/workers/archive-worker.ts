// What reads every page of an archive, on a connection of its own in a thread of its own: the
// page check at the day's first sign-in, a backup's full check before a restore, and the copy a
// backup makes. The desk's event loop, and its own connection, keep answering meanwhile.
import { copyArchive, inspectArchive } from '../../db/open';
import type { ArchiveWorkerJob } from '../services/archive-work';
import { serveWorker } from '../services/worker-thread';

serveWorker<ArchiveWorkerJob>(async ({ data, progress }) => {
  // Tells the desk the job has started here (see inWorker).
  progress({ phase: 'preparing', done: 0, total: 1 });
  const key = Buffer.from(data.key);
  try {
    if (data.task === 'inspect') return inspectArchive(data.file, key, { full: data.full });
    return copyArchive(data.file, key, data.copy);
  } finally {
    key.fill(0);
  }
});
