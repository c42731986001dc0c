import type { Envelope } from '../shared/errors';
import { archiveIpcChannel } from '../shared/methods';
import { errorPayload, type Dispatch } from './dispatch';

/** The slice of Electron's ipcMain that we use, so registration is tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

export interface IpcRequest {
  method: unknown;
  input?: unknown;
  locale?: unknown;
}

/**
 * Registers the one channel. Calls from any frame but our own page are refused, and every
 * payload goes through the dispatcher (schema, permissions, envelope).
 */
export function registerArchiveIpc(ipcMain: IpcMainLike, dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): () => void {
  ipcMain.handle(archiveIpcChannel, async (event, request): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    const req = (typeof request === 'object' && request !== null ? request : {}) as IpcRequest;
    if (!isTrustedUrl(url)) return { ok: false, error: errorPayload('UNAUTHORIZED_CLIENT', 'zh-CN') };
    return dispatch(req.method, req.input, req.locale);
  });
  return () => ipcMain.removeHandler(archiveIpcChannel);
}
