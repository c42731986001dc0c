import { createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseKeyFile, serializeKeyFile, type KeyFile } from './key-slots';

export const ARCHIVE_FILE = 'archive.db';
export const KEY_FILE = 'archive.keys.json';

export interface ArchivePaths {
  dir: string;
  archive: string;
  keyFile: string;
}

export function archivePaths(dir: string): ArchivePaths {
  return { dir, archive: join(dir, ARCHIVE_FILE), keyFile: join(dir, KEY_FILE) };
}

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const PAGE_SIZE = 4096;

/** The first 16 bytes of a file, or fewer if it is shorter. */
export function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export type HeaderVerdict = 'matches' | 'plain-sqlite' | 'other-archive' | 'not-an-archive';

/**
 * Tells, without the key, whether the archive file is the one this key file was made for.
 * SQLCipher keeps its random salt in the clear in the first 16 bytes, and never changes it.
 */
export function classifyHeader(file: string, keyFile: KeyFile): HeaderVerdict {
  const header = readHeader(file);
  if (header.length === 16 && header.toString('hex') === keyFile.databaseSalt) return 'matches';
  if (header.equals(SQLITE_PLAIN_HEADER)) return 'plain-sqlite';
  const size = statSync(file).size;
  // Another SQLCipher archive is whole pages of random-looking bytes; anything else is not an archive.
  if (size >= PAGE_SIZE && size % PAGE_SIZE === 0) return 'other-archive';
  return 'not-an-archive';
}

export type KeyFileRead = { kind: 'ok'; file: KeyFile } | { kind: 'missing' } | { kind: 'damaged' };

export function readKeyFile(path: string): KeyFileRead {
  if (!existsSync(path)) return { kind: 'missing' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'damaged' };
  }
  const file = parseKeyFile(text);
  return file ? { kind: 'ok', file } : { kind: 'damaged' };
}

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of it:
 * write a temporary file, flush it to disk, rename it over the old one.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content, { mode: 0o600 });
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    // A full disk leaves the old file as it was, and no half-written temporary beside it.
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * True when this key opens at least one of the archive's first pages (SQLCipher 4 keeps an
 * HMAC-SHA512 in every page, keyed from the archive key and the salt the key file recorded).
 * Tells a damaged archive (the key fits, some bytes do not) from a key file that belongs to
 * another archive or was forged (the key fits no page).
 */
export function keyFitsPages(file: string, key: Buffer, saltHex: string, pages = 8): boolean {
  const salt = Buffer.from(saltHex, 'hex').map((b) => b ^ 0x3a);
  const hmacKey = pbkdf2Sync(key, Buffer.from(salt), 2, 32, 'sha512');
  const fd = openSync(file, 'r');
  try {
    const page = Buffer.alloc(PAGE_SIZE);
    for (let n = 1; n <= pages; n++) {
      if (readSync(fd, page, 0, PAGE_SIZE, (n - 1) * PAGE_SIZE) < PAGE_SIZE) break;
      const number = Buffer.alloc(4);
      number.writeUInt32LE(n);
      const mac = createHmac('sha512', hmacKey)
        .update(page.subarray(n === 1 ? 16 : 0, PAGE_SIZE - 64))
        .update(number)
        .digest();
      if (mac.equals(page.subarray(PAGE_SIZE - 64))) return true;
    }
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Keeps the previous key file as .bak before replacing it: a slot is never lost to one bad write. */
export function replaceKeyFile(path: string, file: KeyFile): void {
  if (existsSync(path)) writeFileAtomic(`${path}.bak`, readFileSync(path, 'utf8'));
  writeFileAtomic(path, serializeKeyFile(file));
}

export function removeIfExists(path: string): void {
  rmSync(path, { force: true });
}

/**
 * The last page check of the archive (quick_check) and the file as this app left it at lock. An
 * unlock on the same day, finding the file exactly as left (size, modification time, no pending
 * WAL), skips the full read of every page; anything else (another day, a copied-in or damaged file,
 * a crash) checks again. The stamp holds no secret; losing it only costs a check.
 */
export const CHECK_STAMP_FILE = 'archive.checked.json';
export interface CheckStamp {
  day: string;
  size: number;
  mtimeMs: number;
}

export function fileIdentity(file: string): { size: number; mtimeMs: number } | null {
  try {
    const st = statSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

export function readCheckStamp(dir: string): CheckStamp | null {
  try {
    const v = JSON.parse(readFileSync(join(dir, CHECK_STAMP_FILE), 'utf8')) as Partial<CheckStamp>;
    return typeof v.day === 'string' && typeof v.size === 'number' && typeof v.mtimeMs === 'number' ? (v as CheckStamp) : null;
  } catch {
    return null;
  }
}

export function writeCheckStamp(dir: string, stamp: CheckStamp | null): void {
  const path = join(dir, CHECK_STAMP_FILE);
  if (!stamp) return rmSync(path, { force: true });
  try {
    writeFileAtomic(path, JSON.stringify(stamp));
  } catch {
    // No stamp (a full disk): the next unlock reads every page, which is only slower.
    rmSync(path, { force: true });
  }
}

/** True when the archive is as this app left it after a check made today. */
export function stampStillHolds(dir: string, file: string, day: string): boolean {
  const stamp = readCheckStamp(dir);
  const now = fileIdentity(file);
  const wal = fileIdentity(`${file}-wal`);
  return Boolean(stamp && now && stamp.day === day && stamp.size === now.size && stamp.mtimeMs === now.mtimeMs && (!wal || wal.size === 0));
}

/** archive.open.json: present while the archive is open in this app; left behind by a crash. */
export const OPEN_MARKER_FILE = 'archive.open.json';

export function readOpenMarker(dir: string): { at: string } | null {
  try {
    const v = JSON.parse(readFileSync(join(dir, OPEN_MARKER_FILE), 'utf8')) as { at?: unknown };
    return typeof v.at === 'string' ? { at: v.at } : null;
  } catch {
    return existsSync(join(dir, OPEN_MARKER_FILE)) ? { at: '' } : null;
  }
}

export function writeOpenMarker(dir: string, at: string | null): void {
  try {
    if (at === null) rmSync(join(dir, OPEN_MARKER_FILE), { force: true });
    else writeFileAtomic(join(dir, OPEN_MARKER_FILE), JSON.stringify({ at, pid: process.pid }));
  } catch {
    // Without the marker a deleted log is not told at the next start; the archive itself is unaffected.
  }
}
