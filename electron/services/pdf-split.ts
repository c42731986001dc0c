import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/** Renders the page-number stamps "第 k 页 共 n 页", one PDF page per pair asked for, in order. */
export type PageNumberStamps = (pairs: { page: number; count: number }[]) => Promise<Uint8Array>;

/**
 * Splits a PDF made from many forms at once (each form's h1 a bookmark) into one PDF per form:
 * Chromium renders a hundred forms in one call far faster than a hundred calls (fonts are
 * embedded once). Refuses when the bookmarks do not match the forms expected.
 */
export async function splitByOutline(bytes: Uint8Array, expected: number, options: { numberPages?: PageNumberStamps } = {}): Promise<Uint8Array[]> {
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
  const ranges = starts.map((start, i) => ({ start, end: (starts[i + 1] ?? doc.getPageCount()) - 1 }));
  // Chromium numbers pages across the whole batch; each form gets its own 第 k 页 共 n 页, stamped
  // from pages Chromium drew too, so the stamp's CJK font is embedded like the form's.
  const pairs = [...new Set(ranges.flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, k) => `${k + 1}/${end - start + 1}`)))].map((p) => {
    const [page, count] = p.split('/').map(Number) as [number, number];
    return { page, count };
  });
  const stamps = options.numberPages ? await PDFDocument.load(await options.numberPages(pairs)) : null;
  const stampIndex = new Map(pairs.map((p, i) => [`${p.page}/${p.count}`, i]));
  const out: Uint8Array[] = [];
  for (const { start, end } of ranges) {
    const part = await PDFDocument.create();
    const pages = await part.copyPages(
      doc,
      Array.from({ length: end - start + 1 }, (_, k) => start + k),
    );
    for (const p of pages) part.addPage(p);
    if (stamps) {
      const count = part.getPageCount();
      const embedded = await part.embedPdf(
        stamps,
        Array.from({ length: count }, (_, k) => stampIndex.get(`${k + 1}/${count}`)!),
      );
      part.getPages().forEach((page, k) => {
        const stamp = embedded[k]!;
        page.drawPage(stamp, { x: (page.getWidth() - stamp.width) / 2, y: 16 });
      });
    }
    out.push(await part.save());
  }
  return out;
}
