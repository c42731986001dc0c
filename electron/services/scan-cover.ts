// What a cover sheet's QR code says (扫描封面): the file by its 档号, the category, and, when the
// sheet was printed for one document, that document; or the new document's title and date. The
// code is ASCII (percent-encoded), so any reader reads the Chinese title back the same.

const PREFIX = 'ADC1?';

/** A blank cover sheet's code: the pages after it are one document, to be placed by the clerk. */
export const BLANK_COVER_CODE = `${PREFIX}blank=1`;

export interface CoverFields {
  refNo: string;
  category: string;
  /** The sheet was printed for this document: the pages become a new scan of it. */
  documentId?: number;
  title?: string;
  docDate?: string;
  /** The paper in the file is the original (for a new document). */
  isOriginal: boolean;
}

export function coverCode(c: CoverFields): string {
  const params = new URLSearchParams({ f: c.refNo, c: c.category, o: c.isOriginal ? '1' : '0' });
  if (c.documentId) params.set('d', String(c.documentId));
  if (c.title) params.set('t', c.title);
  if (c.docDate) params.set('dt', c.docDate);
  return PREFIX + params.toString();
}

/** The fields of a cover sheet's code, or null for any other code (a file label, a courier's barcode). */
export function parseCoverCode(code: string): CoverFields | null {
  if (!code.startsWith(PREFIX) || code === BLANK_COVER_CODE) return null;
  const params = new URLSearchParams(code.slice(PREFIX.length));
  const refNo = params.get('f')?.trim();
  const category = params.get('c')?.trim();
  if (!refNo || !category) return null;
  const documentId = Number(params.get('d'));
  const title = params.get('t')?.trim().slice(0, 200);
  const docDate = params.get('dt') ?? '';
  return {
    refNo,
    category,
    documentId: Number.isSafeInteger(documentId) && documentId > 0 ? documentId : undefined,
    title: title || undefined,
    docDate: /^\d{4}-\d{2}-\d{2}$/.test(docDate) ? docDate : undefined,
    isOriginal: params.get('o') !== '0',
  };
}
