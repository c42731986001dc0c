import { describe, expect, it } from 'vitest';
import { registerArchiveIpc, type IpcEventLike, type IpcMainLike } from '../../electron/ipc';
import { archiveIpcChannel } from '../../shared/methods';
import { adminInput, makeVault } from './helpers';

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(url: string, payload: unknown) {
    return this.handlers.get(archiveIpcChannel)!({ senderFrame: { url } }, payload);
  }
}

const appUrl = 'file:///opt/archive-desk/dist/renderer/index.html';

describe('IPC registration', () => {
  it('registers exactly one channel and serves the contract through the dispatcher', async () => {
    const ipc = new FakeIpcMain();
    const { dispatch } = makeVault();
    const unregister = registerArchiveIpc(ipc, dispatch, (url) => url === appUrl);
    expect([...ipc.handlers.keys()]).toEqual([archiveIpcChannel]);
    expect(await ipc.invoke(appUrl, { method: 'getArchiveStatus' })).toMatchObject({ ok: true, value: { state: 'none' } });
    const created = await ipc.invoke(appUrl, { method: 'createArchive', input: adminInput, locale: 'en' });
    expect(created).toMatchObject({ ok: true, value: { session: { role: 'administrator' } } });
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('refuses calls from any other frame, and malformed payloads', async () => {
    const ipc = new FakeIpcMain();
    const { dispatch, dir } = makeVault();
    registerArchiveIpc(ipc, dispatch, (url) => url === appUrl);
    expect(await ipc.invoke('https://evil.example/', { method: 'createArchive', input: adminInput })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED_CLIENT' },
    });
    expect(await ipc.invoke(appUrl, null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await ipc.invoke(appUrl, { method: 'createArchive', input: { username: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual([]);
  });
});
