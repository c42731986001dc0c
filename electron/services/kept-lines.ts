import type { OcrLine } from './ocr-engine';

// How a page's lines are kept beside its text (scan_pages.lines, and the intake's pages): compact
// JSON, { t: text, b: [left, top, right, bottom], c: confidence }, in the page's pixels as read:
// the page as shown (its /Rotate applied), straightened when it lay askew by at least
// STRAIGHTENED_FROM degrees (the canvas grown to hold it), then turned when it lay upside down.

export const STRAIGHTENED_FROM = 0.3;

export function keepLines(lines: OcrLine[]): string {
  return JSON.stringify(lines.map((l) => ({ t: l.text, b: l.box, c: +l.confidence.toFixed(3) })));
}

export function readLines(json: string): { text: string; box: OcrLine['box'] }[] {
  return (JSON.parse(json) as { t: string; b: OcrLine['box'] }[]).map((l) => ({ text: l.t, box: l.b }));
}
