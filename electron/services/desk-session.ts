import type { ArchiveStatus } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import type { ArchiveMethod } from '../../shared/methods';
import type { Role } from '../../shared/domain';
import * as backup from './backup';
import type { OpenedBundles } from './bundle-open';
import type { Clock } from './clock';
import { closeDepartedFiles } from './customers';
import type { JobRunner } from './jobs';
import type { ScanFolderWatcher } from './scan-folder';
import type { TextReader } from './text-reader';
import { cleanLeftovers } from './leftovers';
import { readSettings } from './settings';
import type { ArchiveVault } from './vault';

const DAILY_BACKUP_RETRY_MS = 30 * 60_000;

export interface DeskSessionOptions {
  vault: ArchiveVault;
  clock: Clock;
  jobs: JobRunner;
  bundles: OpenedBundles;
  /** Make the daily backup a few seconds after the first sign-in (the app and the host do; tests don't). */
  dailyBackup: boolean;
  /** The desktop app can show the system's folder dialog. */
  folderDialog: boolean;
  /** The methods a role may call, by the permission table of the method declarations. */
  mayCall: (role: Role) => ArchiveMethod[];
  log: (error: unknown) => void;
  /** Reads scanned pages' text while the archive is open. */
  textReader?: TextReader;
  /** Takes in what the desk scanner writes to the scan folder while the archive is open. */
  scanFolder?: ScanFolderWatcher;
}

/**
 * The desk's sign-in state around the archive: what a sign-in sets going (departed files
 * closed, auto-lock, the daily backup), what a lock stops, and the idle auto-lock itself.
 */
export class DeskSession {
  private autoLockMs = 0;
  private lastActivity = 0;
  private dailyBackupScheduled = false;
  private leftoversCleaned = false;

  constructor(private readonly o: DeskSessionOptions) {}

  status(): ArchiveStatus {
    const status = this.o.vault.status();
    return { ...status, folderDialog: this.o.folderDialog, mayCall: status.session ? this.o.mayCall(status.session.role) : [] };
  }

  /** Every way in (create, unlock, recover, restore) passes here with its result. */
  async signedIn<T>(result: T): Promise<T> {
    const { vault, clock } = this.o;
    if (!this.leftoversCleaned) {
      // What a crash left under a temporary name is removed once, at the first sign-in of a run.
      this.leftoversCleaned = true;
      cleanLeftovers(vault.dir, backup.defaultBackupFolder(vault));
    }
    // Files of tenants whose move-out date has come are closed when a session starts.
    await closeDepartedFiles(vault.db(), { clock });
    this.setAutoLock((await readSettings(vault.db())).autoLockMinutes);
    this.lastActivity = clock.now().getTime();
    // The pages a lock or a crash left unread are read now.
    this.o.textReader?.kick();
    this.o.scanFolder?.start();
    if (this.o.dailyBackup && !this.dailyBackupScheduled) {
      this.dailyBackupScheduled = true;
      // A few seconds after the first sign-in, then every half hour while the app runs: a backup
      // missed (the desk was locked, the disk was full) is made at the next try, one a day.
      const tryDaily = () => {
        if (vault.session) backup.dailyBackup(vault, clock).catch(this.o.log);
      };
      setTimeout(tryDaily, 5_000).unref?.();
      setInterval(tryDaily, DAILY_BACKUP_RETRY_MS).unref?.();
    }
    return result;
  }

  setAutoLock(minutes: number): void {
    this.autoLockMs = minutes * 60_000;
  }

  /** Every lock, asked for or idle: running jobs are cancelled first, and what the session opened is forgotten. */
  async lock(): Promise<ArchiveStatus> {
    await this.o.jobs.cancelAll();
    await this.o.scanFolder?.stop();
    await this.o.textReader?.stop();
    this.o.bundles.clear();
    await this.o.vault.lock();
    return this.status();
  }

  /** Locks the archive when the desk has been idle too long; every signed-in call passes here. */
  async keepAlive(): Promise<void> {
    const { vault, clock } = this.o;
    await vault.guardWriteAheadLog();
    const now = clock.now().getTime();
    if (vault.session && this.autoLockMs > 0 && now - this.lastActivity > this.autoLockMs) {
      await this.lock();
      throw new ArchiveError('SESSION_EXPIRED');
    }
    this.lastActivity = now;
  }
}
