import { ArchiveError } from '../../shared/errors';
import { chooseFolderInput, createArchiveInput, noInput, recoverAccessInput, unlockInput, updateSettingsInput } from '../../shared/schemas';
import { readSettings, updateSettings } from '../services/settings';
import { defineMethod } from './define';

/** Opening and closing the archive, and its settings. */
export const archiveAccessMethods = {
  getArchiveStatus: defineMethod({ input: noInput, permission: 'public', handler: async (_input, m) => m.desk.status() }),
  createArchive: defineMethod({
    input: createArchiveInput,
    permission: 'public',
    handler: async (input, m) => m.desk.signedIn(await m.vault.create(input)),
  }),
  unlock: defineMethod({ input: unlockInput, permission: 'public', handler: async (input, m) => m.desk.signedIn(await m.vault.unlock(input)) }),
  recoverAccess: defineMethod({
    input: recoverAccessInput,
    permission: 'public',
    handler: async (input, m) => m.desk.signedIn(await m.vault.recoverAccess(input)),
  }),
  lock: defineMethod({ input: noInput, permission: 'signed-in', handler: (_input, m) => m.desk.lock() }),
  /** The system's folder dialog (the desktop app only; see ArchiveStatus.folderDialog): the folder chosen, or null. */
  chooseFolder: defineMethod({
    input: chooseFolderInput,
    permission: 'signed-in',
    handler: async ({ defaultPath }, m) => {
      if (!m.chooseFolder) throw new ArchiveError('FOLDER_DIALOG_UNAVAILABLE');
      return m.chooseFolder(defaultPath);
    },
  }),
  getSettings: defineMethod({ input: noInput, permission: 'signed-in', handler: (_input, m) => readSettings(m.db()) }),
  updateSettings: defineMethod({
    input: updateSettingsInput,
    permission: 'settings.manage',
    handler: async (input, m) => {
      const settings = await updateSettings(m.services(), input);
      m.desk.setAutoLock(settings.autoLockMinutes);
      return settings;
    },
  }),
};
