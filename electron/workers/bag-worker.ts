// Zips a written bag and checks the zip and the folder from disk against their manifests, or
// checks a bag the clerk names: reading every byte of a year's scans, in a thread of its own so
// the desk answers meanwhile.
import { statSync } from 'node:fs';
import { ArchiveError } from '../../shared/errors';
import { verifyBagFolder, verifyBagZip, type BagReport } from '../services/bundle-bag';
import { zipFolder, type VerifyBagJob, type ZipBagJob } from '../services/bundle-zip';
import { cancelled } from '../services/jobs';
import { fsyncTree } from '../services/local-paths';
import { serveWorker } from '../services/worker-thread';

serveWorker<ZipBagJob | VerifyBagJob>(async ({ data, progress, signal }): Promise<BagReport | { zip: BagReport; folder: BagReport }> => {
  const onFile = (done: number, total: number) => progress({ phase: 'verify', done, total });
  if ('verify' in data) return statSync(data.verify).isDirectory() ? verifyBagFolder(data.verify, onFile) : verifyBagZip(data.verify, data.password, onFile);
  const { folder, topName, zipPath, password } = data;
  await zipFolder(folder, topName, zipPath, { password, signal, onFile: (done, total) => progress({ phase: 'zip', done, total }) }).catch((e: unknown) => {
    if (signal.aborted) throw new ArchiveError('CANCELLED');
    throw e;
  });
  // Flushed to disk, then checked from disk.
  cancelled(signal);
  fsyncTree(zipPath);
  if (!password) fsyncTree(folder);
  const zip = await verifyBagZip(zipPath, password, onFile);
  // An encrypted bundle's folder is not kept: the zip is the bundle.
  return { zip, folder: password ? zip : await verifyBagFolder(folder) };
});
