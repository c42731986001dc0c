import { backupFolderInput, restoreBackupInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as backup from '../services/backup';

export const backupMethods = {
  backupArchive: defineMethod({ input: backupFolderInput, permission: 'backup.create', handler: ({ folder }, m) => backup.backupArchive(m.vault, m.clock, folder) }),
  listBackups: defineMethod({ input: backupFolderInput, permission: 'backup.create', handler: async ({ folder }, m) => backup.listBackups(m.vault, folder) }),
  // Works while locked (a damaged archive cannot be unlocked); the service requires the
  // password of an administrator of the backup.
  restoreBackup: defineMethod({
    input: restoreBackupInput,
    permission: 'public',
    handler: async ({ backupFolder, username, password, recoveryKey }, m) =>
      m.desk.signedIn(await backup.restoreBackup(m.vault, m.clock, backupFolder, username, password, recoveryKey, () => m.desk.lock())),
  }),
};
