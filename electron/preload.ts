// Runs sandboxed, with context isolation: it can only reach the one IPC channel, and exposes
// exactly the contract's methods as window.archive. The names come from the main process (the
// method declarations) on the command line the window was given, so nothing here lists them.
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchiveApi } from '../shared/api';
import { encodeBridgedError, type Envelope } from '../shared/errors';
import { archiveIpcChannel, methodListArgument } from '../shared/methods';

function call(method: string) {
  return async (input?: unknown) => {
    // The renderer keeps <html lang> on the chosen language; messages come back in it.
    const locale = document.documentElement.lang;
    const envelope = (await ipcRenderer.invoke(archiveIpcChannel, { method, input, locale })) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    throw new Error(encodeBridgedError(envelope.error));
  };
}

const methodNames = (process.argv.find((arg) => arg.startsWith(methodListArgument)) ?? methodListArgument).slice(methodListArgument.length).split(',').filter(Boolean);
const archive = Object.fromEntries(methodNames.map((method) => [method, call(method)])) as unknown as ArchiveApi;
contextBridge.exposeInMainWorld('archive', archive satisfies ArchiveApi);
