// `npm run bench`, reports part: the home screen and every report on the generated archive, each
// timed as the screen asks for it, first call (target: under a second).
import type { ArchiveApi } from '../shared/api';
import { reportIds } from '../shared/reports';

export async function reportBench(api: ArchiveApi): Promise<{ what: string; ms: number }[]> {
  const out: { what: string; ms: number }[] = [];
  const time = async (what: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    out.push({ what, ms: performance.now() - t });
  };
  await time('home screen (工作台) counts and lists', () => api.getDashboard());
  for (const report of reportIds) {
    await time(`report ${report}, default period`, () => api.getReport({ report }));
    await time(`report ${report}, 5 years, one building`, () => api.getReport({ report, from: '2021-01-01', building: 'B座' }));
    await time(`report ${report}, one floor, as xlsx`, () => api.exportReport({ report, building: 'C座', floor: '12' }));
  }
  return out;
}
