import { describe, expect, it } from 'vitest';
import { archiveDirFromArgs, defaultArchiveDir } from '../../electron/services/paths';

describe('where the archive lives', () => {
  it('defaults to the per-user application data folder of each OS', () => {
    expect(defaultArchiveDir({ APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, 'win32', 'C:\\Users\\clerk')).toMatch(/Roaming.ArchiveDesk$/);
    expect(defaultArchiveDir({}, 'darwin', '/Users/clerk')).toBe('/Users/clerk/Library/Application Support/ArchiveDesk');
    expect(defaultArchiveDir({}, 'linux', '/home/clerk')).toBe('/home/clerk/.local/share/archive-desk');
    expect(defaultArchiveDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/clerk')).toBe('/data/archive-desk');
  });

  it('takes ARCHIVE_DESK_HOME, and --archive over it', () => {
    expect(defaultArchiveDir({ ARCHIVE_DESK_HOME: '/srv/desk' }, 'linux', '/home/clerk')).toBe('/srv/desk');
    expect(archiveDirFromArgs(['node', 'serve', '--archive', '/tmp/a'], { ARCHIVE_DESK_HOME: '/srv/desk' })).toBe('/tmp/a');
    expect(archiveDirFromArgs(['node', 'serve', '--archive=/tmp/b'], {})).toBe('/tmp/b');
    expect(archiveDirFromArgs(['node', 'serve'], { ARCHIVE_DESK_HOME: '/srv/desk' })).toBe('/srv/desk');
  });
});
