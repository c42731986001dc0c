// A TrueType font whose glyphs draw nothing: the font of a scan's invisible text layer. The text
// is never shown (render mode 3), only found and copied, so every character is one empty glyph a
// full em wide, stretched over the words it stands for. Tesseract's PDF renderer does the same; a
// real CJK font would add megabytes to every scan for glyphs no one sees.

const UNITS_PER_EM = 1000;
export const GLYPHLESS_FONT_NAME = 'GlyphLessFont';

class Writer {
  private readonly bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    this.bytes.push((v >> 8) & 0xff, v & 0xff);
    return this;
  }
  i16(v: number) {
    return this.u16(v < 0 ? v + 0x10000 : v);
  }
  u32(v: number) {
    return this.u16(Math.floor(v / 0x10000) & 0xffff).u16(v & 0xffff);
  }
  zeros(n: number) {
    for (let i = 0; i < n; i++) this.bytes.push(0);
    return this;
  }
  raw(b: Uint8Array) {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function checksum(table: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < table.length; i += 4) {
    sum = (sum + (((table[i] ?? 0) << 24) >>> 0) + ((table[i + 1] ?? 0) << 16) + ((table[i + 2] ?? 0) << 8) + (table[i + 3] ?? 0)) >>> 0;
  }
  return sum;
}

function utf16be(text: string): Uint8Array {
  const w = new Writer();
  for (const ch of text) w.u16(ch.charCodeAt(0));
  return w.done();
}

function tables(): Record<string, Uint8Array> {
  const glyphs = 2; // .notdef and the one empty glyph every character is drawn with
  const head = new Writer()
    .u32(0x00010000) // version
    .u32(0x00010000) // fontRevision
    .u32(0) // checkSumAdjustment, set once the whole font is laid out
    .u32(0x5f0f3cf5) // magicNumber
    .u16(0x000b) // flags: baseline at y=0, left sidebearing at x=0, integer scaling
    .u16(UNITS_PER_EM)
    .zeros(16) // created, modified
    .i16(0)
    .i16(0)
    .i16(UNITS_PER_EM)
    .i16(UNITS_PER_EM) // xMin yMin xMax yMax
    .u16(0) // macStyle
    .u16(8) // lowestRecPPEM
    .i16(2) // fontDirectionHint
    .i16(0) // indexToLocFormat: short offsets
    .i16(0) // glyphDataFormat
    .done();
  const hhea = new Writer()
    .u32(0x00010000)
    .i16(UNITS_PER_EM) // ascender
    .i16(0) // descender
    .i16(0) // lineGap
    .u16(UNITS_PER_EM) // advanceWidthMax
    .i16(0)
    .i16(0)
    .i16(0) // minLeftSideBearing, minRightSideBearing, xMaxExtent
    .i16(1)
    .i16(0)
    .i16(0) // caretSlopeRise, caretSlopeRun, caretOffset
    .zeros(8)
    .i16(0) // metricDataFormat
    .u16(glyphs) // numberOfHMetrics
    .done();
  const maxp = new Writer()
    .u32(0x00010000)
    .u16(glyphs)
    .zeros(8) // maxPoints, maxContours, maxCompositePoints, maxCompositeContours
    .u16(1) // maxZones
    .zeros(18)
    .done();
  const hmtx = new Writer();
  for (let g = 0; g < glyphs; g++) hmtx.u16(UNITS_PER_EM).i16(0);
  // Every glyph empty: all offsets 0 (a glyph with no outline has no bytes in glyf).
  const loca = new Writer().zeros(2 * (glyphs + 1)).done();
  const glyf = new Writer().zeros(4).done();
  // One segment, the closing 0xFFFF one: the PDF names glyphs by CID (CIDToGIDMap), not by cmap.
  const cmap = new Writer()
    .u16(0)
    .u16(1) // version, numTables
    .u16(3)
    .u16(1)
    .u32(12) // Windows, Unicode BMP, offset
    .u16(4)
    .u16(24)
    .u16(0) // format 4, length, language
    .u16(2)
    .u16(2)
    .u16(0)
    .u16(0) // segCountX2, searchRange, entrySelector, rangeShift
    .u16(0xffff)
    .u16(0) // endCode, reservedPad
    .u16(0xffff) // startCode
    .i16(1) // idDelta
    .u16(0) // idRangeOffset
    .done();
  const names: [number, string][] = [
    [1, GLYPHLESS_FONT_NAME],
    [2, 'Regular'],
    [4, GLYPHLESS_FONT_NAME],
    [6, GLYPHLESS_FONT_NAME],
  ];
  const strings = names.map(([, s]) => utf16be(s));
  const name = new Writer()
    .u16(0)
    .u16(names.length)
    .u16(6 + 12 * names.length);
  let offset = 0;
  names.forEach(([id], i) => {
    name.u16(3).u16(1).u16(0x409).u16(id).u16(strings[i]!.length).u16(offset);
    offset += strings[i]!.length;
  });
  for (const s of strings) name.raw(s);
  const post = new Writer()
    .u32(0x00030000) // version 3: no glyph names
    .u32(0) // italicAngle
    .i16(-100)
    .i16(50) // underlinePosition, underlineThickness
    .u32(1) // isFixedPitch
    .zeros(16)
    .done();
  return { cmap, glyf, head, hhea, hmtx: hmtx.done(), loca, maxp, name: name.done(), post };
}

/** The font's bytes (an sfnt, as a PDF's FontFile2 holds it). */
export function glyphlessFont(): Uint8Array {
  const all = tables();
  const tags = Object.keys(all).sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const directory = new Writer()
    .u32(0x00010000)
    .u16(count)
    .u16(power * 16)
    .u16(Math.log2(power))
    .u16(count * 16 - power * 16);
  let offset = 12 + 16 * count;
  const body = new Writer();
  let headOffset = 0;
  for (const tag of tags) {
    const table = all[tag]!;
    for (const ch of tag) directory.u8(ch.charCodeAt(0));
    directory.u32(checksum(table)).u32(offset).u32(table.length);
    if (tag === 'head') headOffset = offset;
    const padded = Math.ceil(table.length / 4) * 4;
    body.raw(table).zeros(padded - table.length);
    offset += padded;
  }
  const font = new Uint8Array([...directory.done(), ...body.done()]);
  // checkSumAdjustment: what makes the whole font sum to 0xB1B0AFBA.
  const adjustment = (0xb1b0afba - checksum(font)) >>> 0;
  new DataView(font.buffer).setUint32(headOffset + 8, adjustment);
  return font;
}
