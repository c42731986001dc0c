import { createContext, useContext, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { dayOrEmpty, timeOrEmpty } from '../../shared/dates';

// The forms engine: every paper form is a React template rendered here to one print-ready HTML
// page set (A4, mm units). The same HTML is previewed in the app, printed by Chromium's print
// dialog and turned into a PDF by a PdfRenderer, so what is seen is what is printed.

export type Orientation = 'portrait' | 'landscape';

export interface FormHeader {
  title: string;
  /** The company's form number, e.g. qms-pm-31301, when the regulation gives one. */
  formNo: string | null;
  orientation: Orientation;
  organisation: string;
  /** A label printer's page, e.g. "96mm 52mm", instead of A4. */
  pageSize?: string;
  /** False when many forms share one print run (their pages are numbered after splitting). */
  pageNumbers?: boolean;
}

// Fonts on the machine only (never a web download): Noto CJK on Linux, the system's on Windows.
const fonts = `"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", "PingFang SC", sans-serif`;

function css(h: FormHeader): string {
  const q = (s: string) => JSON.stringify(s);
  const margins = h.pageSize
    ? []
    : [
        `@top-left { content: ${q(h.organisation)}; font: 9pt ${fonts}; color: #333; }`,
        `@top-right { content: ${q(h.formNo ?? '')}; font: 9pt ${fonts}; color: #333; }`,
        ...(h.pageNumbers === false ? [] : [`@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt ${fonts}; }`]),
      ];
  return `
@page {
  size: ${h.pageSize ?? `A4 ${h.orientation}`};
  margin: ${h.pageSize ? '2mm' : '18mm 15mm 16mm 15mm'};
  ${margins.join('\n  ')}
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font: 10.5pt/1.45 ${fonts}; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.form + .form { break-before: page; }
.form h1 { font-size: 17pt; text-align: center; letter-spacing: 0.2em; margin: 0 0 2mm; }
.form .sub { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 2mm; }
/* A border is drawn half outside its table: the table stays that much inside the printable area. */
table { width: calc(100% - 0.6mm); margin: 0 0.3mm 3mm; border-collapse: collapse; }
table.fields, table.data, table.grid { table-layout: fixed; }
table.data th, table.grid th { white-space: normal; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 1.6mm; vertical-align: middle; text-align: left; word-break: break-all; }
th { background: #f2f2f2; font-weight: 600; white-space: nowrap; }
thead { display: table-header-group; }
thead + tbody td { font-size: 9.5pt; }
tr { break-inside: avoid; }
td.blank { height: 8mm; }
td.tall { height: 24mm; vertical-align: top; }
td.num, th.num { text-align: center; width: 10mm; }
.section { font-weight: 700; background: #e8e8e8; text-align: center; }
.choice { white-space: nowrap; margin-right: 3mm; }
.sign td { height: 14mm; vertical-align: top; width: 33%; }
.sign img { height: 12mm; }
img.signed { height: 8mm; max-width: 100%; display: block; }
.note { font-size: 9pt; color: #333; }
.labels { display: grid; grid-template-columns: repeat(2, 92mm); grid-auto-rows: 52mm; gap: 3mm; }
.label { border: 0.3mm dashed #888; padding: 3mm; display: flex; gap: 3mm; overflow: hidden; break-inside: avoid; }
.label .text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.label .title { font-size: 14pt; font-weight: 700; line-height: 1.2; }
.label .line { font-size: 9pt; }
.label .bar { width: 100%; height: 12mm; margin-top: auto; }
.label .qr { width: 20mm; height: 20mm; align-self: flex-end; }
.labels.single { display: block; }
.labels.single .label { width: 92mm; height: 48mm; border: none; break-after: page; }
@media screen {
  html { background: #8c8c8c; }
  body { padding: 6mm 0; }
  .form { background: #fff; width: ${h.orientation === 'portrait' ? '210mm' : '297mm'}; min-height: ${h.orientation === 'portrait' ? '297mm' : '210mm'}; margin: 0 auto 6mm; padding: 18mm 15mm 16mm; box-shadow: 0 1mm 3mm rgba(0,0,0,.3); }
}
.cover-qr { display: block; width: 60mm; height: 60mm; margin: 10mm auto 8mm; }
.cover-code { text-align: center; font-size: 20pt; font-weight: 700; letter-spacing: 0.05em; margin: 0 0 8mm; }
.key { font: 16pt monospace; letter-spacing: 0.1em; text-align: center; padding: 6mm; border: 0.5mm solid #000; margin: 6mm 0; }
`;
}

/** One form on paper: title, the org and form number line, then its body. */
export function FormSheet({ header, children, subLeft, subRight }: { header: FormHeader; children: ReactNode; subLeft?: ReactNode; subRight?: ReactNode }) {
  return (
    <section className="form">
      <PageWidth.Provider value={printableWidth(header.orientation)}>
        <h1>{header.title}</h1>
        <div className="sub">
          <span>{subLeft ?? header.organisation}</span>
          <span>{subRight ?? (header.formNo ? `编号：${header.formNo}` : '')}</span>
        </div>
        {children}
      </PageWidth.Provider>
    </section>
  );
}

/** A whole printable document: one or many forms (many pages per call for batch PDFs). */
export function renderFormDocument(header: FormHeader, body: ReactNode): string {
  const markup = renderToStaticMarkup(<>{body}</>);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(header.title)}</title><style>${css(header)}</style></head><body>${markup}</body></html>`;
}

/** Small pages, one a stamp "第 k 页 共 n 页" in the forms' font, for forms printed many at a time. */
export function pageNumberStamps(pairs: { page: number; count: number }[]): string {
  const pages = pairs.map((p) => `<div class="stamp">第 ${p.page} 页 共 ${p.count} 页</div>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>@page { size: 40mm 6mm; margin: 0; } html, body { margin: 0; } .stamp { width: 40mm; height: 6mm; font: 9pt/6mm ${fonts}; text-align: center; break-after: page; overflow: hidden; }</style></head><body>${pages}</body></html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---------------------------------------------------------------- building blocks

/** A label, its answer, how many label/answer pairs it spans, and (for a written answer) its lines of handwriting room. */
type Cell = [label: string, value?: ReactNode, span?: number, lines?: number];

/** The height of one handwritten line, and the fewest lines a written answer gets. */
const LINE_MM = 8;
const MIN_LINES = 3;
const isLong = (cell: Cell) => (cell[3] !== undefined ? cell[3] > 0 : LONG_TEXT.test(cell[0]));

/** The printable width of the page (A4 less the side margins), for laying out write-in cells. */
const PageWidth = createContext(178.5);
// Less a millimetre for the table's outer borders, which are drawn half outside it.
const printableWidth = (o: Orientation) => (o === 'portrait' ? 178.5 : 265.5);

/** Handwriting room: a name or a number needs this much width, a line this much height. */
export const WRITE_IN_MM = 38;
/** A label's width: its characters at 10.5 pt (3.7 mm each), Latin ones half, plus the padding. */
const labelWidth = (label: string) => [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 3.75 : 2), 0) + 4.5;
/** Cells written in sentences rather than a word: a full row and several lines. */
const LONG_TEXT = /备注|说明|意见|原因|情况$/;

