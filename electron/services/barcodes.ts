import { readFileSync } from 'node:fs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { resolveModule, type GreyImage } from './ocr-engine';

// The QR codes and Code 128 barcodes on a scanned page (cover sheets, file and box labels), read
// by ZXing (zxing-wasm, its WebAssembly build loaded from node_modules: nothing is fetched).

let ready: Promise<unknown> | undefined;

function prepare(): Promise<unknown> {
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: new Uint8Array(readFileSync(resolveModule('zxing-wasm/reader/zxing_reader.wasm'))).buffer },
    fireImmediately: true,
  });
  return ready;
}

/** The codes on a page, as their text; a page with none gives none. */
export async function readPageCodes(page: GreyImage): Promise<string[]> {
  await prepare();
  const rgba = new Uint8ClampedArray(page.width * page.height * 4);
  for (let i = 0, j = 0; i < page.data.length; i++, j += 4) {
    const g = page.data[i]!;
    rgba[j] = g;
    rgba[j + 1] = g;
    rgba[j + 2] = g;
    rgba[j + 3] = 255;
  }
  const found = await readBarcodes({ width: page.width, height: page.height, data: rgba, colorSpace: 'srgb' } as ImageData, {
    formats: ['QRCode', 'Code128'],
    tryHarder: true,
    maxNumberOfSymbols: 8,
  });
  return found.filter((r) => r.isValid && r.text).map((r) => r.text);
}
