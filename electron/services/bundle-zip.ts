import { createReadStream, createWriteStream, openAsBlob, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { BlobReader, configure, ZipReader, ZipWriter } from '@zip.js/zip.js';

// Zips a finished bag folder (streaming each file from disk, so memory stays bounded), with
// WinZip AES-256 when a password is given; and opens a zip for reading by random access.

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

export async function zipFolder(
  folder: string,
  topName: string,
  zipPath: string,
  options: { password?: string; signal?: AbortSignal; onFile?: (done: number, total: number) => void },
): Promise<void> {
  const files = filesUnder(folder);
  const writer = new ZipWriter(Writable.toWeb(createWriteStream(zipPath)) as WritableStream<Uint8Array>, {
    password: options.password,
    encryptionStrength: options.password ? 3 : undefined,
  });
  let done = 0;
  for (const path of files) {
    if (options.signal?.aborted) break;
    const stream = Readable.toWeb(createReadStream(join(folder, ...path.split('/')))) as ReadableStream<Uint8Array>;
    // Scans, PDFs and xlsx are compressed already: store them; deflate the text.
    const stored = /\.(pdf|png|jpe?g|xlsx|zip)$/i.test(path);
    await writer.add(`${topName}/${path}`, stream, { signal: options.signal, level: stored ? 0 : 6 });
    options.onFile?.(++done, files.length);
  }
  await writer.close();
  if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
}

export async function openZip(zipPath: string): Promise<ZipReader<unknown>> {
  return new ZipReader(new BlobReader(await openAsBlob(zipPath)));
}
