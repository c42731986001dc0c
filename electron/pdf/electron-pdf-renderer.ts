import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../services/pdf';

/** The app's PDFs: a hidden, sandboxed window without scripts prints the form with Chromium. */
export function electronPdfRenderer(): PdfRenderer {
  let window: BrowserWindow | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const open = () => {
    window ??= new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    return window;
  };
  return {
    render(html, options) {
      const job = queue.then(async () => {
        const w = open();
        await w.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return new Uint8Array(
          await w.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: options?.outline ?? false, generateTaggedPDF: options?.outline ?? false }),
        );
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      window?.destroy();
      window = null;
    },
  };
}
