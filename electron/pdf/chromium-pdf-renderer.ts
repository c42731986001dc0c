import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ArchiveError } from '../../shared/errors';
import type { PdfRenderer } from '../services/pdf';

// Where a Chromium-family browser usually is; ARCHIVE_DESK_CHROMIUM names another.
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.ARCHIVE_DESK_CHROMIUM ?? env.CHROMIUM_PATH;
  if (named) return existsSync(named) ? named : null;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * One warm headless browser and page for every PDF (started on first use), with calls taken one
 * at a time: batch work renders many pages per call instead of many calls.
 */
export function chromiumPdfRenderer(executablePath = findChromium()): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const open = () => {
    if (!executablePath) throw new ArchiveError('PDF_UNAVAILABLE');
    browser ??= chromium.launch({
      executablePath,
      // Offline: nothing may reach the network (no fonts, no updates).
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page ??= browser.then(async (b) => {
      const context = await b.newContext({ javaScriptEnabled: false, offline: true });
      return context.newPage();
    });
    return page;
  };
  return {
    render(html, options) {
      const job = queue.then(async () => {
        const p = await open();
        await p.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await p.pdf({ preferCSSPageSize: true, printBackground: true, outline: options?.outline ?? false, tagged: options?.outline ?? false }));
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      const b = browser;
      browser = null;
      page = null;
      if (b) await (await b).close();
    },
  };
}