/**
 * Label/value grid, up to `perRow` pairs a row: fewer when the page is too narrow for every
 * value cell to keep handwriting room. Labels are as wide as their text; the value cells share
 * the rest. 备注 and the like take a whole row and several lines.
 */
export function Fields({ cells, perRow = 2 }: { cells: Cell[]; perRow?: number }) {
  const width = useContext(PageWidth);
  let layout = lay(cells, perRow);
  for (let p = perRow - 1; p >= 1 && (width - layout.labels.reduce((a, b) => a + b, 0)) / layout.perRow < WRITE_IN_MM; p--) layout = lay(cells, p);
  const { rows, labels, perRow: fit } = layout;
  const valueWidth = (width - labels.reduce((a, b) => a + b, 0)) / fit;
  return (
    <table className="fields">
      <colgroup>{labels.map((w, i) => [<col key={`l${i}`} style={{ width: `${w.toFixed(1)}mm` }} />, <col key={`v${i}`} style={{ width: `${valueWidth.toFixed(1)}mm` }} />])}</colgroup>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((cell) => {
              const [label, value, span = 1, lines] = cell;
              const empty = value === undefined || value === null || value === '';
              const long = isLong(cell);
              return [
                <th key={`${label}-h`}>{label}</th>,
                <td
                  key={`${label}-v`}
                  colSpan={span * 2 - 1}
                  className={long ? 'tall' : empty ? 'blank' : undefined}
                  style={long && lines ? { height: `${Math.max(lines, MIN_LINES) * LINE_MM}mm` } : undefined}
                >
                  {value}
                </td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function lay(cells: Cell[], perRow: number): { rows: Cell[][]; labels: number[]; perRow: number } {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let used = 0;
  for (const cell of cells) {
    const span = isLong(cell) ? perRow : Math.min(cell[2] ?? 1, perRow);
    if (used + span > perRow) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push([cell[0], cell[1], span, cell[3]]);
    used += span;
  }
  if (row.length) rows.push(row);
  // Each label column is as wide as the longest label that falls in it.
  const labels = Array.from({ length: perRow }, () => 0);
  for (const r of rows) {
    let at = 0;
    for (const [label, , span = 1] of r) {
      labels[at] = Math.max(labels[at]!, labelWidth(label));
      at += span;
    }
  }
  return { rows, labels: labels.map((w) => w || 16), perRow };
}

/** The column widths of a form's own grid (a survey), in mm; together the printable width. */
export function GridColumns({ mm }: { mm: number[] }) {
  return (
    <colgroup>
      {mm.map((w, i) => (
        <col key={i} style={{ width: `${w}mm` }} />
      ))}
    </colgroup>
  );
}

/** A printed choice: every option with a box, the chosen one ticked. */
export function Choice({ options, chosen }: { options: string[]; chosen?: string | null }) {
  return (
    <>
      {options.map((o) => (
        <span key={o} className="choice">
          {o === chosen ? '☑' : '☐'} {o}
        </span>
      ))}
    </>
  );
}

export interface Column<Row> {
  title: string;
  width?: string;
  /** Dates and numbers that must not break across lines. */
  nowrap?: boolean;
  value: (row: Row, index: number) => ReactNode;
}

/** A column is never narrower than its title on one line (a signature column, 逾期天数). */
function columnWidth(c: { title: string; width?: string }): string | undefined {
  const mm = c.width ? /^([\d.]+)mm$/.exec(c.width) : null;
  return mm ? `${Math.max(Number(mm[1]), labelWidth(c.title)).toFixed(1)}mm` : c.width;
}

/** A table whose header repeats on every page; padded with blank rows for hand filling. */
export function DataTable<Row>({ columns, rows, minRows = 0 }: { columns: Column<Row>[]; rows: Row[]; minRows?: number }) {
  const blanks = Math.max(0, minRows - rows.length);
  return (
    <table className="data">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} style={c.width ? { width: columnWidth(c) } : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.title} style={c.nowrap ? { whiteSpace: 'nowrap', wordBreak: 'normal' } : undefined}>
                {c.value(r, i)}
              </td>
            ))}
          </tr>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <tr key={`blank-${i}`}>
            {columns.map((c) => (
              <td key={c.title} className="blank" />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Signature and date boxes, a row of cells each (an image where one was signed on screen). */
export function Signatures({ rows }: { rows: (string | { label: string; image?: string | null; value?: string })[][] }) {
  return (
    <table className="sign">
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c) => {
              const cell = typeof c === 'string' ? { label: c } : c;
              return (
                <td key={cell.label}>
                  {cell.label}：{cell.value ?? ''}
                  {cell.image && <img src={cell.image} alt={cell.label} />}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A printed date: the desk's local date of a stored moment (a bare date stays as it is). */
export const ymd = dayOrEmpty;
export const ymdhm = timeOrEmpty;
