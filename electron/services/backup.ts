import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVE_FILE, KEY_FILE, classifyHeader, readHeader, readKeyFile, writeFileAtomic } from '../../db/archive-files';
import { findPasswordSlot, findRecoverySlot, normalizeRecoveryKey, serializeKeyFile, unwrapArchiveKey, type KeyFile } from '../../db/key-slots';
import { accountInFile } from '../../db/open';
import { checkArchivePages } from './archive-work';
import type { BackupInfo, Session } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { recordAudit } from './audit';
import type { Clock } from './clock';
import { readSettings } from './settings';
import { ANCHOR_FILE, appendAnchor, readAnchorFile, type AuditAnchor } from './audit-anchors';
import { checkInputPath, checkOutputFolder, fileInside, isSystemFolder, realPath, writeError, fsyncTree } from './local-paths';
import { localStamp } from '../../shared/dates';
import { clearPending, notePending } from './leftovers';
import type { ArchiveVault } from './vault';

/**
 * Backups: a folder per backup holding a consistent encrypted copy of the archive (VACUUM INTO
 * keeps the archive's cipher and key), the key file made for that copy, and a manifest with
 * each file's SHA-256. A backup opens exactly as the archive did, with the same passwords.
 */

export const MANIFEST = 'backup.json';
const BACKUP_PREFIX = 'archive-desk-backup-';

