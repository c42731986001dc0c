import type { EChartsOption } from 'echarts';
import type { ReportChart } from './reports';

// One ECharts option per report chart, used by the screen (SVG in the page) and by the print
// template (the same chart rendered to an SVG string in the main process), so both agree.

const palette = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#2f54eb', '#a0d911'];

export function reportChartOption(chart: ReportChart, options: { print?: boolean; fontFamily?: string } = {}): EChartsOption {
  const suffix = chart.unit === 'percent' ? '%' : '';
  const animation = !options.print;
  const textStyle = options.fontFamily ? { fontFamily: options.fontFamily } : undefined;
  const legend = chart.series.length > 1 ? { top: 0, type: options.print ? ('plain' as const) : ('scroll' as const) } : undefined;
  if (chart.kind === 'pie') {
    return {
      animation,
      color: palette,
      textStyle,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: { formatter: '{b}\n{c}' },
          // An empty slice has nothing to show and its label would sit on its neighbours' (the table lists it).
          data: chart.categories.map((name, i) => ({ name, value: chart.series[0]?.data[i] ?? 0, itemStyle: { color: palette[i % palette.length] } })).filter((slice) => slice.value !== 0),
        },
      ],
    };
  }
  const many = chart.categories.length > 8;
  return {
    animation,
    color: palette,
    textStyle,
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}${suffix}` },
    legend,
    grid: { left: 8, right: 16, top: legend ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { rotate: many ? 45 : 0, interval: many && chart.categories.length > 40 ? 'auto' : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${suffix}` }, minInterval: chart.unit === 'count' ? 1 : undefined },
    series: chart.series.map((s) => ({
      type: chart.kind === 'line' ? ('line' as const) : ('bar' as const),
      name: s.name,
      data: s.data,
      stack: chart.kind === 'stacked-bar' ? 'total' : undefined,
      barMaxWidth: 36,
      label: !many && chart.series.length === 1 && chart.kind === 'bar' ? { show: true, position: 'top' as const, formatter: `{c}${suffix}` } : undefined,
    })),
  };
}
