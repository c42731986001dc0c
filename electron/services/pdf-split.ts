import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, StandardFonts, rgb } from 'pdf-lib';

/**
 * Splits a PDF made from many forms at once (each form's h1 a bookmark) into one PDF per form:
 * Chromium renders a hundred forms in one call far faster than a hundred calls (fonts are
 * embedded once). Refuses when the bookmarks do not match the forms expected.
 */
export async function splitByOutline(bytes: Uint8Array, expected: number, options: { numberPages?: boolean } = {}): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(bytes);
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const starts: number[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    let dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
    if (!dest && action) dest = action.lookupMaybe(PDFName.of('D'), PDFArray);
    const page = dest?.get(0);
    const index = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (index === undefined) throw new Error('a bookmark without a page');
    starts.push(index);
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  if (starts.length !== expected) throw new Error(`expected ${expected} forms, found ${starts.length} bookmarks`);
  const out: Uint8Array[] = [];
  for (const [i, start] of starts.entries()) {
    const end = (starts[i + 1] ?? doc.getPageCount()) - 1;
    const part = await PDFDocument.create();
    const pages = await part.copyPages(doc, Array.from({ length: end - start + 1 }, (_, k) => start + k));
    for (const p of pages) part.addPage(p);
    // Chromium numbers pages across the whole batch; each form gets its own "x / y" instead.
    if (options.numberPages) {
      const font = await part.embedFont(StandardFonts.Helvetica);
      const count = part.getPageCount();
      part.getPages().forEach((page, k) => {
        const text = `${k + 1} / ${count}`;
        const size = 9;
        page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, size)) / 2, y: 24, size, font, color: rgb(0, 0, 0) });
      });
    }
    out.push(await part.save());
  }
  return out;
}
