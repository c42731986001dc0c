import { existsSync, mkdirSync, renameSync } from 'node:fs';
import {
  archivePaths,
  classifyHeader,
  fileIdentity,
  keyFitsPages,
  readOpenMarker,
  writeOpenMarker,
  readHeader,
  readKeyFile,
  removeIfExists,
  replaceKeyFile,
  stampStillHolds,
  writeCheckStamp,
  writeFileAtomic,
  type ArchivePaths,
} from '../../db/archive-files';
import {
  findPasswordSlot,
  findRecoverySlot,
  newArchiveId,
  newArchiveKey,
  newRecoveryKey,
  normalizeRecoveryKey,
  passwordKdfCost,
  recoveryKdfCost,
  sameKey,
  serializeKeyFile,
  spendUnwrapTime,
  unwrapSlot,
  openConfidentialGrant,
  withConfidentialGrants,
  withPasswordSlot,
  wrapArchiveKey,
  KEY_FILE_FORMAT,
  type KdfCost,
  type KeyFile,
  type KeySlot,
} from '../../db/key-slots';
import { newBoxKeyPair } from '../../db/sealing';
import { dropExpiredGrants, resealScanKeys, sealPendingScans, type ScanKeys } from './confidential-scans';
import { resealRecordKeys } from './record-seal';
import { inspectArchive, leaveWriteAheadLog, openArchive, renewWriteAheadLog, type AuditHead, type OpenedArchive } from '../../db/open';
import { checkArchivePages, copyArchiveAside } from './archive-work';
import { activeGeneralManagers, findAccountByUsername, insertAccount, markPasswordChanged, touchLastLogin } from '../../db/queries/accounts';
import { deleteMeta, getMeta, setMeta } from '../../db/queries/meta';
import { auditHead, lastAuditAt } from '../../db/queries/audit';
import { appendAnchor } from './audit-anchors';
import type { Account } from '../../db/schema';
import type { ArchiveStatus, CreateArchiveResult, DeskWorkKind, Session } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import type { CreateArchiveInput, RecoverAccessInput, UnlockInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import { localDate } from './context';
import type { Clock } from './clock';
import { checkNewPassword } from './password-policy';
import { MAX_PASSWORD_FAILURES, PAUSE_MINUTES } from './password-attempts';

export interface VaultOptions {
  /** scrypt cost for password slots; tests lower it, the app keeps the default. */
  passwordCost?: KdfCost;
  recoveryCost?: KdfCost;
}

interface RunningWork {
  kind: DeskWorkKind;
  started: number;
  done: Promise<unknown>;
}

interface Unlocked {
  archive: OpenedArchive;
  session: Session;
  /** Kept while unlocked so an administrator can issue key slots (accounts issue); wiped on lock. */
  archiveKey: Buffer;
  /** The day the archive's pages were last read through (quick_check); see CHECK_STAMP_FILE. */
  checkedDay: string;
  /** The signed-in slot's own private key (opens scans granted to this account). */
  boxPrivateKey: Buffer | null;
  /** The confidential private key: held by a general manager's session only. */
  confidentialKey: Buffer | null;
}

/**
 * The archive's life on this PC: create it, unlock it (= sign in), lock it. Holds the one open
 * connection while unlocked; every other service reaches the archive through `db()`.
 */
export class ArchiveVault {
  readonly paths: ArchivePaths;
  private unlocked: Unlocked | null = null;
  private failedSignIns: { at: string; username: string; reason: string }[] = [];
  /** A sign-in (create, unlock, recover) is under way: its page check runs off this thread, so another call may come meanwhile. */
  private signingIn = false;
  private readonly running = new Set<RunningWork>();
  private readonly passwordCost: KdfCost;
  private readonly recoveryCost: KdfCost;

  constructor(
    readonly dir: string,
    private readonly clock: Clock,
    options: VaultOptions = {},
  ) {
    this.paths = archivePaths(dir);
    this.passwordCost = options.passwordCost ?? passwordKdfCost;
    this.recoveryCost = options.recoveryCost ?? recoveryKdfCost;
  }

  status(): Omit<ArchiveStatus, 'folderDialog' | 'mayCall'> {
    const state = this.unlocked ? 'unlocked' : existsSync(this.paths.archive) ? 'locked' : 'none';
    const work = [...this.running].map((w) => ({ kind: w.kind, elapsedMs: Math.round(performance.now() - w.started) }));
    return { state, archiveDir: this.dir, session: this.unlocked?.session ?? null, work };
  }

  /** Runs long work the status shows while it runs (the sign-in screen and the status line read it). */
  during<T>(kind: DeskWorkKind, work: () => Promise<T>): Promise<T> {
    const entry: RunningWork = { kind, started: performance.now(), done: Promise.resolve() };
    this.running.add(entry);
    const done = work().finally(() => this.running.delete(entry));
    entry.done = done;
    return done;
  }

  /**
   * Work on a connection of its own (a worker's), given the archive's file and its own copy of the
   * key (wiped when the work ends), and listed in the status while it runs.
   */
  async aside<T>(kind: DeskWorkKind, work: (file: string, key: Buffer) => Promise<T>): Promise<T> {
    const key = Buffer.from(this.requireUnlocked().archiveKey);
    try {
      return await this.during(kind, () => work(this.paths.archive, key));
    } finally {
      key.fill(0);
    }
  }

  /** A consistent encrypted copy of the open archive, made on a connection of its own; the audit head it holds. */
  copyTo(copy: string): Promise<AuditHead | null> {
    return this.aside('backup', async (file, key) => {
      // An import under way (in its worker, or on the desk's thread when that cannot start) ends first, so the copy holds all of it or none.
      await Promise.allSettled([...this.running].filter((w) => w.kind === 'import').map((w) => w.done));
      return copyArchiveAside(file, key, copy);
    });
  }

  /** One sign-in at a time: a second one while the first is checking pages is refused, not run beside it. */
  private async oneSignIn<T>(signIn: () => Promise<T>): Promise<T> {
    if (this.unlocked) throw new ArchiveError('ALREADY_UNLOCKED');
    if (this.signingIn) throw new ArchiveError('SIGN_IN_UNDER_WAY');
    this.signingIn = true;
    try {
      return await signIn();
    } finally {
      this.signingIn = false;
    }
  }

  get session(): Session | null {
    return this.unlocked?.session ?? null;
  }

  /** The open connection itself, for what only SQLite can do (a checkpoint). */
  sqlite(): OpenedArchive['sqlite'] {
    return this.requireUnlocked().archive.sqlite;
  }

  /** The key file as it is on disk, checked against the archive. */
  currentKeyFile(): KeyFile {
    return this.readCheckedKeyFile();
  }

  /** The open archive, for services; throws when locked. */
  db(): OpenedArchive['db'] {
    if (!this.unlocked) throw new ArchiveError(existsSync(this.paths.archive) ? 'ARCHIVE_LOCKED' : 'ARCHIVE_NOT_FOUND');
    return this.unlocked.archive.db;
  }

  create(input: CreateArchiveInput): Promise<CreateArchiveResult> {
    return this.oneSignIn(() => this.createArchive(input));
  }

  private async createArchive(input: CreateArchiveInput): Promise<CreateArchiveResult> {
    if (existsSync(this.paths.archive)) throw new ArchiveError('ARCHIVE_EXISTS', { file: this.paths.archive });
    const username = input.username.trim();
    checkNewPassword(input.password, input.passwordConfirm, username);

    mkdirSync(this.dir, { recursive: true });
    const now = this.clock.now();
    const stamp = now.toISOString();
    // A key file without an archive is left from something else: keep it aside, never overwrite it.
    if (existsSync(this.paths.keyFile)) {
      renameSync(this.paths.keyFile, `${this.paths.keyFile}.orphan-${stamp.replace(/[:.]/g, '-')}`);
    }

    const key = newArchiveKey();
    const archiveId = newArchiveId();
    // Build the archive under a temporary name and move it into place last, so a crash
    // half-way leaves no archive that looks real.
    const building = `${this.paths.archive}.creating`;
    for (const suffix of ['', '-wal', '-shm', '-journal']) removeIfExists(building + suffix);

    // Confidential scans are sealed to this pair; until a general manager signs in and takes
    // it, its private half waits inside the archive (and is replaced when taken).
    const confidential = newBoxKeyPair();
    const draft = await openArchive(building, key, { create: true });
    try {
      await setMeta(draft.db, 'confidential_escrow', confidential.privateKey.toString('base64'));
      await setMeta(draft.db, 'archive_id', archiveId);
      await setMeta(draft.db, 'organisation', input.organisation.trim());
      await setMeta(draft.db, 'created_at', stamp);
      const admin = await insertAccount(draft.db, {
        username,
        display_name: input.displayName.trim(),
        role: 'administrator',
        created_at: stamp,
        updated_at: stamp,
        password_changed_at: stamp,
        last_login_at: stamp,
      });
      await recordAudit(draft.db, this.clock, admin.id, 'archive.created', { targetType: 'archive', targetId: archiveId });
      // Leave WAL so the finished file stands alone, with nothing in a -wal beside it.
      leaveWriteAheadLog(draft.sqlite);
    } finally {
      await draft.close();
    }

    const recoveryKey = newRecoveryKey();
    const recoverySlot = await wrapArchiveKey(key, archiveId, recoveryKey, { kind: 'recovery' }, this.recoveryCost, now);
    const keyFile: KeyFile = withConfidentialGrants(
      {
        format: KEY_FILE_FORMAT,
        version: 1,
        archiveId,
        databaseSalt: readHeader(building).toString('hex'),
        slots: [await wrapArchiveKey(key, archiveId, input.password, { kind: 'password', username }, this.passwordCost, now), recoverySlot],
      },
      confidential,
      [recoverySlot.id],
    );
    writeFileAtomic(this.paths.keyFile, serializeKeyFile(keyFile));
    renameSync(building, this.paths.archive);

    const slot = findPasswordSlot(keyFile, username)!;
    const opened = await unwrapSlot(slot, archiveId, input.password);
    const session = await this.openUnlocked(keyFile, key, username, 'login', slot, opened?.boxPrivateKey ?? null);
    return { session, recoveryKey };
  }

  unlock(input: UnlockInput): Promise<Session> {
    return this.oneSignIn(() => this.unlockWith(input));
  }

  private async unlockWith(input: UnlockInput): Promise<Session> {
    const username = input.username.trim();
    // Sign-in guesses are counted too (in memory: a locked archive cannot be written to).
    const recent = this.failedSignIns.filter((f) => f.username.toLowerCase() === username.toLowerCase() && this.clock.now().getTime() - Date.parse(f.at) < PAUSE_MINUTES * 60_000);
    if (recent.length >= MAX_PASSWORD_FAILURES) {
      const until = Date.parse(recent[recent.length - MAX_PASSWORD_FAILURES]!.at) + PAUSE_MINUTES * 60_000;
      throw new ArchiveError('TOO_MANY_ATTEMPTS', { username, failures: recent.length, minutes: Math.max(1, Math.ceil((until - this.clock.now().getTime()) / 60_000)) });
    }
    try {
      const keyFile = this.readCheckedKeyFile({ saltMayDiffer: true });
      const slot = findPasswordSlot(keyFile, username);
      if (!slot) {
        await spendUnwrapTime(this.passwordCost);
        throw new ArchiveError('WRONG_CREDENTIALS');
      }
      let opened = await unwrapSlot(slot, keyFile.archiveId, input.password);
      if (!opened) throw new ArchiveError('WRONG_CREDENTIALS');
      let current = keyFile;
      let signedInSlot = slot;
      if (!slot.box) {
        // A slot from before confidential scans were sealed gets its own key pair now.
        signedInSlot = await wrapArchiveKey(opened.archiveKey, keyFile.archiveId, input.password, { kind: 'password', username }, this.passwordCost, this.clock.now());
        current = withPasswordSlot(keyFile, signedInSlot);
        replaceKeyFile(this.paths.keyFile, current);
        opened = (await unwrapSlot(signedInSlot, keyFile.archiveId, input.password)) ?? opened;
      }
      return await this.openUnlocked(current, opened.archiveKey, username, 'login', signedInSlot, opened.boxPrivateKey);
    } catch (error) {
      // A locked archive cannot be written to: failed sign-ins wait in memory and enter the
      // audit log at the next successful one.
      if (error instanceof ArchiveError && (error.code === 'WRONG_CREDENTIALS' || error.code === 'ACCOUNT_DISABLED')) {
        this.failedSignIns.push({ at: this.clock.now().toISOString(), username, reason: error.code });
      }
      throw error;
    }
  }

  /** Whether a typed key is this archive's recovery key (it opens the recovery slot). */
  async isRecoveryKey(typed: string): Promise<boolean> {
    const keyFile = this.readCheckedKeyFile();
    const slot = findRecoverySlot(keyFile);
    return !!slot && (await unwrapSlot(slot, keyFile.archiveId, normalizeRecoveryKey(typed))) !== null;
  }

  /** Sets a new password for one account with the printed recovery key, and signs in as it. */
  recoverAccess(input: RecoverAccessInput): Promise<Session> {
    return this.oneSignIn(() => this.recoverWith(input));
  }

  private async recoverWith(input: RecoverAccessInput): Promise<Session> {
    const username = input.username.trim();
    checkNewPassword(input.newPassword, input.newPasswordConfirm, username);
    const keyFile = this.readCheckedKeyFile();
    const slot = findRecoverySlot(keyFile);
    const opened = slot ? await unwrapSlot(slot, keyFile.archiveId, normalizeRecoveryKey(input.recoveryKey)) : null;
    if (!slot || !opened) {
      // Audited at the next sign-in, like a wrong password.
      this.failedSignIns.push({ at: this.clock.now().toISOString(), username, reason: 'WRONG_RECOVERY_KEY' });
      throw new ArchiveError('WRONG_RECOVERY_KEY');
    }
    const key = opened.archiveKey;

    // The recovery key holds the confidential key too: it hands it to the general managers' slots.
    const session = await this.openUnlocked(keyFile, key, username, 'account.recovered', slot, opened.boxPrivateKey, true);
    try {
      const now = this.clock.now();
      const newSlot = await wrapArchiveKey(key, keyFile.archiveId, input.newPassword, { kind: 'password', username: session.username }, this.passwordCost, now);
      replaceKeyFile(this.paths.keyFile, withPasswordSlot(this.readCheckedKeyFile(), newSlot));
      const reopened = await unwrapSlot(newSlot, keyFile.archiveId, input.newPassword);
      this.requireUnlocked().boxPrivateKey = reopened?.boxPrivateKey ?? null;
      const recovered = openConfidentialGrant(this.readCheckedKeyFile(), slot, opened.boxPrivateKey);
      if (recovered) await this.syncConfidentialGrants(recovered);
      await markPasswordChanged(this.db(), session.accountId, now.toISOString());
    } catch (error) {
      await this.lock();
      throw error;
    }
    return session;
  }

  /** Writes (or replaces) one account's key slot with the archive key held while unlocked. */
  async writePasswordSlot(username: string, password: string): Promise<void> {
    const current = this.requireUnlocked();
    const keyFile = this.readCheckedKeyFile();
    const slot = await wrapArchiveKey(current.archiveKey, keyFile.archiveId, password, { kind: 'password', username }, this.passwordCost, this.clock.now());
    replaceKeyFile(this.paths.keyFile, withPasswordSlot(keyFile, slot));
    if (username.toLowerCase() === current.session.username.toLowerCase()) {
      this.unlocked!.boxPrivateKey = (await unwrapSlot(slot, keyFile.archiveId, password))?.boxPrivateKey ?? null;
    }
    await this.syncConfidentialGrants();
  }

  /** Removes an account's slot: that password no longer opens the archive. */
  removePasswordSlot(username: string): void {
    this.requireUnlocked();
    const keyFile = this.readCheckedKeyFile();
    const name = username.toLowerCase();
    const slots = keyFile.slots.filter((s) => !(s.kind === 'password' && s.username === name));
    const confidential = keyFile.confidential && { ...keyFile.confidential, grants: keyFile.confidential.grants.filter((g) => slots.some((s) => s.id === g.slotId)) };
    replaceKeyFile(this.paths.keyFile, { ...keyFile, slots, ...(confidential ? { confidential } : {}) });
  }

  /**
   * While open, the archive's -wal holds committed work not yet in archive.db. If it is deleted
   * (by hand, a cleaner), that work is copied into archive.db at once and a new log started,
   * so nothing is lost to a crash after it.
   */
  async guardWriteAheadLog(): Promise<boolean> {
    const current = this.unlocked;
    if (!current || existsSync(`${this.paths.archive}-wal`)) return false;
    await current.archive.db.connection().execute(async () => {
      renewWriteAheadLog(current.archive.sqlite);
    });
    await recordAudit(current.archive.db, this.clock, current.session.accountId, 'archive.wal_restored');
    return true;
  }

  /** What the session holds for confidential scans (see ScanKeys). */
  scanKeys(): ScanKeys {
    const current = this.requireUnlocked();
    const file = this.readCheckedKeyFile();
    return {
      publicKey: file.confidential?.publicKey ?? null,
      confidentialKey: current.confidentialKey,
      boxPrivateKey: current.boxPrivateKey,
      boxPublicKeyOf: (username) => findPasswordSlot(file, username)?.box?.publicKey ?? null,
    };
  }

  /**
   * Seals the confidential key to exactly the slots that may hold it: each active general
   * manager's and the recovery key's. Without the key in hand (this session is not a general
   * manager's) it can only take grants away, from slots that may no longer hold them.
   */
  async syncConfidentialGrants(confidentialKey: Buffer | null = this.unlocked?.confidentialKey ?? null): Promise<void> {
    const current = this.requireUnlocked();
    const file = this.readCheckedKeyFile();
    if (!file.confidential) return;
    const names = new Set((await activeGeneralManagers(current.archive.db)).map((m) => m.toLowerCase()));
    const mayHold = file.slots.filter((s) => s.kind === 'recovery' || (s.username !== undefined && names.has(s.username))).map((s) => s.id);
    const next = confidentialKey
      ? withConfidentialGrants(file, { publicKey: file.confidential.publicKey, privateKey: confidentialKey }, mayHold)
      : { ...file, confidential: { ...file.confidential, grants: file.confidential.grants.filter((g) => mayHold.includes(g.slotId)) } };
    if (JSON.stringify(next) !== JSON.stringify(file)) replaceKeyFile(this.paths.keyFile, next);
  }

  /** A manager's password typed at the desk: whether it is right, and the confidential key it opens. */
  async checkPasswordKeys(username: string, password: string): Promise<{ ok: boolean; confidentialKey: Buffer | null }> {
    const current = this.requireUnlocked();
    const keyFile = this.readCheckedKeyFile();
    const slot = findPasswordSlot(keyFile, username);
    if (!slot) {
      await spendUnwrapTime(this.passwordCost);
      return { ok: false, confidentialKey: null };
    }
    const opened = await unwrapSlot(slot, keyFile.archiveId, password);
    if (!opened || !sameKey(opened.archiveKey, current.archiveKey)) return { ok: false, confidentialKey: null };
    let confidentialKey = openConfidentialGrant(keyFile, slot, opened.boxPrivateKey);
    if (!confidentialKey) {
      // A general manager who has not signed in since the archive was made takes the key over here.
      const account = await findAccountByUsername(current.archive.db, username);
      const escrow = await getMeta(current.archive.db, 'confidential_escrow');
      if (account?.role === 'general_manager' && account.status === 'active' && escrow) confidentialKey = await this.takeOverEscrow(escrow);
    }
    return { ok: true, confidentialKey };
  }

  /** True when the password opens this account's slot (a manager confirming at the desk, a password change). */
  async checkPassword(username: string, password: string): Promise<boolean> {
    return (await this.checkPasswordKeys(username, password)).ok;
  }

  /** Keeps the signed-in session in step when an administrator edits their own account. */
  refreshSession(patch: Partial<Pick<Session, 'displayName' | 'role'>>): void {
    if (this.unlocked) this.unlocked.session = { ...this.unlocked.session, ...patch };
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) throw new ArchiveError(existsSync(this.paths.archive) ? 'ARCHIVE_LOCKED' : 'ARCHIVE_NOT_FOUND');
    return this.unlocked;
  }

  async lock(): Promise<Omit<ArchiveStatus, 'folderDialog' | 'mayCall'>> {
    const current = this.unlocked;
    if (current) {
      this.unlocked = null;
      try {
        await recordAudit(current.archive.db, this.clock, current.session.accountId, 'logout');
        const head = await auditHead(current.archive.db);
        if (head) appendAnchor(this.dir, { source: 'lock', where: this.paths.archive, at: this.clock.now().toISOString(), ...head });
      } catch (error) {
        // A full disk does not keep the archive open: it locks all the same, without its logout entry.
        const code = (error as { code?: unknown } | null)?.code;
        if (code !== 'SQLITE_FULL' && code !== 'ENOSPC') throw error;
      } finally {
        current.archiveKey.fill(0);
        current.boxPrivateKey?.fill(0);
        current.confidentialKey?.fill(0);
        await current.archive.close();
        const left = fileIdentity(this.paths.archive);
        if (left) writeCheckStamp(this.paths.dir, { day: current.checkedDay, ...left });
        writeOpenMarker(this.paths.dir, null);
      }
    }
    return this.status();
  }

  /** Every check that needs no key: the archive is there, its key file reads, and they belong together. */
  private readCheckedKeyFile(options: { saltMayDiffer?: boolean } = {}): KeyFile {
    const file = this.paths.archive;
    if (!existsSync(file)) throw new ArchiveError('ARCHIVE_NOT_FOUND');
    const read = readKeyFile(this.paths.keyFile);
    if (read.kind === 'missing') throw new ArchiveError('KEY_FILE_MISSING', { file: this.paths.keyFile });
    if (read.kind === 'damaged') throw new ArchiveError('KEY_FILE_DAMAGED', { file: this.paths.keyFile });
    const verdict = classifyHeader(file, read.file);
    // A salt that differs is another archive, or this one with its first bytes damaged: the key tells (openUnlocked).
    if (verdict === 'other-archive' && options.saltMayDiffer) return read.file;
    if (verdict === 'other-archive') throw new ArchiveError('KEY_FILE_MISMATCH', { file });
    if (verdict !== 'matches') throw new ArchiveError('NOT_AN_ARCHIVE', { file });
    return read.file;
  }

  private async openUnlocked(
    keyFile: KeyFile,
    key: Buffer,
    username: string,
    action: 'login' | 'account.recovered',
    slot: KeySlot,
    boxPrivateKey: Buffer | null,
    viaRecovery = false,
  ): Promise<Session> {
    const file = this.paths.archive;
    // The last session did not end with a lock, and the archive's -wal is gone: committed work
    // that was only in that log is lost. Said to the person signing in, never passed over.
    const lastOpen = readOpenMarker(this.paths.dir);
    const walLost = lastOpen !== null && !existsSync(`${file}-wal`);
    const day = localDate(this.clock.now());
    const checkedToday = stampStillHolds(this.paths.dir, file, day);
    // Reading every page takes seconds on a large archive: in the archive worker, so the desk answers meanwhile.
    const inspected = checkedToday ? inspectArchive(file, key, { skipPageCheck: true }) : await this.during('page-check', () => checkArchivePages(file, key));
    if (inspected.kind === 'damaged') {
      // The key fits the archive's pages: the archive is damaged. It fits none: the key file is another archive's, or forged.
      if (!keyFitsPages(file, key, keyFile.databaseSalt)) throw new ArchiveError('KEY_FILE_MISMATCH', { file });
      throw new ArchiveError('ARCHIVE_DAMAGED', { file, reason: inspected.reason });
    }
    if (inspected.kind === 'too-new') throw new ArchiveError('ARCHIVE_TOO_NEW', { migrations: inspected.unknownMigrations });

    const archive = await openArchive(file, key);
    try {
      if ((await getMeta(archive.db, 'archive_id')) !== keyFile.archiveId) throw new ArchiveError('KEY_FILE_MISMATCH', { file });
      const account = await findAccountByUsername(archive.db, username);
      if (!account) throw new ArchiveError(action === 'login' ? 'WRONG_CREDENTIALS' : 'ACCOUNT_NOT_FOUND');
      if (account.status !== 'active') throw new ArchiveError('ACCOUNT_DISABLED');
      const session = toSession(account, (await getMeta(archive.db, 'organisation')) ?? '');
      if (walLost) {
        const lastEntryAt = await lastAuditAt(archive.db);
        session.notices = [{ code: 'WAL_LOST', details: { since: lastOpen.at, lastEntryAt } }];
        await recordAudit(archive.db, this.clock, account.id, 'archive.wal_lost', { details: { since: lastOpen.at, lastEntryAt } });
      }
      await touchLastLogin(archive.db, account.id, this.clock.now().toISOString());
      for (const failed of this.failedSignIns.splice(0)) {
        await recordAudit(archive.db, { now: () => new Date(failed.at) }, null, 'login.failed', { details: { username: failed.username, reason: failed.reason } });
      }
      await recordAudit(archive.db, this.clock, account.id, action);
      // Until this session ends cleanly (lock), the next unlock reads every page again.
      writeCheckStamp(this.paths.dir, null);
      writeOpenMarker(this.paths.dir, this.clock.now().toISOString());
      this.unlocked = { archive, session, archiveKey: key, checkedDay: day, boxPrivateKey, confidentialKey: null };
      const confidentialKey = await this.settleConfidentialKey(keyFile, slot, boxPrivateKey, account.role === 'general_manager', viaRecovery);
      this.unlocked.confidentialKey = account.role === 'general_manager' ? confidentialKey : null;
      return session;
    } catch (error) {
      this.unlocked = null;
      await archive.close();
      throw error;
    }
  }

  /**
   * The first general manager takes the confidential key over from the escrow: a new pair, every
   * sealed scan's key sealed to it, its private half then sealed to the slots that may hold it.
   */
  private async takeOverEscrow(escrow: string): Promise<Buffer> {
    const db = this.requireUnlocked().archive.db;
    const file = this.readCheckedKeyFile();
    const pair = newBoxKeyPair();
    await db.transaction().execute(async (trx) => {
      await resealScanKeys(trx, Buffer.from(escrow, 'base64'), pair.publicKey);
      await resealRecordKeys(trx, Buffer.from(escrow, 'base64'), pair.publicKey);
      // The escrow stays (with the new key) only while the recovery key cannot hold a grant.
      if (findRecoverySlot(file)?.box) await deleteMeta(trx, 'confidential_escrow');
      else await setMeta(trx, 'confidential_escrow', pair.privateKey.toString('base64'));
    });
    replaceKeyFile(this.paths.keyFile, { ...file, confidential: { publicKey: pair.publicKey, grants: [] } });
    await this.syncConfidentialGrants(pair.privateKey);
    return pair.privateKey;
  }

  /**
   * At sign-in: makes the confidential key pair if the archive has none (an older archive), lets
   * the first general manager take it over from the escrow (a new pair, every sealed scan's key
   * sealed to it), hands it to the slots that may hold it, seals any confidential scan not yet
   * sealed and drops expired grants. Returns the key when this slot holds it.
   */
  private async settleConfidentialKey(keyFile: KeyFile, slot: KeySlot, boxPrivateKey: Buffer | null, generalManager: boolean, viaRecovery: boolean): Promise<Buffer | null> {
    const db = this.unlocked!.archive.db;
    let file = keyFile;
    let escrow = (await getMeta(db, 'confidential_escrow')) ?? null;
    if (!file.confidential) {
      const pair = newBoxKeyPair();
      escrow = pair.privateKey.toString('base64');
      await setMeta(db, 'confidential_escrow', escrow);
      const recovery = findRecoverySlot(file);
      file = withConfidentialGrants(file, pair, recovery?.box ? [recovery.id] : []);
      replaceKeyFile(this.paths.keyFile, file);
    }
    let key = generalManager || viaRecovery ? openConfidentialGrant(file, slot, boxPrivateKey) : null;
    if (generalManager && !key && escrow) key = await this.takeOverEscrow(escrow);
    if (key) await this.syncConfidentialGrants(key);
    await sealPendingScans(db, this.readCheckedKeyFile().confidential!.publicKey);
    await dropExpiredGrants(db, this.clock.now());
    return key;
  }
}

function toSession(account: Account, organisation: string): Session {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.display_name,
    role: account.role,
    organisation,
  };
}
