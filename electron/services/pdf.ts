/**
 * Turns a form's print-ready HTML into a PDF. The services get one: Electron's printToPDF in the
 * app, the system Chromium driven by playwright-core in the loopback host and the tests. The
 * page size and orientation come from the HTML's @page rule. With `outline`, each form's title
 * (its h1) becomes a bookmark, which is how a batch of forms is split into one PDF each.
 */
export interface PdfRenderer {
  render(html: string, options?: { outline?: boolean }): Promise<Uint8Array>;
  close(): Promise<void>;
}
