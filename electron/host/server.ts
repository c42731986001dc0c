import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Envelope, ErrorCode } from '../../shared/errors';
import { errorPayload, type Dispatch } from '../dispatch';
import { contentSecurityPolicy } from '../window-security';
import { rendererMime } from '../app-protocol';
import { defaultLocale, isLocale } from '../../shared/domain';

export interface LoopbackHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fresh random token each run unless given (tests give none). */
  token?: string;
  maxBodyBytes?: number;
}

export interface LoopbackHost {
  url: string;
  /** The address to open, with the token in the fragment (never sent to the server in a request line). */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME = rendererMime;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const transportStatus: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED_CLIENT: 401,
  UNKNOWN_METHOD: 404,
  VALIDATION_FAILED: 400,
  INTERNAL: 500,
};

/**
 * Serves the built renderer and the same dispatcher as Electron's IPC, on 127.0.0.1 only.
 * Every API call needs the per-run token; the Host and Origin headers must name this host,
 * so a web page elsewhere (DNS rebinding, cross-site posts) cannot reach the archive.
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const staticRoot = normalize(options.staticDir + sep);
  let port = 0;

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  }

  function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>) {
    const status = envelope.ok ? 200 : (transportStatus[envelope.error.code] ?? 200);
    send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
  }

  function tokenOk(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  async function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) return 'too-large';
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    const localeHeader = req.headers['x-archive-locale'];
    const locale = isLocale(localeHeader) ? localeHeader : defaultLocale;
    const fail = (code: ErrorCode, status?: number) => {
      const envelope: Envelope<unknown> = { ok: false, error: errorPayload(code, locale) };
      if (status) send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
      else sendEnvelope(res, envelope);
    };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return fail('UNAUTHORIZED_CLIENT', 403);
    if (!tokenOk(req)) return fail('UNAUTHORIZED_CLIENT');
    if (req.method !== 'POST') return fail('UNKNOWN_METHOD', 405);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail('VALIDATION_FAILED', 415);
    const body = await readBody(req);
    if (body === 'too-large') return fail('VALIDATION_FAILED', 413);
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : undefined;
    } catch {
      return fail('VALIDATION_FAILED');
    }
    sendEnvelope(res, await options.dispatch(method, input, locale));
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // A broken %-escape (/%, /%ZZ, an overlong UTF-8 sequence) is the caller's mistake, never the host's end.
      return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    }
    if (decoded.includes('\0')) return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(staticRoot, relative));
    if (!file.startsWith(staticRoot)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      // Built assets carry a content hash in their names; the page itself is always fetched fresh.
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch {
      // Whatever a request carries, it ends in an answer, not in the host's exit.
      if (!res.headersSent) send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
      else res.destroy();
    }
  });
  // A request line or header that Node cannot parse closes that connection only.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function route(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      return send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    }
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname.slice('/api/'.length)).catch(() => {
        if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: errorPayload('INTERNAL', defaultLocale) }), 'application/json; charset=utf-8');
      });
      return;
    }
    handleStatic(req, res, pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
