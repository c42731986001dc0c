import { readLines } from './kept-lines';
import type { OcrLine } from './ocr-engine';

// What a new document's first page suggests for its title and date: the clerk sees them filled
// in and corrects them; nothing is filed under a guess without a cover sheet or the clerk's yes.

const CJK = /[\u4e00-\u9fff]/g;
const DATE_PATTERNS = [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/];

/** The title: the tallest line of Chinese in the top third of the page (titles are set larger). */
export function suggestTitle(lines: Pick<OcrLine, 'text' | 'box'>[], pageHeight: number): string | null {
  const candidates = lines.filter((l) => {
    const chars = l.text.match(CJK)?.length ?? 0;
    return l.box[1] < pageHeight / 3 && chars >= 2 && chars >= l.text.replace(/\s/g, '').length / 2 && l.text.length <= 40;
  });
  if (!candidates.length) return null;
  const tallest = candidates.reduce((a, b) => (b.box[3] - b.box[1] > (a.box[3] - a.box[1]) * 1.15 ? b : a));
  return tallest.text.replace(/\s+/g, ' ').trim().slice(0, 200) || null;
}

/** The first real calendar date written on the page, as YYYY-MM-DD. */
export function suggestDate(text: string): string | null {
  for (const pattern of DATE_PATTERNS) {
    const global = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(global)) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (y >= 1980 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  return null;
}

/** What a page read and kept suggests: its title and its date (either may be null). */
export function suggestFromPage(page: { text: string; lines: string; height: number } | null): { title: string | null; docDate: string | null } {
  if (!page) return { title: null, docDate: null };
  return { title: suggestTitle(readLines(page.lines), page.height), docDate: suggestDate(page.text) };
}