interface Manifest {
  format: 'archive-desk-backup';
  version: 1;
  archiveId: string;
  createdAt: string;
  createdBy: string;
  automatic: boolean;
  /** The audit chain's head when the copy was taken: an anchor the archive's users cannot rewrite. */
  auditHead?: { id: number; hash: string } | null;
  files: Record<string, { size: number; sha256: string }>;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function defaultBackupFolder(vault: ArchiveVault): string {
  return join(vault.dir, 'backups');
}

/** 20261123-174501-123 in the desk's local time; two backups in one second do not collide. */
function stampOf(date: Date): string {
  return `${localStamp(date)}-${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** Makes one backup; written under a temporary name and renamed when complete. */
export async function backupArchive(vault: ArchiveVault, clock: Clock, folder: string | undefined, automatic = false): Promise<BackupInfo> {
  const session = vault.session;
  if (!session) throw new ArchiveError('ARCHIVE_LOCKED');
  const target = checkOutputFolder(folder || defaultBackupFolder(vault));
  const now = clock.now();
  const name = `${BACKUP_PREFIX}${stampOf(now)}${automatic ? '-daily' : ''}`;
  const partial = join(target, `${name}.partial`);
  const final = join(target, name);
  if (existsSync(final)) throw new ArchiveError('BACKUP_EXISTS', { folder: final });
  notePending(vault.dir, partial);
  try {
    mkdirSync(partial, { recursive: true });
    const copy = join(partial, ARCHIVE_FILE);
    // VACUUM INTO on a connection of its own, in the archive worker: one consistent snapshot of
    // what is committed, while the desk's connection goes on answering and writing.
    const auditHead = await vault.copyTo(copy);
    const keyFile = vault.currentKeyFile();
    writeFileAtomic(join(partial, KEY_FILE), serializeKeyFile({ ...keyFile, databaseSalt: readHeader(copy).toString('hex') }));
    const files: Manifest['files'] = {};
    for (const file of [ARCHIVE_FILE, KEY_FILE]) {
      const path = join(partial, file);
      files[file] = { size: statSync(path).size, sha256: await sha256File(path) };
    }
    const manifest: Manifest = { format: 'archive-desk-backup', version: 1, archiveId: keyFile.archiveId, createdAt: now.toISOString(), createdBy: session.username, automatic, auditHead, files };
    writeFileAtomic(join(partial, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    fsyncTree(partial);
    renameSync(partial, final);
    fsyncTree(target, false);
    clearPending(vault.dir, partial);
    if (auditHead) appendAnchor(vault.dir, { source: 'backup', where: final, at: now.toISOString(), ...auditHead });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    clearPending(vault.dir, partial);
    // A copy needs about the archive's size again (VACUUM INTO writes it compacted, rarely larger).
    throw writeError(error, target, statSync(vault.paths.archive).size) ?? new ArchiveError('BACKUP_FAILED', { folder: target, reason: error instanceof Error ? error.message : String(error) });
  }
  await recordAudit(vault.db(), clock, session.accountId, automatic ? 'backup.automatic' : 'backup.created', { details: { folder: final } });
  return describe(final)!;
}

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return m.format === 'archive-desk-backup' && m.files?.[ARCHIVE_FILE] && m.files?.[KEY_FILE] ? m : null;
  } catch {
    return null;
  }
}

function describe(dir: string): BackupInfo | null {
  const m = readManifest(dir);
  if (!m) return null;
  return { folder: dir, createdAt: m.createdAt, createdBy: m.createdBy, automatic: m.automatic, sizeBytes: m.files[ARCHIVE_FILE]!.size, archiveId: m.archiveId };
}

export function listBackups(vault: ArchiveVault, folder?: string): BackupInfo[] {
  const target = realPath(folder || defaultBackupFolder(vault));
  if (isSystemFolder(target)) throw new ArchiveError('FOLDER_NOT_ALLOWED', { folder: target });
  if (!existsSync(target) || !statSync(target).isDirectory()) return [];
  return readdirSync(target)
    .filter((n) => n.startsWith(BACKUP_PREFIX) && !n.endsWith('.partial'))
    .map((n) => describe(join(target, n)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The daily backup on start-up: one a day, the newest N kept (older automatic ones removed). */
export async function dailyBackup(vault: ArchiveVault, clock: Clock): Promise<BackupInfo | null> {
  const settings = await readSettings(vault.db());
  if (settings.backupKeep === 0) return null;
  const existing = listBackups(vault).filter((b) => b.automatic);
  const newest = existing[0];
  let made: BackupInfo | null = null;
  if (!newest || clock.now().getTime() - Date.parse(newest.createdAt) >= 24 * 3600_000) {
    made = await backupArchive(vault, clock, undefined, true);
  }
  for (const old of listBackups(vault)
    .filter((b) => b.automatic)
    .slice(settings.backupKeep))
    rmSync(old.folder, { recursive: true, force: true });
  return made;
}

/**
 * Checks a backup all the way before anything is replaced: the manifest's checksums, the key
 * file against the copy, the password against its slot, and a full integrity_check.
 */
export async function verifyBackup(dir: string, username: string, password: string): Promise<{ key: Buffer; manifest: Manifest }> {
  const manifest = readManifest(dir);
  if (!manifest) throw new ArchiveError('BACKUP_DAMAGED', { folder: dir });
  // A backup holds exactly its two files, inside its folder; the sizes are checked before any is read.
  if (Object.keys(manifest.files).sort().join('|') !== [ARCHIVE_FILE, KEY_FILE].sort().join('|')) throw new ArchiveError('BACKUP_DAMAGED', { folder: dir });
  for (const [file, expected] of Object.entries(manifest.files)) {
    const path = fileInside(dir, file);
    if (!path || statSync(path).size !== expected.size || (await sha256File(path)) !== expected.sha256) throw new ArchiveError('BACKUP_DAMAGED', { folder: dir, file });
  }
  const read = readKeyFile(join(dir, KEY_FILE));
  if (read.kind !== 'ok' || classifyHeader(join(dir, ARCHIVE_FILE), read.file) !== 'matches') throw new ArchiveError('BACKUP_DAMAGED', { folder: dir });
  const slot = findPasswordSlot(read.file, username);
  const key = slot ? await unwrapArchiveKey(slot, read.file.archiveId, password) : null;
  if (!key) throw new ArchiveError('WRONG_CREDENTIALS');
  const inspected = await checkArchivePages(join(dir, ARCHIVE_FILE), key, { full: true });
  if (inspected.kind === 'damaged') throw new ArchiveError('BACKUP_DAMAGED', { folder: dir, reason: inspected.reason });
  if (inspected.kind === 'too-new') throw new ArchiveError('ARCHIVE_TOO_NEW');
  return { key, manifest };
}

/** Which archive is on this PC now: its id, or why it cannot be told. */
function currentArchive(vault: ArchiveVault): { kind: 'none' } | { kind: 'known'; keyFile: KeyFile } | { kind: 'unknown' } {
  if (!existsSync(vault.paths.archive)) return { kind: 'none' };
  const read = readKeyFile(vault.paths.keyFile);
  return read.kind === 'ok' ? { kind: 'known', keyFile: read.file } : { kind: 'unknown' };
}

async function recoveryKeyOpens(keyFile: KeyFile, typed: string | undefined): Promise<boolean> {
  const slot = findRecoverySlot(keyFile);
  if (!typed || !slot) return false;
  return (await unwrapArchiveKey(slot, keyFile.archiveId, normalizeRecoveryKey(typed))) !== null;
}

/**
 * A backup replaces only the archive it was made of. A backup of another archive needs this
 * archive's recovery key (its owner deciding to replace it); when this archive's key file is
 * gone or damaged, so that its id cannot be read, the recovery key of the backup's archive
 * confirms that the backup is of it.
 */
async function requireSameArchive(vault: ArchiveVault, manifest: Manifest, backupKeyFile: string, recoveryKey: string | undefined): Promise<void> {
  const here = currentArchive(vault);
  if (here.kind === 'none') return;
  if (here.kind === 'known') {
    if (here.keyFile.archiveId === manifest.archiveId) return;
    if (await recoveryKeyOpens(here.keyFile, recoveryKey)) return;
    throw new ArchiveError('BACKUP_OTHER_ARCHIVE', { backupCreated: manifest.createdAt, backupBy: manifest.createdBy });
  }
  const read = readKeyFile(backupKeyFile);
  if (read.kind === 'ok' && (await recoveryKeyOpens(read.file, recoveryKey))) return;
  throw new ArchiveError(recoveryKey ? 'WRONG_RECOVERY_KEY' : 'RESTORE_NEEDS_RECOVERY_KEY');
}

/**
 * Restores a verified backup: the copy is put beside the archive first, the current archive is
 * moved aside (never deleted) into replaced-<time>/, then the copy takes its place.
 */
export async function restoreBackup(
  vault: ArchiveVault,
  clock: Clock,
  dir: string,
  username: string,
  password: string,
  recoveryKey?: string,
  lock: () => Promise<unknown> = () => vault.lock(),
): Promise<Session> {
  if (vault.session && vault.session.role !== 'administrator') throw new ArchiveError('FORBIDDEN', { allowedRoles: ['administrator'] });
  dir = checkInputPath(dir);
  if (!statSync(dir).isDirectory()) throw new ArchiveError('BACKUP_DAMAGED', { folder: dir });
  const { key, manifest } = await vault.during('backup-check', () => verifyBackup(dir, username, password));
  await requireSameArchive(vault, manifest, join(dir, KEY_FILE), recoveryKey);
  // Only an active administrator of the backup may put it in place of the archive.
  const account = accountInFile(join(dir, ARCHIVE_FILE), key, username);
  if (account?.role !== 'administrator' || account.status !== 'active') throw new ArchiveError('FORBIDDEN', { allowedRoles: ['administrator'] });
  if (vault.session) await lock();
  mkdirSync(vault.dir, { recursive: true });
  const { archive, keyFile } = vault.paths;
  await copyFile(join(dir, ARCHIVE_FILE), `${archive}.restoring`);
  await copyFile(join(dir, KEY_FILE), `${keyFile}.restoring`);
  const aside = join(vault.dir, `replaced-${stampOf(clock.now())}`);
  const present = [archive, `${archive}-wal`, `${archive}-shm`, keyFile, join(vault.dir, ANCHOR_FILE)].filter((p) => existsSync(p));
  if (present.length) {
    mkdirSync(aside, { recursive: true });
    for (const p of present) renameSync(p, join(aside, p.slice(vault.dir.length + 1)));
  }
  renameSync(`${keyFile}.restoring`, keyFile);
  renameSync(`${archive}.restoring`, archive);
  // The restored log continues from the backup's head; anchors of the replaced history went aside with it.
  if (manifest.auditHead) appendAnchor(vault.dir, { source: 'restore', where: dir, at: clock.now().toISOString(), ...manifest.auditHead });
  const session = await vault.unlock({ username, password });
  await recordAudit(vault.db(), clock, session.accountId, 'backup.restored', { details: { from: dir, previousKeptIn: present.length ? aside : null, archiveId: manifest.archiveId } });
  return session;
}

/**
 * The heads recorded in the backups of the default folder. After a restore, a backup made before
 * it of entries past the restored one belongs to the history the restore replaced: not compared.
 */
export function backupAnchors(vault: ArchiveVault): AuditAnchor[] {
  const restores = readAnchorFile(vault.dir).filter((a) => a.source === 'restore');
  const restored = restores.at(-1);
  const out: AuditAnchor[] = [];
  for (const b of listBackups(vault)) {
    const m = readManifest(b.folder);
    if (!m?.auditHead || m.archiveId !== b.archiveId) continue;
    if (restored && m.createdAt < restored.at && m.auditHead.id > restored.id) continue;
    out.push({ source: 'backup', where: b.folder, at: m.createdAt, ...m.auditHead });
  }
  return out;
}
