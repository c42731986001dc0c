import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageImage, scannedPdf } from '../scan-pages';
import { admin, callApi, desk } from './helpers';
import { startHost, type RunningHost } from './host';
import { batchWithCovers } from './scan-batch';

// A power cut (kill -9) in the middle of taking in the scan folder, or of reading a batch, loses
// nothing and takes nothing twice: the host is killed and started again on the same archive.

/** A host on an archive of its own, signed in as the desk's clerk over the API, the scan folder set. */
async function deskHost(readText: boolean): Promise<{ host: RunningHost; folder: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-desk-kill-'));
  const folder = mkdtempSync(join(tmpdir(), 'scan-folder-'));
  const host = await startHost(dir, { readText });
  await callApi(host.openUrl, 'createArchive', { ...admin, passwordConfirm: admin.password });
  await callApi(host.openUrl, 'createAccount', { ...desk, role: 'clerk', passwordConfirm: desk.password });
  await callApi(host.openUrl, 'updateSettings', { scanFolder: folder });
  await callApi(host.openUrl, 'lock', {});
  await callApi(host.openUrl, 'unlock', { username: desk.username, password: desk.password });
  return { host, folder, dir };
}

async function restart(dir: string, readText: boolean): Promise<RunningHost> {
  const host = await startHost(dir, { readText });
  await callApi(host.openUrl, 'unlock', { username: desk.username, password: desk.password });
  return host;
}

async function intakeDone(host: RunningHost, timeout = 120_000) {
  await expect
    .poll(
      async () => {
        const s = await callApi(host.openUrl, 'scanIntakeStatus', {});
        return s.filesWaiting === 0 && !s.current;
      },
      { timeout },
    )
    .toBe(true);
}

test('kill -9 in the middle of taking in the scan folder loses nothing and takes nothing twice', async () => {
  test.setTimeout(180_000);
  const started = await deskHost(false);
  const { folder, dir } = started;
  let host = started.host;
  try {
    const names = Array.from({ length: 12 }, (_, i) => `scan${String(i + 1).padStart(4, '0')}.pdf`);
    for (const [i, name] of names.entries()) writeFileSync(join(folder, name), await scannedPdf([await pageImage([`第 ${i + 1} 份来函`], { width: 827, height: 1170 })]));
    // Killed as soon as the first file has left the folder: some are kept, the rest still there.
    await expect.poll(() => readdirSync(folder).length, { timeout: 60_000, intervals: [20] }).toBeLessThan(names.length);
    await host.kill();
    const left = readdirSync(folder).length;
    expect(left).toBeGreaterThan(0);
    host = await restart(dir, false);
    await expect.poll(() => readdirSync(folder).length, { timeout: 60_000 }).toBe(0);
    await intakeDone(host);
    const status = await callApi(host.openUrl, 'scanIntakeStatus', {});
    expect(status.recent.map((r: { fileName: string }) => r.fileName).sort()).toEqual(names);
    const waiting = await callApi(host.openUrl, 'listWaitingScans', {});
    expect(waiting.map((w: { sourceName: string }) => w.sourceName).sort()).toEqual(names);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
});

test('kill -9 in the middle of reading a batch: the restart goes on from the page it was on, every document filed once, every page read once', async () => {
  test.setTimeout(240_000);
  const started = await deskHost(true);
  const { folder, dir } = started;
  let host = started.host;
  try {
    const files = [];
    for (const name of ['华联商贸', '星河餐饮'])
      files.push((await callApi(host.openUrl, 'registerCustomer', { kind: 'tenant', name, units: [name === '华联商贸' ? 'A-1' : 'A-2'] })).customer.files[0]);
    const lines = (n: number) => [`第 ${n} 页`, '租赁期间乙方应按时缴纳物业管理费。', '如有疑问请联系客户服务中心。'];
    const batch = await batchWithCovers(host.openUrl, [
      { fileId: files[0].id, category: 'correspondence', pages: [await pageImage(lines(1), { width: 1654, height: 2339 }), await pageImage(lines(2), { width: 1654, height: 2339 })] },
      { fileId: files[1].id, category: 'payment', pages: [await pageImage(lines(3), { width: 1654, height: 2339 }), await pageImage(lines(4), { width: 1654, height: 2339 })] },
    ]);
    await callApi(host.openUrl, 'receiveScans', { files: [{ fileName: 'batch.pdf', dataBase64: batch.toString('base64') }] });
    await expect.poll(async () => (await callApi(host.openUrl, 'scanIntakeStatus', {})).current?.page ?? 0, { timeout: 90_000, intervals: [100] }).toBeGreaterThanOrEqual(2);
    await host.kill();
    host = await restart(dir, true);
    await intakeDone(host, 180_000);
    const status = await callApi(host.openUrl, 'scanIntakeStatus', {});
    expect(status.recent).toHaveLength(1);
    expect(status.recent[0].summary).toEqual({ documents: 2, scans: 0, waiting: 0, blank: 0, separators: 2 });
    for (const [i, f] of files.entries()) {
      const file = await callApi(host.openUrl, 'getFile', { fileId: f.id });
      expect(file.documents).toHaveLength(1);
      expect(file.documents[0].scans).toHaveLength(1);
      const text = await callApi(host.openUrl, 'getScanText', { scanId: file.documents[0].scans[0].id });
      expect(text.state).toBe('read');
      expect(text.pages.map((p: { pageNo: number }) => p.pageNo)).toEqual([1, 2]);
      expect(text.pages[0].text.replace(/\s/g, '')).toContain(`第${i * 2 + 1}页`);
    }
    expect((await callApi(host.openUrl, 'search', { query: '物业管理费' })).pages).toHaveLength(4);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
});
