import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { reportChartOption } from '../../../shared/report-chart';
import type { ReportChart } from '../../../shared/reports';

// Only the chart kinds the reports use, drawn as SVG (crisp when printed, and its text is real text).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function ReportChartView({ chart, height = 280, label }: { chart: ReportChart; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    instance.current = c;
    const resize = () => c.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      instance.current = null;
    };
  }, []);
  useEffect(() => {
    instance.current?.setOption(reportChartOption(chart), { notMerge: true });
  }, [chart]);
  return <div ref={box} role="img" aria-label={label} data-testid="report-chart" style={{ width: '100%', height }} />;
}
