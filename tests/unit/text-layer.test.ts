import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, degrees } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../electron/services/ocr-engine';
import { openScanPages } from '../../electron/services/page-images';
import { withTextLayer, type PageLines } from '../../electron/services/pdf-text-layer';
import { pageImage, scannedPdf } from '../scan-pages';
import { tempDir } from './helpers';

// A scan's PDF with the text read from it as an invisible layer: found and copied in any viewer,
// where the words are on the page, on pages fed straight, askew, upside down and turned by /Rotate.

const lines = ['租户基本情况记录表', '承租单位：广州华联商贸有限公司', '电梯经常停运，请物业尽快安排维修。'];
const W = 1654;
const H = 2339;
const DPI = 200;
let engine: OcrEngine;

beforeAll(async () => {
  engine = await OcrEngine.create();
});
afterAll(async () => {
  await engine.release();
});

/** Where the first line starts (its left end, on the baseline) and which way it runs, on the page as shown, in pixels at 200 dpi. */
interface Placed {
  x: number;
  y: number;
  angle: number;
}

async function readPages(pdf: Uint8Array): Promise<PageLines[]> {
  const pages = await openScanPages(pdf, 'application/pdf');
  const out: PageLines[] = [];
  try {
    for (let i = 1; i <= pages.count; i++) {
      const read = await engine.read(await pages.page(i));
      out.push({ pageNo: i, width: read.width, height: read.height, skew: read.skew, turned: read.turned, lines: read.lines });
    }
  } finally {
    await pages.close();
  }
  return out;
}

async function layerAsShown(pdf: Uint8Array): Promise<{ text: string; first: Placed; width: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const out = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: DPI / 72 });
    const items = (await page.getTextContent()).items.filter((it) => 'str' in it && it.str.trim()) as { str: string; transform: number[]; width: number }[];
    const first = items.find((it) => it.str.startsWith('租户'))!;
    const t = pdfjs.Util.transform(viewport.transform, first.transform);
    out.push({
      text: items.map((it) => it.str).join('\n'),
      first: { x: t[4]!, y: t[5]!, angle: (Math.atan2(t[1]!, t[0]!) * 180) / Math.PI },
      // The run's advance, in the page's points, as shown.
      width: (first.width * DPI) / 72,
    });
  }
  await doc.destroy();
  return out;
}

describe("a scan's invisible text layer", () => {
  it('lays each line where it is on the page, as it runs, on a straight, an askew, an upside-down and a /Rotate page', async () => {
    const straight = await pageImage(lines, { width: W, height: H, jpeg: true });
    const askew = await pageImage(lines, { width: W, height: H, skew: -1.5, jpeg: true });
    const upsideDown = await pageImage(lines, { width: W, height: H, upsideDown: true, jpeg: true });
    // Stored sideways, shown upright by the page's /Rotate 90.
    const sideways = await sharp(straight).rotate(-90).jpeg({ quality: 80 }).toBuffer();
    const doc = await PDFDocument.load(await scannedPdf([straight, askew, upsideDown, sideways]));
    doc.getPage(3).setRotation(degrees(90));
    const scan = await doc.save();

    const laid = await withTextLayer(scan, await readPages(scan));
    expect(laid).not.toBeNull();
    // The pages themselves are what they were: the same count, sizes and rotations.
    const back = await PDFDocument.load(laid!);
    expect(back.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight()), p.getRotation().angle])).toEqual(
      doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight()), p.getRotation().angle]),
    );

    // Where the first line's baseline starts on each page, as drawn (text at x 120, baseline 150).
    const { width: aw, height: ah } = await sharp(askew).metadata();
    const turn = (-1.5 * Math.PI) / 180;
    const [dx, dy] = [120 - W / 2, 150 - H / 2];
    const expected: Placed[] = [
      { x: 120, y: 150, angle: 0 },
      { x: dx * Math.cos(turn) - dy * Math.sin(turn) + aw! / 2, y: dx * Math.sin(turn) + dy * Math.cos(turn) + ah! / 2, angle: -1.5 },
      { x: W - 120, y: H - 150, angle: 180 },
      { x: 120, y: 150, angle: 0 },
    ];
    const shown = await layerAsShown(laid!);
    for (const [i, page] of shown.entries()) {
      for (const line of lines) expect(page.text.replace(/\s+/g, '')).toContain(line.slice(0, 6));
      expect(Math.abs(page.first.x - expected[i]!.x)).toBeLessThan(10);
      expect(Math.abs(page.first.y - expected[i]!.y)).toBeLessThan(10);
      const off = Math.abs(((page.first.angle - expected[i]!.angle + 540) % 360) - 180);
      expect(off).toBeLessThan(0.5);
      // 9 characters of 30 px: the run is stretched over the line, not over the page.
      expect(page.width).toBeGreaterThan(250);
      expect(page.width).toBeLessThan(300);
    }

    // Any viewer finds the words (poppler here), and the font is in the file.
    const path = join(tempDir(), 'scan.pdf');
    writeFileSync(path, laid!);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('电梯经常停运');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/GlyphLessFont\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('leaves a scan alone when no page has text, or when its PDF cannot be read', async () => {
    const scan = await scannedPdf([await pageImage([], { width: W, height: H })]);
    expect(await withTextLayer(scan, await readPages(scan))).toBeNull();
    const someText: PageLines = { pageNo: 1, width: W, height: H, skew: 0, turned: 0, lines: [{ text: '押金收据', box: [100, 100, 300, 140] }] };
    expect(await withTextLayer(new TextEncoder().encode('%PDF-1.7 damaged'), [someText])).toBeNull();
  });
});
