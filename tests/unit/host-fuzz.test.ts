import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackHost, type LoopbackHost } from '../../electron/host/server';
import { makeVault, tempDir } from './helpers';

// Hostile requests against the loopback host: none of them may bring it down or reach the archive.

let host: LoopbackHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const staticDir = tempDir('archive-desk-static-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>客户档案台</title>');
  mkdirSync(join(staticDir, 'assets'));
  const ctx = makeVault();
  host = await startLoopbackHost({ dispatch: ctx.dispatch, staticDir, maxBodyBytes: 64 * 1024 });
  return { ...ctx, host };
}

/** Sends raw bytes and returns the status line's code (0 when the host closed without one). */
function raw(port: number, bytes: Buffer | string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => socket.destroy(), 2_000);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    });
    socket.write(bytes);
  });
}

const get = (port: number, path: string, extra = '') => raw(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`);

/** A small seeded generator, so a failing case can be run again. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the loopback host under hostile input', () => {
  it('answers a broken %-escape in the path with 400 and stays up', async () => {
    const { host: h } = await start();
    for (const path of ['/%', '/%ZZ', '/%c0%ae', '/%E4%BD', '/assets/%', '/a%00b', '/%2e%2e%2f%', '/api/%', '/api/getArchiveStatus%']) {
      const status = await get(h.port, path);
      expect([400, 401, 404], path).toContain(status);
    }
    expect(await get(h.port, '/%')).toBe(400);
    expect(await get(h.port, '/%c0%ae')).toBe(400);
    expect(await get(h.port, '/')).toBe(200);
  });

  it('survives a fuzz of request lines, headers and bodies, and the archive is untouched', async () => {
    const { host: h, dir } = await start();
    const random = prng(20261201);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const alphabet = ['%', '%%', '%ZZ', '%c0', '%ae', '%00', '..', '/', '\\', '?', '#', '&', '=', '%2f', '%5c', '中', '\u0000', ' ', '\t', 'a', 'api', 'assets', '%E4%BD%A0', '%ff%fe'];
    const bodies = [
      '',
      '{',
      '{"a":',
      'null',
      '[]',
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{}}}',
      '"\u0000"',
      '1e999999',
      '{"username":' + '"x"'.repeat(50) + '}',
      '\xff\xfe\xfd',
      '{"a":"' + 'b'.repeat(70_000) + '"}',
    ];
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'BREW', 'G\u0000T'];
    let answered = 0;
    for (let i = 0; i < 300; i++) {
      const path = (random() < 0.5 ? '/api/' : '/') + Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(alphabet)).join('');
      const body = pick(bodies);
      const headers = [
        `Host: ${random() < 0.9 ? `127.0.0.1:${h.port}` : pick(['evil.example', '', '127.0.0.1', `localhost:${h.port}`])}`,
        random() < 0.5 ? `Authorization: Bearer ${random() < 0.5 ? h.token : 'x'}` : '',
        random() < 0.5 ? 'Content-Type: application/json' : `Content-Type: ${pick(['text/plain', '', 'application/json; charset=latin1'])}`,
        random() < 0.3 ? `Origin: ${pick(['null', 'http://evil.example', `http://127.0.0.1:${h.port}`])}` : '',
        random() < 0.2 ? `X-Archive-Locale: ${pick(['en', 'zh-CN', '__proto__', '%'])}` : '',
        `Content-Length: ${random() < 0.9 ? Buffer.byteLength(body, 'latin1') : pick(['-1', 'abc', '99999999999'])}`,
      ].filter(Boolean);
      const status = await raw(h.port, Buffer.from(`${pick(methods)} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n${body}`, 'latin1'));
      if (status) answered++;
      expect(status === 0 || (status >= 200 && status < 600)).toBe(true);
    }
    expect(answered).toBeGreaterThan(250);
    // Still up, and nothing was created: no call in the fuzz carried a valid archive to create.
    expect(await get(h.port, '/')).toBe(200);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual([]);
  });
});
