import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import { roleMay } from '../../shared/permissions';
import type { ServiceContext } from './context';
import { isSystemFolder } from './local-paths';
import { receiveScanFile } from './scan-intake';
import { readSettings } from './settings';

// The scan folder (设置), where the desk scanner's "scan to folder" writes: watched while the
// archive is open by one who may file scans. A file is taken in once it has stopped growing; it
// is removed from the folder only after the archive has committed it, so a crash in between
// leaves it there, and the next look knows it by its hash and only removes it. A file that is
// not a scan is left where it is and said so, once.

export interface ScanFolderOptions {
  context: () => ServiceContext | null;
  /** A file was taken in: its pages are to be looked at. */
  received: () => void;
  log: (error: unknown) => void;
  pollMs?: number;
  /** How long a file's size and time must stay the same before it is read (the scanner may still be writing). */
  settleMs?: number;
}

export interface FolderRefusal {
  fileName: string;
  at: string;
  error: { code: ErrorCode; details?: Record<string, unknown> };
}

/** Names a scanner or an editor writes while a file is not finished, and the system's own. */
const unfinished = /^(\.|~\$)|\.(tmp|part|crdownload|partial|lock)$|^(thumbs\.db|desktop\.ini)$/i;

export class ScanFolderWatcher {
  private timer: NodeJS.Timeout | null = null;
  private looking: Promise<void> | null = null;
  private folder = '';
  private problem = false;
  private seen = new Map<string, { key: string; since: number }>();
  private refused = new Map<string, FolderRefusal & { key: string }>();

  constructor(private readonly o: ScanFolderOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.look(), this.o.pollMs ?? 2000);
    this.timer.unref?.();
    void this.look();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.looking;
  }

  status(): { folder: string; watching: boolean; folderProblem: boolean; refused: FolderRefusal[] } {
    const ctx = this.o.context();
    const may = !!ctx && roleMay(ctx.session.role, 'customers.write');
    return {
      folder: this.folder,
      watching: !!this.timer && may && !!this.folder && !this.problem,
      folderProblem: this.problem,
      refused: [...this.refused.values()].reverse().map(({ key: _key, ...r }) => r),
    };
  }

  /** One look at the folder (the timer's; tests call it directly). Looks never overlap. */
  look(): Promise<void> {
    this.looking ??= this.lookOnce()
      .catch(this.o.log)
      .finally(() => {
        this.looking = null;
      });
    return this.looking;
  }

  private async lookOnce(): Promise<void> {
    const ctx = this.o.context();
    if (!ctx || !roleMay(ctx.session.role, 'customers.write')) return;
    const folder = (await readSettings(ctx.db)).scanFolder;
    if (folder !== this.folder) {
      this.folder = folder;
      this.seen.clear();
      this.refused.clear();
    }
    if (!folder) return;
    let names: string[];
    try {
      if (isSystemFolder(folder)) throw new Error('a system folder');
      names = readdirSync(folder, { withFileTypes: true })
        .filter((e) => e.isFile() && !unfinished.test(e.name))
        .map((e) => e.name)
        .sort();
      this.problem = false;
    } catch {
      this.problem = true;
      return;
    }
    for (const name of [...this.seen.keys()]) if (!names.includes(name)) this.seen.delete(name);
    let took = false;
    for (const name of names) {
      if (!this.o.context()) return;
      const path = join(folder, name);
      let key: string;
      try {
        const st = statSync(path);
        key = `${st.size}:${st.mtimeMs}`;
      } catch {
        continue;
      }
      const before = this.seen.get(name);
      if (!before || before.key !== key) {
        this.seen.set(name, { key, since: Date.now() });
        continue;
      }
      if (Date.now() - before.since < (this.o.settleMs ?? 1500)) continue;
      if (this.refused.get(name)?.key === key) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      const outcome = await receiveScanFile(ctx, { fileName: name, bytes, origin: 'folder' });
      if (outcome.outcome === 'refused') {
        this.refused.set(name, { key, fileName: name, at: ctx.clock.now().toISOString(), error: outcome.error! });
        continue;
      }
      // Committed (now or before a crash): only now does the file leave the folder.
      try {
        if (existsSync(path)) unlinkSync(path);
      } catch (error) {
        this.o.log(error);
      }
      this.seen.delete(name);
      took ||= outcome.outcome === 'received';
    }
    if (took) this.o.received();
  }
}
