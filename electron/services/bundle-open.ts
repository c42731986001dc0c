import { readFileSync, statSync } from 'node:fs';
import type { FileEntry } from '@zip.js/zip.js';
import type { OpenedBundle } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { parseManifest, type BagReport } from './bundle-bag';
import { openZip, type VerifyBagJob } from './bundle-zip';
import { runWorker } from './worker-thread';
import { checkInputPath, fileInside } from './local-paths';

// Opens an exported bundle read-only, folder or zip (with its password when encrypted), to browse
// its tenants, documents and scans without importing anything into the archive. Only a bundle
// opened here may be read from, and only the files its manifests list.

const MAX_FILE = 60 * 1024 * 1024;
const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'];

async function zipEntries(path: string) {
  let reader;
  let entries: FileEntry[];
  try {
    reader = await openZip(path);
    entries = (await reader.getEntries()).filter((e): e is FileEntry => !e.directory);
  } catch {
    await reader?.close().catch(() => undefined);
    throw new ArchiveError('BUNDLE_UNREADABLE', { path });
  }
  const top = entries[0]?.filename.split('/')[0] ?? '';
  return { reader, top, byPath: new Map(entries.map((e) => [e.filename.slice(top.length + 1), e])) };
}

async function readFromZip(path: string, inner: string, password?: string): Promise<Buffer> {
  const { reader, byPath } = await zipEntries(path);
  try {
    const entry = byPath.get(inner);
    if (!entry) throw new ArchiveError('NOT_FOUND', { path: inner });
    if (entry.uncompressedSize > MAX_FILE) throw new ArchiveError('BUNDLE_UNREADABLE', { path: inner });
    if (entry.encrypted && !password) throw new ArchiveError('WRONG_CREDENTIALS');
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      await entry.getData(
        new WritableStream({
          write: (c: Uint8Array) => {
            size += c.length;
            if (size > MAX_FILE) throw new ArchiveError('BUNDLE_UNREADABLE', { path: inner });
            chunks.push(c);
          },
        }),
        { password },
      );
    } catch (e) {
      if (e instanceof Error && /password/i.test(e.message)) throw new ArchiveError('WRONG_CREDENTIALS');
      throw new ArchiveError('BUNDLE_UNREADABLE', { path: inner });
    }
    return Buffer.concat(chunks);
  } finally {
    await reader.close();
  }
}

function readFromFolder(root: string, inner: string): Buffer {
  const full = fileInside(root, inner);
  if (!full) throw new ArchiveError('NOT_FOUND', { path: inner });
  if (statSync(full).size > MAX_FILE) throw new ArchiveError('BUNDLE_UNREADABLE', { path: inner });
  return readFileSync(full);
}

async function readBundleBytes(target: string, inner: string, password?: string): Promise<Buffer> {
  return statSync(target).isDirectory() ? readFromFolder(target, inner) : readFromZip(target, inner, password);
}

/** Checks a bag, folder or zip, read only from inside it. */
export async function verifyBundle(path: string, password?: string): Promise<BagReport> {
  const target = checkInputPath(path);
  // Every byte is read: in the bag worker, so the desk answers meanwhile.
  return runWorker<BagReport>('bag-worker', { data: { verify: target, password } satisfies VerifyBagJob }).catch((e: unknown) => {
    if (e instanceof ArchiveError) throw e;
    if (statSync(target).isDirectory()) throw e;
    if (e instanceof Error && /password/i.test(e.message)) throw new ArchiveError('WRONG_CREDENTIALS');
    throw new ArchiveError('BUNDLE_UNREADABLE', { path: target });
  });
}

/** The bundles opened in this session, by real path, with the files their manifests list. */
export class OpenedBundles {
  private readonly listed = new Map<string, Set<string>>();

  async open(path: string, password?: string): Promise<OpenedBundle> {
    const target = checkInputPath(path);
    let index: Omit<OpenedBundle, 'path' | 'info'>;
    let info: Record<string, string>;
    const files = new Set<string>(TAG_FILES);
    try {
      for (const name of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
        const manifest = parseManifest((await readBundleBytes(target, name, password)).toString('utf8'));
        if (!manifest) throw new ArchiveError('BUNDLE_UNREADABLE', { path: target });
        for (const file of manifest.keys()) files.add(file);
      }
      index = JSON.parse((await readBundleBytes(target, 'data/bundle.json', password)).toString('utf8'));
      info = Object.fromEntries(
        (await readBundleBytes(target, 'bag-info.txt', password))
          .toString('utf8')
          .split('\n')
          .map((l) => /^([^:]+):\s*(.*)$/.exec(l.trim()))
          .filter((m): m is RegExpExecArray => !!m)
          .map((m) => [m[1]!, m[2]!]),
      );
    } catch (e) {
      if (e instanceof ArchiveError && e.code === 'WRONG_CREDENTIALS') throw e;
      throw new ArchiveError('BUNDLE_UNREADABLE', { path: target });
    }
    if (!index || !Array.isArray(index.tenants)) throw new ArchiveError('BUNDLE_UNREADABLE', { path: target });
    this.listed.set(target, files);
    return { path: target, info, ...index };
  }

  async read(path: string, inner: string, password?: string): Promise<Buffer> {
    const target = checkInputPath(path);
    const files = this.listed.get(target);
    if (!files) throw new ArchiveError('BUNDLE_NOT_OPENED');
    if (!files.has(inner)) throw new ArchiveError('NOT_FOUND', { path: inner });
    return readBundleBytes(target, inner, password);
  }

  clear(): void {
    this.listed.clear();
  }
}
