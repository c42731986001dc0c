import { createPortal } from 'react-dom';

/**
 * A list for paper, put straight under <body> while it is on screen: printing shows it alone
 * (print.css), a plain table of A4 width with the columns' share of it, and room to sign in the
 * columns left empty.
 */
export function PrintList({ title, subtitle, columns, rows }: { title: string; subtitle?: string; columns: { title: string; share: number }[]; rows: string[][] }) {
  const total = columns.reduce((n, c) => n + c.share, 0);
  return createPortal(
    <div className="print-list" aria-hidden>
      <h1>{title}</h1>
      {subtitle && <p>{subtitle}</p>}
      <table>
        <colgroup>
          {columns.map((c) => (
            <col key={c.title} style={{ width: `${(c.share / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c, j) => (
                <td key={c.title}>{r[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
