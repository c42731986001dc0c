// CSV as Excel, WPS and LibreOffice read it: UTF-8 with a BOM, CRLF, quoted where needed. A text
// cell that begins with = + - @, a tab or a CR would be taken for a formula (=HYPERLINK(…) runs
// when opened), so it is written with a leading apostrophe, which those programs show as text.

type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(rows: Cell[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
