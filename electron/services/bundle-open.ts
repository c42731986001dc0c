import { existsSync, readFileSync, statSync } from 'node:fs';
import { normalize, resolve, sep } from 'node:path';
import type { FileEntry } from '@zip.js/zip.js';
import type { OpenedBundle } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { openZip } from './bundle-zip';

// Opens an exported bundle read-only, folder or zip (with its password when encrypted), to browse
// its tenants, documents and scans without importing anything into the archive.

const MAX_FILE = 60 * 1024 * 1024;

async function zipEntries(path: string) {
  const reader = await openZip(path);
  const entries = (await reader.getEntries()).filter((e): e is FileEntry => !e.directory);
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
    try {
      await entry.getData(new WritableStream({ write: (c: Uint8Array) => void chunks.push(c) }), { password });
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
  // Only files inside the bag: no "..", no absolute paths.
  const full = resolve(root, normalize(inner));
  if (!full.startsWith(resolve(root) + sep)) throw new ArchiveError('NOT_FOUND', { path: inner });
  if (!existsSync(full) || !statSync(full).isFile()) throw new ArchiveError('NOT_FOUND', { path: inner });
  if (statSync(full).size > MAX_FILE) throw new ArchiveError('BUNDLE_UNREADABLE', { path: inner });
  return readFileSync(full);
}

export async function readBundleBytes(path: string, inner: string, password?: string): Promise<Buffer> {
  const target = resolve(path);
  if (!existsSync(target)) throw new ArchiveError('NOT_FOUND', { path: target });
  return statSync(target).isDirectory() ? readFromFolder(target, inner) : readFromZip(target, inner, password);
}

export async function openBundle(path: string, password?: string): Promise<OpenedBundle> {
  let index: Omit<OpenedBundle, 'path' | 'info'>;
  let info: Record<string, string> = {};
  try {
    index = JSON.parse((await readBundleBytes(path, 'data/bundle.json', password)).toString('utf8'));
    info = Object.fromEntries(
      (await readBundleBytes(path, 'bag-info.txt', password))
        .toString('utf8')
        .split('\n')
        .map((l) => /^([^:]+):\s*(.*)$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => [m[1]!, m[2]!]),
    );
  } catch (e) {
    if (e instanceof ArchiveError && (e.code === 'WRONG_CREDENTIALS' || e.code === 'NOT_FOUND')) throw e.code === 'NOT_FOUND' ? new ArchiveError('BUNDLE_UNREADABLE', { path }) : e;
    throw new ArchiveError('BUNDLE_UNREADABLE', { path });
  }
  if (!Array.isArray(index.tenants)) throw new ArchiveError('BUNDLE_UNREADABLE', { path });
  return { path: resolve(path), info, ...index };
}
