import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { greyFromImage, greyFromSharp, inkOf, resolveModule, type GreyImage } from './ocr-engine';

// The pages of a scan as grey pixels, for reading: a PDF's pages drawn by pdf.js (on
// @napi-rs/canvas) at the scanner's usual 200 dpi, a TIFF's pages, or the one page of a JPEG or PNG.

export type PageSource = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

/** 200 dpi, as desk scanners scan documents; a page larger than A3 is drawn smaller. */
const DPI = 200;
const MAX_PIXELS = 3400 * 4800;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;
// Loaded from node_modules when first needed (not bundled: pdf.js starts its own worker file).
const loadPdfJs = () => (pdfjs ??= import(pathToFileURL(resolveModule('pdfjs-dist/legacy/build/pdf.mjs')).href) as Promise<PdfJs>);

export interface ScanPages {
  count: number;
  /** Page 1 to count. */
  page(pageNo: number): Promise<GreyImage>;
  close(): Promise<void>;
}

export async function openScanPages(bytes: Uint8Array, mime: PageSource): Promise<ScanPages> {
  if (mime === 'application/pdf') return openPdf(bytes);
  const count = mime === 'image/tiff' ? ((await sharp(bytes).metadata()).pages ?? 1) : 1;
  return { count, page: (n) => greyFromImage(bytes, n - 1), close: async () => undefined };
}

async function openPdf(bytes: Uint8Array): Promise<ScanPages> {
  // A scanner's PDF is a JPEG a page: its pages are those JPEGs, decoded by libjpeg (sharp) many
  // times faster than pdf.js draws them; any other page is drawn by pdf.js.
  const parsed = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true }).catch(() => null);
  let drawn: ScanPages | null = null;
  const draw = async () => (drawn ??= await drawnPdf(bytes));
  return {
    count: parsed?.getPageCount() ?? (await draw()).count,
    async page(n) {
      const scan = parsed ? await scannedJpeg(parsed.getPage(n - 1)) : null;
      return scan ?? (await draw()).page(n);
    },
    close: async () => {
      await drawn?.close();
    },
  };
}

/** The page's one JPEG and its turn, when the page is that image over the whole page and nothing else. */
async function scannedJpeg(page: PDFPage): Promise<GreyImage | null> {
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const keys = xobjects?.keys() ?? [];
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!xobjects || keys.length !== 1 || (fonts && fonts.keys().length > 0)) return null;
  const image = xobjects.lookup(keys[0]!);
  if (!(image instanceof PDFRawStream)) return null;
  const dict = image.dict;
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image') || dict.get(PDFName.of('Filter')) !== PDFName.of('DCTDecode') || dict.has(PDFName.of('Decode')) || dict.has(PDFName.of('SMask')))
    return null;
  const content = page.node.Contents();
  const streams = (content instanceof PDFArray ? content.asArray().map((r) => page.doc.context.lookup(r)) : [content]).filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  if (!streams.length) return null;
  const ops = streams.map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s).decode())).join('\n');
  const placed = imagePlacement(ops);
  const { width, height } = page.getSize();
  if (!placed || Math.abs(placed.w - width) > 1 || Math.abs(placed.h - height) > 1 || Math.abs(placed.x) > 1 || Math.abs(placed.y) > 1) return null;
  const jpeg = image.contents;
  const meta = await sharp(jpeg).metadata();
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_PIXELS || meta.space === 'cmyk') return null;
  return greyFromSharp(sharp(jpeg).rotate(page.getRotation().angle));
}

/**
 * Where `q … cm … /Im Do Q` puts its image (the unit square scaled and moved), when that is all the
 * content does and no cm turns or skews it.
 */
function imagePlacement(ops: string): { w: number; h: number; x: number; y: number } | null {
  const tokens = ops.trim().split(/\s+/);
  if (tokens.shift() !== 'q' || tokens.pop() !== 'Q' || tokens.pop() !== 'Do' || !tokens.pop()?.startsWith('/')) return null;
  const matrices: number[][] = [];
  while (tokens.length) {
    const m = tokens.splice(0, 7);
    if (m.length !== 7 || m[6] !== 'cm') return null;
    const n = m.slice(0, 6).map(Number);
    if (n.some((v) => !Number.isFinite(v)) || n[1] !== 0 || n[2] !== 0) return null;
    matrices.push(n);
  }
  // A point is mapped by the last cm first.
  let [w, h, x, y] = [1, 1, 0, 0];
  for (const [a, , , d, e, f] of matrices.reverse()) [w, h, x, y] = [a! * w, d! * h, a! * x + e!, d! * y + f!];
  return { w, h, x, y };
}

async function drawnPdf(bytes: Uint8Array): Promise<ScanPages> {
  const { getDocument } = await loadPdfJs();
  const root = dirname(resolveModule('pdfjs-dist/package.json'));
  const pdf = await getDocument({
    // pdf.js takes the buffer over; the caller keeps its own.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts') + '/').href,
    cMapUrl: pathToFileURL(join(root, 'cmaps') + '/').href,
    cMapPacked: true,
    verbosity: 0,
  }).promise;
  // pdf.js's Node canvas factory (on @napi-rs/canvas); its type is not exported.
  type Drawn = { canvas: { width: number; height: number }; context: CanvasRenderingContext2D };
  const canvases = pdf.canvasFactory as unknown as { create(width: number, height: number): Drawn; destroy(drawn: Drawn): void };
  return {
    count: pdf.numPages,
    async page(n) {
      const page = await pdf.getPage(n);
      const unit = page.getViewport({ scale: 1 });
      const scale = Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / (unit.width * unit.height)));
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const drawn = canvases.create(width, height);
      const { canvas, context } = drawn;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: context, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
      const rgba = context.getImageData(0, 0, width, height).data;
      const data = inkOf(rgba, 4);
      page.cleanup();
      canvases.destroy(drawn);
      return { width, height, data };
    },
    close: () => pdf.destroy(),
  };
}

/**
 * Whether a page is blank (the back of a sheet scanned duplex): no more than a few 8 × 8 cells
 * hold ink. Dust, JPEG noise and text showing through from the front (light grey) leave cells
 * empty; the margins, where punch holes and the scanner's edges are, are not looked at.
 */
export function isBlankPage(page: GreyImage): boolean {
  const CELL = 8;
  const x0 = Math.floor(page.width * 0.08);
  const x1 = page.width - x0;
  const y0 = Math.floor(page.height * 0.05);
  const y1 = page.height - y0;
  let inked = 0;
  for (let cy = y0; cy + CELL <= y1; cy += CELL) {
    for (let cx = x0; cx + CELL <= x1; cx += CELL) {
      let dark = 0;
      for (let y = cy; y < cy + CELL; y++) {
        const row = y * page.width;
        for (let x = cx; x < cx + CELL; x++) if (page.data[row + x]! < 140) dark++;
      }
      if (dark >= 6 && ++inked >= 20) return false;
    }
  }
  return true;
}
