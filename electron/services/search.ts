import type { Kysely, RawBuilder } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { ArchiveDatabase } from '../../db/schema';
import { replaceIndexRow, shortMatch, trigramMatch } from '../../db/queries/search-index';

/**
 * The search index. Two FTS5 tables hold the same text per customer and per document:
 * - search_trigram (trigram tokenizer) answers any substring of 3+ characters: names, 档号,
 *   phone fragments, unit numbers, full pinyin and pinyin initials;
 * - search_short (unicode61) holds each Chinese character as its own token plus pinyin words, so
 *   the 1-2 character queries trigram cannot answer (张三, "zs", "12") are phrase/prefix queries.
 * Row ids: customer id * 2 for a customer, document id * 2 + 1 for a document (db/queries/search-index).
 */

const HAN = /\p{Script=Han}/u;

export { customerRowId, documentRowId } from '../../db/queries/search-index';

/** Full-width letters and digits to half-width, lower case, spaces folded. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Pinyin of the Han characters in a name: full ("zhangsan") and initials ("zs"); other characters kept. */
export function pinyinKeys(name: string): { full: string; initials: string } {
  // Saving a customer asks twice (the sort key and the search row); an import asks for thousands.
  let keys = recentPinyin.get(name);
  if (!keys) {
    if (recentPinyin.size >= 1000) recentPinyin.clear();
    keys = computePinyinKeys(name);
    recentPinyin.set(name, keys);
  }
  return { ...keys };
}
const recentPinyin = new Map<string, { full: string; initials: string }>();

function computePinyinKeys(name: string): { full: string; initials: string } {
  const chars = [...normalizeText(name)];
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', surname: 'head' }) as string[];
  let full = '';
  let initials = '';
  chars.forEach((ch, i) => {
    if (HAN.test(ch)) {
      const s = (syllables[i] ?? '').toLowerCase().replace(/ü/g, 'v');
      full += s;
      initials += s.charAt(0);
    } else if (/[a-z0-9]/.test(ch)) {
      full += ch;
      initials += ch;
    }
  });
  return { full, initials };
}

/** Text for the short index: every Han character a token of its own. */
function spacedHan(text: string): string {
  return normalizeText(text)
    .replace(/(\p{Script=Han})/gu, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface IndexedText {
  /** Names get pinyin too. */
  names: string[];
  /** Other text: 档号, units, phones, contact names, titles. */
  other: string[];
}

export function searchBodies(text: IndexedText): { trigram: string; short: string } {
  const parts = [...text.names, ...text.other].filter(Boolean).map(normalizeText);
  const pinyins = text.names.filter(Boolean).flatMap((n) => {
    const k = pinyinKeys(n);
    return [k.full, k.initials];
  });
  // Phones are also indexed without separators, so "1380013" finds "138-0013-8000".
  const digits = text.other.filter((o) => /\d[\d\s-]{5,}/.test(o)).map((o) => o.replace(/[\s-]/g, ''));
  return {
    trigram: [...parts, ...pinyins, ...digits].join(' | '),
    short: [...parts.map(spacedHan), ...pinyins, ...digits].join(' '),
  };
}

/** `fresh`: the row id is new (ids are never reused), so there is no old row to delete. */
export async function writeIndexRow(db: Kysely<ArchiveDatabase>, rowid: number, text: IndexedText | null, fresh = false): Promise<void> {
  await replaceIndexRow(db, rowid, text ? searchBodies(text) : null, fresh);
}

/**
 * The SQL for "rowids matching this query": a trigram substring search for 3+ characters,
 * otherwise a phrase (Han) or prefix (letters, digits) search on the short index.
 */
export function matchingRowIds(query: string): RawBuilder<{ id: number }> | null {
  const q = normalizeText(query)
    .replace(/[%_"*^:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!q) return null;
  if ([...q].length >= 3) return trigramMatch(q);
  const tokens = spacedHan(q).split(' ').filter(Boolean);
  const expression = HAN.test(q) ? `"${tokens.join(' ')}"` : tokens.map((t) => `"${t}"*`).join(' ');
  return shortMatch(expression);
}

// The pages' text (page_text, migration 0016). Chinese is written without spaces, so the index
// holds every pair of neighbouring characters in a run of Chinese (电梯停运 → 电梯 梯停 停运) and
// Latin words and numbers whole; a query is the same pairs as a phrase, so any two characters or
// more are found wherever they stand, and a common character alone does not read half the index.

const RUN = /[\p{L}\p{N}]+/gu;
const LATIN = /^[\p{Script=Latin}\p{N}]+$/u;

function pageTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).match(RUN) ?? []) {
    // A run like "2026年11月" splits into its Latin/number parts and its other characters.
    for (const part of run.match(/[\p{Script=Latin}\p{N}]+|[^\p{Script=Latin}\p{N}]+/gu) ?? []) {
      if (LATIN.test(part)) {
        out.push(part);
        continue;
      }
      const chars = [...part];
      if (chars.length === 1) out.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/** What page_text indexes for a page's text. */
export function pageTextBody(text: string): string {
  return pageTokens(text).join(' ');
}

/**
 * The FTS5 query over the pages' text: each word of the query (two characters or more) as a
 * phrase of its pairs, all of them required; null when there is nothing to look for.
 */
export function pageTextQuery(query: string): string | null {
  const phrases = queryTerms(query).map((term) => `"${pageTokens(term).join(' ')}"`);
  return phrases.length ? phrases.join(' AND ') : null;
}

const letters = (text: string) => [...normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '')];
const queryTerms = (query: string) =>
  normalizeText(query)
    .split(' ')
    .filter((t) => letters(t).length >= 2 && pageTokens(t).length > 0);

/**
 * A stretch of a page's text around the first match, every match in it marked: compared letter
 * by letter (full-width and case folded, spaces and punctuation skipped, as the index does).
 */
export function pageSnippet(text: string, query: string, around = 30): { text: string; hit: boolean }[] {
  const chars = [...text.replace(/\s+/g, ' ')];
  const folded: string[] = [];
  const at: number[] = [];
  chars.forEach((c, i) => {
    for (const f of c.normalize('NFKC').toLowerCase())
      if (/[\p{L}\p{N}]/u.test(f)) {
        folded.push(f);
        at.push(i);
      }
  });
  const marked = new Uint8Array(chars.length);
  let first = -1;
  for (const term of queryTerms(query).map(letters)) {
    for (let i = 0; i + term.length <= folded.length; i++) {
      if (term.every((c, k) => folded[i + k] === c)) {
        for (let k = at[i]!; k <= at[i + term.length - 1]!; k++) marked[k] = 1;
        if (first < 0 || at[i]! < first) first = at[i]!;
      }
    }
  }
  const from = Math.max(0, (first < 0 ? 0 : first) - around);
  const to = Math.min(chars.length, (first < 0 ? 0 : first) + around * 2);
  const out: { text: string; hit: boolean }[] = [];
  if (from > 0) out.push({ text: '…', hit: false });
  for (let i = from; i < to; i++) {
    const hit = marked[i] === 1;
    const last = out[out.length - 1];
    if (last && last.hit === hit && last.text !== '…') last.text += chars[i];
    else out.push({ text: chars[i]!, hit });
  }
  if (to < chars.length) out.push({ text: '…', hit: false });
  return out;
}
