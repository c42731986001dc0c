import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackHost, type LoopbackHost } from '../../electron/host/server';
import { adminInput, makeVault, tempDir } from './helpers';

let host: LoopbackHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(maxBodyBytes?: number) {
  const staticDir = tempDir('archive-desk-static-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>客户档案台</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  const ctx = makeVault();
  host = await startLoopbackHost({ dispatch: ctx.dispatch, staticDir, maxBodyBytes });
  return { ...ctx, host };
}

function call(h: LoopbackHost, method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${h.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.token}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('the loopback host', () => {
  it('listens on 127.0.0.1 only, with a fresh token each run', async () => {
    const { host: h } = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(h.token).toMatch(/^[0-9a-f]{64}$/);
    expect(h.openUrl).toBe(`${h.url}#token=${h.token}`);
    const second = await startLoopbackHost({ dispatch: async () => ({ ok: true, value: null }), staticDir: tempDir() });
    expect(second.token).not.toBe(h.token);
    await second.close();
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const { host: h } = await start();
    const page = await fetch(h.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('客户档案台');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${h.url}assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
    for (const path of ['../secret.txt', '%2e%2e/secret.txt', '..%2f..%2fetc%2fpasswd', 'nothing.js']) {
      expect((await fetch(`${h.url}${path}`)).status, path).toBe(404);
    }
  });

  it('answers API calls with the same envelopes as IPC', async () => {
    const { host: h } = await start();
    const status = await call(h, 'getArchiveStatus', {});
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ ok: true, value: { state: 'none' } });
    const created = await call(h, 'createArchive', adminInput, { 'X-Archive-Locale': 'en' });
    expect(await created.json()).toMatchObject({ ok: true, value: { session: { username: 'wangfang' } } });
    const bad = await call(h, 'unlock', { username: 'x' }, { 'X-Archive-Locale': 'en' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await call(h, 'formatDisk', {});
    expect(unknown.status).toBe(404);
  });

  it('refuses calls without the token, from another origin or host, or with the wrong body', async () => {
    const { host: h, dir } = await start(1024);
    const noToken = await fetch(`${h.url}api/createArchive`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(adminInput) });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED_CLIENT', message: expect.stringMatching(/令牌/) } });
    expect((await call(h, 'createArchive', adminInput, { Authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(401);
    expect((await call(h, 'createArchive', adminInput, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(h, 'createArchive', adminInput, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await call(h, 'createArchive', { ...adminInput, organisation: 'x'.repeat(5000) })).status).toBe(413);
    const raw = await fetch(`${h.url}api/createArchive`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.token}` }, body: '{not json' });
    expect(raw.status).toBe(400);
    expect((await fetch(`${h.url}api/getArchiveStatus`, { headers: { Authorization: `Bearer ${h.token}` } })).status).toBe(405);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const { host: h } = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.port, path: '/', headers: { Host: `attacker.example:${h.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});
