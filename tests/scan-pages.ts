import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

// Scanned pages for the tests and the bench: lines of Chinese drawn as a grey page (librsvg with
// the system's Noto CJK fonts), as a desk scanner's page would be, optionally askew or upside down.

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function pageImage(lines: string[], options: { width?: number; height?: number; size?: number; skew?: number; upsideDown?: boolean; jpeg?: boolean } = {}): Promise<Buffer> {
  const width = options.width ?? 1654;
  const height = options.height ?? Math.max(400, 200 + lines.length * (options.size ?? 30) * 1.8);
  const size = options.size ?? 30;
  const text = lines.map((l, i) => `<text x="120" y="${150 + i * size * 1.7}" font-family="Noto Sans CJK SC" font-size="${size}">${escape(l)}</text>`).join('');
  const svg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  let image = sharp(await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).greyscale().png().toBuffer());
  if (options.skew) image = sharp(await image.rotate(options.skew, { background: '#ffffff' }).png().toBuffer());
  if (options.upsideDown) image = sharp(await image.rotate(180).png().toBuffer());
  return options.jpeg ? image.jpeg({ quality: 75 }).toBuffer() : image.png().toBuffer();
}

/** A PDF of page images, one a page, at 200 dpi (as a scanner's PDF is). */
export async function scannedPdf(pages: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const bytes of pages) {
    const jpeg = bytes[0] === 0xff;
    const image = jpeg ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
    const page = doc.addPage([(image.width * 72) / 200, (image.height * 72) / 200]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return Buffer.from(await doc.save());
}

/** Levenshtein distance over characters (code points). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length]!;
}

/** The character error rate of what was read against the truth, spaces and line breaks left out. */
export function characterErrorRate(read: string, truth: string): number {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return editDistance(squeeze(read), squeeze(truth)) / Math.max(1, [...squeeze(truth)].length);
}

/** A sheet with a QR code (a cover sheet's or a label's) and a few lines, as scanned: optionally askew, as JPEG. */
export async function codePage(code: string, lines: string[], options: { skew?: number; jpeg?: boolean; upsideDown?: boolean } = {}): Promise<Buffer> {
  const { toBuffer } = await import('bwip-js/node');
  const qr = await toBuffer({ bcid: 'qrcode', text: code, scale: 5 });
  const page = await pageImage(lines, { width: 1654, height: 2339 });
  let image = sharp(
    await sharp(page)
      .composite([{ input: qr, left: 1200, top: 120 }])
      .png()
      .toBuffer(),
  );
  if (options.skew) image = sharp(await image.rotate(options.skew, { background: '#ffffff' }).png().toBuffer());
  if (options.upsideDown) image = sharp(await image.rotate(180).png().toBuffer());
  return options.jpeg ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}

/** A blank page as a duplex scanner gives the back of a sheet: grey noise, specks of dust, the front's text showing through faintly. */
export async function blankPage(): Promise<Buffer> {
  const width = 1654;
  const height = 2339;
  const data = Buffer.alloc(width * height);
  let seed = 7;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 236 + (seed % 20);
  }
  for (let k = 0; k < 12; k++) {
    const x = 200 + ((k * 397) % 1200);
    const y = 200 + ((k * 911) % 1900);
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) data[(y + dy) * width + x + dx] = 60;
  }
  const through = await sharp(await pageImage(['正面文字透过纸背隐约可见的一行字'], { width, height, size: 34 }))
    .flop()
    .linear(0.15, 255 * 0.85)
    .extractChannel(0)
    .raw()
    .toBuffer();
  for (let i = 0; i < data.length; i++) data[i] = Math.min(data[i]!, through[i]!);
  return sharp(data, { raw: { width, height, channels: 1 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A TIFF of grey pages, all of the first page's size (as some scanners save a stack). */
export async function scannedTiff(pages: Buffer[]): Promise<Buffer> {
  const { width, height } = await sharp(pages[0]!).metadata();
  const frames = await Promise.all(pages.map((p) => sharp(p).greyscale().resize(width, height, { fit: 'contain', background: '#fff' }).extractChannel(0).raw().toBuffer()));
  const raw = frames.map((f) => sharp(f, { raw: { width: width!, height: height!, channels: 1 } }).png());
  const images = await Promise.all(raw.map((r) => r.toBuffer()));
  return sharp(images, { join: { animated: true } })
    .tiff({ compression: 'lzw' })
    .toBuffer();
}
