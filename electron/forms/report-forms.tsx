import * as echarts from 'echarts';
import type { Report } from '../../shared/reports';
import { reportChartOption } from '../../shared/report-chart';
import { FormSheet, ymdhm, type FormHeader } from './engine';

// A report on A4: its period and place, the headline figures, then each section's chart (ECharts
// rendered to SVG here, no browser needed) above its table.

const printFonts = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The chart as an SVG string, sized for the A4 text width (180 mm ≈ 680 px). */
export function chartSvg(chart: NonNullable<Report['sections'][number]['chart']>, width = 680, height = 260): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(reportChartOption(chart, { print: true, fontFamily: printFonts }));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export function ReportSheet({ header, data }: { header: FormHeader; data: { report: Report; filters: string } | null }) {
  if (!data) return <FormSheet header={header}>{null}</FormSheet>;
  const { report, filters } = data;
  return (
    <FormSheet header={header} subLeft={filters} subRight={`生成：${ymdhm(report.generatedAt)}`}>
      <table>
        <tbody>
          <tr>
            {report.figures.map((f) => (
              <td key={f.label}>
                <div className="note">{f.label}</div>
                <div style={{ fontSize: '14pt', fontWeight: 700 }}>{f.value}</div>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {report.sections.map((s) => (
        <div key={s.id} className="report-section">
          <h2 style={{ fontSize: '12pt', margin: '4mm 0 1.5mm', breakAfter: 'avoid' }}>{s.title}</h2>
          {s.note ? <div className="note">{s.note}</div> : null}
          {s.chart ? <div className="chart" style={{ breakInside: 'avoid' }} dangerouslySetInnerHTML={{ __html: chartSvg(s.chart) }} /> : null}
          <table className="data">
            <thead>
              <tr>
                {s.table.columns.map((c) => (
                  <th key={c.key}>{c.title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...s.table.rows, ...(s.table.total ? [s.table.total] : [])].map((r, i) => (
                <tr key={i} style={s.table.total && i === s.table.rows.length ? { fontWeight: 700 } : undefined}>
                  {s.table.columns.map((c) => (
                    <td key={c.key} style={c.numeric ? { textAlign: 'right' } : undefined}>
                      {r[c.key] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </FormSheet>
  );
}
