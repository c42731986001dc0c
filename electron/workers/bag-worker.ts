// Zips a written bag and checks the zip and the folder from disk against their manifests: reading
// every byte of the year's scans twice, in a thread of its own so the desk answers meanwhile.
import { ArchiveError } from '../../shared/errors';
import { verifyBagFolder, verifyBagZip, type BagReport } from '../services/bundle-bag';
import { zipFolder, type ZipBagJob } from '../services/bundle-zip';
import { cancelled } from '../services/jobs';
import { fsyncTree } from '../services/local-paths';
import { serveWorker } from '../services/worker-thread';

serveWorker<ZipBagJob>(async ({ data, progress, signal }): Promise<{ zip: BagReport; folder: BagReport }> => {
  const { folder, topName, zipPath, password } = data;
  await zipFolder(folder, topName, zipPath, { password, signal, onFile: (done, total) => progress({ phase: 'zip', done, total }) }).catch((e: unknown) => {
    if (signal.aborted) throw new ArchiveError('CANCELLED');
    throw e;
  });
  // Flushed to disk, then checked from disk.
  cancelled(signal);
  fsyncTree(zipPath);
  if (!password) fsyncTree(folder);
  const zip = await verifyBagZip(zipPath, password, (done, total) => progress({ phase: 'verify', done, total }));
  // An encrypted bundle's folder is not kept: the zip is the bundle.
  return { zip, folder: password ? zip : await verifyBagFolder(folder) };
});
