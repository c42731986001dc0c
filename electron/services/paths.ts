import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the archive lives by default: the OS's per-user application data folder. The Electron
 * app and the loopback host compute it the same way so both open the same archive.
 */
export function defaultArchiveDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.ARCHIVE_DESK_HOME) return resolve(env.ARCHIVE_DESK_HOME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ArchiveDesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ArchiveDesk');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'archive-desk');
}

/** `--archive DIR` (or `--archive=DIR`) on the command line wins over the environment. */
export function archiveDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--archive' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (arg.startsWith('--archive=')) return resolve(arg.slice('--archive='.length));
  }
  return defaultArchiveDir(env);
}
