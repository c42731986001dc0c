import { accessSync, closeSync, constants, existsSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ArchiveError } from '../../shared/errors';

// Folders a person names for a backup or a bundle, and files read from a bundle, pass here
// first. `..` and symbolic links are resolved before anything is checked, so a name cannot
// lead into the system's folders (where /proc or /dev never end) or out of a bundle.

function systemFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const own = [dirname(process.execPath), (process as { resourcesPath?: string }).resourcesPath].filter((p): p is string => !!p);
  if (platform === 'win32') {
    const root = env.SystemRoot ?? 'C:\\Windows';
    return [root, env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', env.ProgramData ?? 'C:\\ProgramData', ...own];
  }
  const posix = ['/proc', '/sys', '/dev', '/run', '/boot', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/var/lib', '/var/run', '/snap', '/efi'];
  const mac = ['/System', '/Library', '/Applications', '/private/etc', '/private/var/db', '/cores', '/Volumes/Recovery'];
  return [...posix, ...(platform === 'darwin' ? mac : []), ...own];
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The path with `..` and every symbolic link of its existing part resolved. */
export function realPath(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  let real = existing;
  try {
    real = realpathSync.native(existing);
  } catch {
    // An unreadable link is checked as written.
  }
  return rest.length ? join(real, ...rest) : real;
}

export function isSystemFolder(path: string): boolean {
  const real = realPath(path);
  // The system's own root (/, C:\), not another drive's: a USB stick's E:\ is a fine place for a backup.
  if (dirname(real) === real && (process.platform !== 'win32' || real.toLowerCase().startsWith((process.env.SystemDrive ?? 'C:').toLowerCase()))) return true;
  return systemFolders().some((folder) => isInside(real, folder) || isInside(real, realPath(folder)));
}

/** Checks a folder to write into and returns its real path; it may not exist yet. */
export function checkOutputFolder(path: string): string {
  const real = realPath(path);
  if (isSystemFolder(real)) throw new ArchiveError('FOLDER_NOT_ALLOWED', { folder: real });
  let existing = real;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    if (!statSync(existing).isDirectory()) throw new Error('not a folder');
    accessSync(existing, constants.W_OK);
  } catch {
    throw new ArchiveError('FOLDER_NOT_WRITABLE', { folder: real });
  }
  return real;
}

/** Checks a folder or file to read from (a backup, a bundle) and returns its real path. */
export function checkInputPath(path: string): string {
  const real = realPath(path);
  if (isSystemFolder(real)) throw new ArchiveError('FOLDER_NOT_ALLOWED', { folder: real });
  if (!existsSync(real)) throw new ArchiveError('NOT_FOUND', { path: real });
  return real;
}

/**
 * A file named inside a folder (a bag's manifest entry, a backup's file): resolved inside the
 * folder, no link on the way, a regular file. Null when it is anything else.
 */
export function fileInside(root: string, inner: string): string | null {
  if (!inner || inner.includes('\0') || isAbsolute(inner) || /^[a-zA-Z]:/.test(inner)) return null;
  const full = resolve(root, ...inner.split(/[\\/]+/));
  if (!isInside(full, root) || full === root) return null;
  // Every step below the root must be a real folder or, last, a real file: no links.
  let step = root;
  for (const part of relative(root, full).split(sep)) {
    step = join(step, part);
    let stat;
    try {
      stat = lstatSync(step);
    } catch {
      return null;
    }
    if (stat.isSymbolicLink()) return null;
    if (step === full) return stat.isFile() ? full : null;
    if (!stat.isDirectory()) return null;
  }
  return null;
}

/** The words for a failed write into a chosen folder: a full disk, or a folder that may not be written. */
export function writeError(error: unknown, folder: string, neededBytes: number): ArchiveError | null {
  if (error instanceof ArchiveError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new ArchiveError('DISK_FULL', { folder, neededMb: Math.max(1, Math.ceil(neededBytes / 1024 / 1024)) });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'SQLITE_CANTOPEN') return new ArchiveError('FOLDER_NOT_WRITABLE', { folder });
  return null;
}

/** Flushes a file, or every file under a folder (and the folder itself), to disk before it is named. */
export function fsyncTree(path: string, recurse = true): void {
  const stat = statSync(path);
  if (stat.isDirectory() && recurse) {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory() || entry.isFile()) fsyncTree(join(path, entry.name));
    }
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems do not flush a folder (Windows); its files were.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
