import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../electron/services/ocr-engine';
import { openScanPages } from '../../electron/services/page-images';
import { characterErrorRate, pageImage, scannedPdf } from '../scan-pages';

// The OCR engine on pages drawn with known text: read straight, askew as a scanner feeds them,
// upside down, and from a scanner's PDF.

const lines = ['租户基本情况记录表', '承租单位：广州华联商贸有限公司', '电梯经常停运，请物业尽快安排维修。', '联系电话：13800138000  日期：2026年11月30日'];
const truth = lines.join('\n');
let engine: OcrEngine;

beforeAll(async () => {
  engine = await OcrEngine.create();
});
afterAll(async () => {
  await engine.release();
});

describe('reading a scanned page', () => {
  it('reads printed Chinese, digits and punctuation, line by line in reading order', async () => {
    const read = await engine.read(new Uint8Array(await pageImage(lines, { width: 1200, jpeg: true })));
    expect(characterErrorRate(read.text, truth)).toBeLessThanOrEqual(0.02);
    expect(read.lines).toHaveLength(4);
    expect(read.lines[0]!.text).toBe('租户基本情况记录表');
    expect(read.turned).toBe(0);
    expect(read.confidence).toBeGreaterThan(0.9);
  });

  it('straightens a page fed 2° askew and turns one fed upside down', async () => {
    const askew = await engine.read(new Uint8Array(await pageImage(lines, { width: 1200, skew: -2 })));
    expect(askew.skew).toBeGreaterThan(1.5);
    expect(askew.skew).toBeLessThan(2.5);
    expect(characterErrorRate(askew.text, truth)).toBeLessThanOrEqual(0.02);
    const turned = await engine.read(new Uint8Array(await pageImage(lines, { width: 1200, upsideDown: true })));
    expect(turned.turned).toBe(180);
    expect(characterErrorRate(turned.text, truth)).toBeLessThanOrEqual(0.02);
  });

  it('reads the black text under a red seal, not the seal, on a colour scan (a grey scan still shows the seal)', async () => {
    const body = ['押金人民币伍万元整已退还至贵方账户。', '特此通知。', '华联物业客务部'];
    const text = body.map((l, i) => `<text x="80" y="${120 + i * 60}" font-family="Noto Sans CJK SC" font-size="32" fill="#111">${l}</text>`).join('');
    // The seal pressed over the signature line, its name in red inside the ring.
    const seal = `<g opacity="0.85" fill="#c81e1e"><circle cx="330" cy="215" r="110" fill="none" stroke="#c81e1e" stroke-width="8"/><text x="330" y="290" font-size="34" text-anchor="middle" font-family="Noto Sans CJK SC">合同专用章</text></g>`;
    const svg = `<svg width="900" height="380" xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="white"/>${text}${seal}</svg>`;
    const colour = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer();
    const read = await engine.read(new Uint8Array(colour));
    expect(read.text).not.toContain('专用章');
    expect(characterErrorRate(read.text, body.join('\n'))).toBeLessThanOrEqual(0.02);
    const grey = await sharp(colour).greyscale().jpeg({ quality: 80 }).toBuffer();
    expect((await engine.read(new Uint8Array(grey))).text).toContain('专用章');
  });

  it('reads nothing on a blank page', async () => {
    const blank = await engine.read(new Uint8Array(await pageImage([], { width: 1200 })));
    expect(blank.text).toBe('');
    expect(blank.confidence).toBe(0);
  });

  it("draws a scanner's PDF page by page at 200 dpi", async () => {
    const pdf = await scannedPdf([await pageImage(['第一页'], { width: 1200 }), await pageImage(['第二页：押金收据'], { width: 1200, jpeg: true })]);
    const pages = await openScanPages(new Uint8Array(pdf), 'application/pdf');
    try {
      expect(pages.count).toBe(2);
      const second = await pages.page(2);
      expect(second.width).toBe(1200);
      expect((await engine.read(second)).text).toBe('第二页：押金收据');
    } finally {
      await pages.close();
    }
  });
});
