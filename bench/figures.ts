// What every part of `npm run bench` prints: a figure a line, beside its target.

export interface BenchLine {
  section: string;
  what: string;
  value: number;
  unit: string;
  target: string;
  result: 'PASS' | 'FAIL' | '—';
  [extra: string]: string | number;
}

/** The q-th percentile of the samples. */
export const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))] ?? 0;

/** Appends a figure to the lines, PASS or FAIL against its target when it has one. */
export function benchLine(lines: BenchLine[], section: string, what: string, value: number, unit: string, target?: { text: string; pass: boolean }, extra: Record<string, string | number> = {}) {
  lines.push({ section, what, value: +value.toFixed(2), unit, target: target?.text ?? '', result: target ? (target.pass ? 'PASS' : 'FAIL') : '—', ...extra });
}
