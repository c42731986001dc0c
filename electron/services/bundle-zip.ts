import { openAsBlob, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { BlobReader, configure, ZipReader } from '@zip.js/zip.js';
import { ZipFileWriter } from './zip-writer';

// Zips a finished bag folder (streaming each file from disk, so memory stays bounded), with
// WinZip AES-256 when a password is given; and opens a zip for reading by random access (zip.js,
// an implementation of its own: the export's check reads the zip with other code than wrote it).

configure({ useWebWorkers: false });

function filesUnder(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(root, full));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/** What the bag worker is asked to do: zip `folder` as `topName/…` into `zipPath`, then verify both. */
export interface ZipBagJob {
  folder: string;
  topName: string;
  zipPath: string;
  password?: string;
}

/** Or only to check a bag, a folder or a zip (the clerk's 校验归档包). */
export interface VerifyBagJob {
  verify: string;
  password?: string;
}

export async function zipFolder(folder: string, topName: string, zipPath: string, options: { password?: string; signal?: AbortSignal; onFile?: (done: number, total: number) => void }): Promise<void> {
  const files = filesUnder(folder);
  const writer = await ZipFileWriter.create(zipPath, { password: options.password });
  try {
    let done = 0;
    for (const path of files) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      // Scans, PDFs and xlsx are compressed already: store them; deflate the text.
      const deflate = !/\.(pdf|png|jpe?g|tiff?|xlsx|zip)$/i.test(path);
      await writer.addFile(`${topName}/${path}`, join(folder, ...path.split('/')), { deflate }, options.signal);
      options.onFile?.(++done, files.length);
    }
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  await writer.close();
}

export async function openZip(zipPath: string): Promise<ZipReader<unknown>> {
  return new ZipReader(new BlobReader(await openAsBlob(zipPath)));
}
