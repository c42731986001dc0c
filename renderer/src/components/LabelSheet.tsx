import { toSVG } from 'bwip-js/browser';
import { useMemo } from 'react';

export interface LabelContent {
  key: string;
  title: string;
  lines: string[];
  /** Encoded in the barcodes; a 档号's "·" travels as "." in Code 128, which has no "·". */
  code: string;
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Labels with a Code 128 barcode and a QR code, several to an A4 sheet or one per label. */
export function LabelSheet({ labels, layout }: { labels: LabelContent[]; layout: 'sheet' | 'single' }) {
  const rendered = useMemo(
    () =>
      labels.map((l) => ({
        ...l,
        barcode: svgDataUrl(toSVG({ bcid: 'code128', text: l.code.replace(/·/g, '.'), height: 9, includetext: false })),
        qr: svgDataUrl(toSVG({ bcid: 'qrcode', text: l.code })),
      })),
    [labels],
  );
  return (
    <div className={`label-sheet label-sheet-${layout}`} data-testid="label-sheet">
      {rendered.map((l) => (
        <div className="label" key={l.key}>
          <div className="label-text">
            <div className="label-title">{l.title}</div>
            {l.lines.map((line) => (
              <div key={line} className="label-line">
                {line}
              </div>
            ))}
            <img className="label-barcode" src={l.barcode} alt={`Code 128 ${l.code}`} />
          </div>
          <img className="label-qr" src={l.qr} alt={`QR ${l.code}`} />
        </div>
      ))}
    </div>
  );
}
