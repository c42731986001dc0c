import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileInside } from './services/local-paths';

// The desktop window loads the renderer from app://desk/, not file://: a page of its own origin
// that can read nothing but the built renderer (file:// pages can fetch other files). Kept free
// of Electron so the resolver is tested with hostile addresses.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://desk';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export const rendererMime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** True for a page of the app itself (IPC is answered for these only). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'desk';
  } catch {
    return false;
  }
}

export type AppResponse = { status: 200; body: Buffer; type: string } | { status: 400 | 404 };

/** What app://desk/<path> answers: a file of the built renderer, or 404; a malformed address is 400. */
export function resolveAppRequest(rendererRoot: string, url: string): AppResponse {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'desk') return { status: 404 };
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400 };
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = fileInside(rendererRoot, relative);
  if (!file) return { status: 404 };
  return { status: 200, body: readFileSync(file), type: rendererMime[extname(file)] ?? 'application/octet-stream' };
}
