/**
 * Turns a form's print-ready HTML into a PDF. The services get one: Electron's printToPDF in the
 * app, the system Chromium driven by playwright-core in the loopback host and the tests. The
 * page size and orientation come from the HTML's @page rule.
 */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}
