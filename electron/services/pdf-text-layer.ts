import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFNumber, PDFString, type PDFPage, type PDFRef } from 'pdf-lib';
import { GLYPHLESS_FONT_NAME, glyphlessFont } from './glyphless-font';
import { STRAIGHTENED_FROM } from './kept-lines';

// The text read from a scan's pages, laid over them as an invisible layer (text render mode 3),
// so a PDF viewer finds and copies the words where they are on the page. Each line is one run of
// text in the glyphless font, stretched (Tz) over the line's box and tilted as the line lay.

export interface PageLines {
  pageNo: number;
  /** The page's pixels as read, and how it was straightened and turned to read it. */
  width: number;
  height: number;
  skew: number;
  turned: number;
  lines: { text: string; box: [number, number, number, number] }[];
}

type Point = [number, number];

/**
 * How a point of the page as read maps to the PDF page's own space: the turn and the
 * straightening undone, pixels to points, then the page's /Rotate and crop box.
 */
export function pageMapping(page: Pick<PageLines, 'width' | 'height' | 'skew' | 'turned'>, crop: { x: number; y: number; width: number; height: number }, rotate: number): (p: Point) => Point {
  const quarter = (((Math.round(rotate / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  // The page as shown, in points.
  const shownW = quarter % 2 ? crop.height : crop.width;
  const shownH = quarter % 2 ? crop.width : crop.height;
  const skew = Math.abs(page.skew) >= STRAIGHTENED_FROM ? (page.skew * Math.PI) / 180 : 0;
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  // Straightening grows the canvas: the shown page's pixels per point, from both sides.
  const scale = (page.width / (shownW * cos + shownH * Math.abs(sin)) + page.height / (shownW * Math.abs(sin) + shownH * cos)) / 2;
  return ([x, y]) => {
    if (page.turned === 180) [x, y] = [page.width - x, page.height - y];
    // Straightening turned the page clockwise by the skew about its centre: turn it back.
    const dx = x - page.width / 2;
    const dy = y - page.height / 2;
    const sx = (dx * cos + dy * sin) / scale + shownW / 2;
    const sy = (-dx * sin + dy * cos) / scale + shownH / 2;
    // Shown (y down from the top left) to the page's space (y up), through its /Rotate.
    const { x: x0, y: y0 } = crop;
    const x1 = x0 + crop.width;
    const y1 = y0 + crop.height;
    switch (quarter) {
      case 0:
        return [x0 + sx, y1 - sy];
      case 1:
        return [x0 + sy, y0 + sx];
      case 2:
        return [x1 - sx, y0 + sy];
      case 3:
        return [x1 - sy, y1 - sx];
    }
  };
}

const n = (v: number) => (Math.abs(v) < 1e-4 ? '0' : v.toFixed(3).replace(/\.?0+$/, ''));

/** UTF-16 code units, each a CID of the Identity-H font (and, through ToUnicode, itself). */
function hexOf(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

/** The page's content that draws nothing and holds its lines' text where they are. */
export function textLayerOperators(page: PageLines, map: (p: Point) => Point, font: string): string {
  const out = ['q', 'BT', '3 Tr'];
  for (const line of page.lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const [left, top, right, bottom] = line.box;
    const height = bottom - top;
    // The baseline a little above the box's bottom, where a CJK character's em box sits.
    const base = bottom - height * 0.12;
    const [ax, ay] = map([left, base]);
    const [bx, by] = map([right, base]);
    const [tx, ty] = map([left, top]);
    const length = Math.hypot(bx - ax, by - ay);
    const size = Math.hypot(tx - ax, ty - ay) / 0.88;
    if (!(length > 0.5 && size > 0.5)) continue;
    const ux = (bx - ax) / length;
    const uy = (by - ay) / length;
    const units = text.length;
    const stretch = (100 * length) / (units * size);
    out.push(`/${font} ${n(size)} Tf`, `${n(stretch)} Tz`, `${n(ux)} ${n(uy)} ${n(-uy)} ${n(ux)} ${n(ax)} ${n(ay)} Tm`, `<${hexOf(text)}> Tj`);
  }
  out.push('ET', 'Q');
  return out.join('\n');
}

/** ToUnicode: every code is the UTF-16 unit it names (in ranges of 256, as the CMap rules allow). */
function toUnicodeCMap(): string {
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    const h = hi.toString(16).padStart(2, '0');
    ranges.push(`<${h}00> <${h}ff> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) blocks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

let compressed: { font: Uint8Array; fontLength: number; cidToGid: Uint8Array; toUnicode: Uint8Array } | null = null;

/** The font's three streams, the same in every scan: compressed once. */
function fontStreams() {
  if (compressed) return compressed;
  const font = glyphlessFont();
  // Every CID is the one empty glyph.
  const gids = new Uint8Array(65536 * 2);
  for (let i = 1; i < gids.length; i += 2) gids[i] = 1;
  compressed = { font: deflateSync(font), fontLength: font.length, cidToGid: deflateSync(gids), toUnicode: deflateSync(toUnicodeCMap()) };
  return compressed;
}

function embedGlyphlessFont(doc: PDFDocument): PDFRef {
  const context = doc.context;
  const streams = fontStreams();
  const fontFile = context.register(context.stream(streams.font, { Filter: 'FlateDecode', Length1: streams.fontLength }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: GLYPHLESS_FONT_NAME,
      Flags: 5,
      FontBBox: [0, 0, 1000, 1000],
      ItalicAngle: 0,
      Ascent: 1000,
      Descent: 0,
      CapHeight: 1000,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const cidToGid = context.register(context.stream(streams.cidToGid, { Filter: 'FlateDecode' }));
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: GLYPHLESS_FONT_NAME,
      CIDSystemInfo: context.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: PDFNumber.of(0) }),
      FontDescriptor: descriptor,
      DW: 1000,
      CIDToGIDMap: cidToGid,
    }),
  );
  const toUnicode = context.register(context.stream(streams.toUnicode, { Filter: 'FlateDecode' }));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: GLYPHLESS_FONT_NAME,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

function layPage(doc: PDFDocument, page: PDFPage, lines: PageLines, font: PDFRef): void {
  const map = pageMapping(lines, page.getCropBox(), page.getRotation().angle);
  const name = page.node.newFontDictionary('OcrText', font);
  const stream = doc.context.register(doc.context.flateStream(textLayerOperators(lines, map, name.asString().slice(1))));
  // Normalising first wraps the page's own content in q…Q, so the layer starts from the page's space.
  page.node.normalizedEntries();
  page.node.addContentStream(stream);
}

/**
 * The scan's PDF with its pages' text as an invisible layer; the pages themselves unchanged.
 * Null when no page has text to lay or the PDF cannot be rewritten (the scan goes as it is).
 */
export async function withTextLayer(pdf: Uint8Array, pages: PageLines[]): Promise<Uint8Array | null> {
  const withText = pages.filter((p) => p.lines.some((l) => l.text.trim()) && p.width > 0 && p.height > 0);
  if (withText.length === 0) return null;
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const all = doc.getPages();
    const font = embedGlyphlessFont(doc);
    let laid = 0;
    for (const lines of withText) {
      const page = all[lines.pageNo - 1];
      if (!page) continue;
      layPage(doc, page, lines, font);
      laid++;
    }
    if (laid === 0) return null;
    return await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  } catch {
    return null;
  }
}
