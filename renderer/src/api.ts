// The renderer's one way to the archive: window.archive from Electron's preload when it is
// there, otherwise the loopback host over HTTP. Both speak the same contract and envelopes.
import type { ArchiveApi } from '../../shared/api';
import { ArchiveError, decodeBridgedError, type Envelope } from '../../shared/errors';

declare global {
  interface Window {
    archive?: ArchiveApi;
  }
}

const TOKEN_KEY = 'archive-desk-token';

const sessionLostListeners: (() => void)[] = [];
/** Called when a call fails because the archive is no longer unlocked for this window. */
export function onSessionLost(listener: () => void): void {
  sessionLostListeners.push(listener);
}
/**
 * An api object whose every property is a call of that name: the renderer needs no list of the
 * methods (they are declared in the main process; an unknown name is refused there in words).
 */
function callsByName(call: (method: string) => (input?: unknown) => Promise<unknown>): ArchiveApi {
  const calls = new Map<string, (input?: unknown) => Promise<unknown>>();
  return new Proxy({} as ArchiveApi, {
    get: (_target, name) => {
      // Not a thenable, not a symbol: only a method name makes a call.
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (!calls.has(name)) calls.set(name, call(name));
      return calls.get(name);
    },
  });
}

const sessionLostCodes = new Set(['SESSION_EXPIRED', 'NOT_SIGNED_IN', 'ARCHIVE_LOCKED']);

function watchSession(inner: ArchiveApi): ArchiveApi {
  const call = (method: string) => async (input?: unknown) => {
    try {
      return await (inner[method as keyof ArchiveApi] as (i?: unknown) => Promise<unknown>)(input);
    } catch (error) {
      if (error instanceof ArchiveError && sessionLostCodes.has(error.code)) for (const l of sessionLostListeners) l();
      throw error;
    }
  };
  return callsByName(call);
}

/** The host prints a URL with #token=…; keep it for this tab and take it out of the address bar. */
function takeToken(): string {
  const match = /[#&]token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): ArchiveApi {
  const token = takeToken();
  const call = (method: string) => async (input?: unknown) => {
    let response: Response;
    try {
      response = await fetch(`api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'X-Archive-Locale': document.documentElement.lang,
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ArchiveError(
        'INTERNAL',
        { offline: true },
        navigator.language.startsWith('zh') ? '无法连接档案台主机，请确认它仍在运行。' : 'Cannot reach the Archive Desk host; check that it is still running.',
      );
    }
    const envelope = (await response.json()) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    throw new ArchiveError(envelope.error.code, envelope.error.details, envelope.error.message);
  };
  return callsByName(call);
}

/** Electron's bridge rejects with a plain Error; turn it back into an ArchiveError. */
function bridgedApi(bridge: ArchiveApi): ArchiveApi {
  const call = (method: string) => async (input?: unknown) => {
    try {
      return await (bridge[method as keyof ArchiveApi] as (i?: unknown) => Promise<unknown>)(input);
    } catch (error) {
      const payload = decodeBridgedError(error instanceof Error ? error.message : String(error));
      if (payload) throw new ArchiveError(payload.code, payload.details, payload.message);
      throw new ArchiveError('INTERNAL', undefined, String(error));
    }
  };
  return callsByName(call);
}

export const api: ArchiveApi = watchSession(window.archive ? bridgedApi(window.archive) : httpApi());
