import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { configure, type FileEntry } from '@zip.js/zip.js';
import { openZip } from './bundle-zip';
import { fileInside } from './local-paths';

// BagIt (RFC 8493) reading and checking, shared by the exporter (which verifies its own bundle
// from disk before saying it is done), the "verify bundle" action and `npm run verify-bundle`.

configure({ useWebWorkers: false });

export interface BagProblem {
  kind: 'missing' | 'changed' | 'extra' | 'malformed';
  path: string;
}

export interface BagReport {
  ok: boolean;
  files: number;
  bytes: number;
  problems: BagProblem[];
}

/** "sha  path" lines; paths are percent-encoded for CR, LF and % as RFC 8493 §2.1.3 asks. */
export function parseManifest(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64})[ \t]+(.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) return null;
    out.set(decodeURIComponent(m[2]!.replace(/%(?!0D|0A|25)/gi, '%25')), m[1]!);
  }
  return out;
}

export function manifestLine(sha: string, path: string): string {
  return `${sha}  ${path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`;
}

async function hashFile(path: string): Promise<{ sha: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha: hash.digest('hex'), bytes };
}

function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !entry.isSymbolicLink()) out.push(...listFiles(root, full));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** Checks a bag folder: every payload and tag file against its manifest; extra files too. */
export async function verifyBagFolder(root: string, onFile?: (done: number, total: number) => void): Promise<BagReport> {
  const problems: BagProblem[] = [];
  const need = (name: string) => {
    if (!existsSync(join(root, name))) problems.push({ kind: 'missing', path: name });
  };
  ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'].forEach(need);
  if (problems.length) return { ok: false, files: 0, bytes: 0, problems };
  const manifest = parseManifest(readFileSync(join(root, 'manifest-sha256.txt'), 'utf8'));
  const tags = parseManifest(readFileSync(join(root, 'tagmanifest-sha256.txt'), 'utf8'));
  if (!manifest || !tags || !/^BagIt-Version: 1\.0/m.test(readFileSync(join(root, 'bagit.txt'), 'utf8'))) {
    return { ok: false, files: 0, bytes: 0, problems: [{ kind: 'malformed', path: 'bagit.txt / manifests' }] };
  }
  const all = [...manifest, ...tags];
  let done = 0;
  let bytes = 0;
  for (const [path, sha] of all) {
    // A manifest names files inside the bag only: "../", absolute paths and links are not followed.
    const full = fileInside(root, path);
    if (!full) problems.push({ kind: 'missing', path });
    else {
      const got = await hashFile(full);
      bytes += got.bytes;
      if (got.sha !== sha) problems.push({ kind: 'changed', path });
    }
    onFile?.(++done, all.length);
  }
  for (const path of listFiles(join(root, 'data')).map((p) => `data/${p}`)) if (!manifest.has(path)) problems.push({ kind: 'extra', path });
  return { ok: problems.length === 0, files: manifest.size, bytes, problems };
}

async function hashEntry(entry: FileEntry, password?: string): Promise<{ sha: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
    },
  });
  await entry.getData(sink, { password });
  return { sha: hash.digest('hex'), bytes };
}

/**
 * Checks a zipped bag (encrypted or not) without unpacking it to disk. The zip's entries are read
 * as they come, twice (the manifests, then the payload), and none is kept: a year of 50,000 files
 * costs its manifests' lines in memory, not 50,000 entry records.
 */
export async function verifyBagZip(zipPath: string, password?: string, onFile?: (done: number, total: number) => void): Promise<BagReport> {
  const reader = await openZip(zipPath);
  try {
    // The bag sits in one top folder inside the zip; paths are the bag's own, below it.
    let top: string | null = null;
    const inBag = (name: string) => (name.startsWith(`${top}/`) ? name.slice(top!.length + 1) : name);
    const texts = new Map<string, string>();
    for await (const entry of reader.getEntriesGenerator()) {
      if (entry.directory) continue;
      top ??= entry.filename.split('/')[0] ?? '';
      const path = inBag(entry.filename);
      if (path === 'manifest-sha256.txt' || path === 'tagmanifest-sha256.txt') {
        const chunks: Uint8Array[] = [];
        await entry.getData(new WritableStream({ write: (c: Uint8Array) => void chunks.push(c) }), { password });
        texts.set(path, Buffer.concat(chunks).toString('utf8'));
      }
    }
    const manifestText = texts.get('manifest-sha256.txt');
    const tagText = texts.get('tagmanifest-sha256.txt');
    const manifest = manifestText ? parseManifest(manifestText) : null;
    const tags = tagText ? parseManifest(tagText) : null;
    if (!manifest || !tags || top === null) return { ok: false, files: 0, bytes: 0, problems: [{ kind: 'malformed', path: 'manifests' }] };
    const problems: BagProblem[] = [];
    const expected = new Map([...manifest, ...tags]);
    const total = expected.size;
    let bytes = 0;
    let done = 0;
    const seen = new Set<string>();
    for await (const entry of reader.getEntriesGenerator()) {
      if (entry.directory) continue;
      const path = inBag(entry.filename);
      // A name twice: an unzip tool keeps one of them, unchecked. The bag is not sound.
      if (seen.has(path)) {
        problems.push({ kind: 'malformed', path });
        continue;
      }
      seen.add(path);
      const sha = expected.get(path);
      if (sha === undefined) {
        if (path.startsWith('data/') && !manifest.has(path)) problems.push({ kind: 'extra', path });
        continue;
      }
      expected.delete(path);
      const got = await hashEntry(entry, password);
      bytes += got.bytes;
      if (got.sha !== sha) problems.push({ kind: 'changed', path });
      onFile?.(++done, total);
    }
    for (const path of expected.keys()) {
      problems.push({ kind: 'missing', path });
      onFile?.(++done, total);
    }
    return { ok: problems.length === 0, files: manifest.size, bytes, problems };
  } finally {
    await reader.close();
  }
}
