// `npm run bench`, reports part: the home screen and every report on the generated archive, each
// timed as the screen asks for it, first call (target: under a second).
import type { ArchiveApi } from '../shared/api';
import { reportIds } from '../shared/reports';

export async function reportBench(api: ArchiveApi): Promise<{ what: string; ms: number; target?: false }[]> {
  const out: { what: string; ms: number; target?: false }[] = [];
  const time = async <T>(what: string, f: () => Promise<T>, target?: false): Promise<T> => {
    const t = performance.now();
    const value = await f();
    out.push({ what, ms: performance.now() - t, target });
    return value;
  };
  // 工作台 as its screen asks (allowStale): the first answer of the session, before any count over
  // every file is read; then with them, unchanged; then just after a change, while they are read again.
  await time('home screen (工作台), first answer of the session', () => api.getDashboard({ allowStale: true }));
  // The reading behind it: visits owed and every duty over all files (what a call that waits pays).
  await time('home screen counts over every file (follow-ups, duties), read behind the answer', () => api.getDashboard(), false);
  await time('home screen (工作台) with every card, nothing changed since', () => api.getDashboard({ allowStale: true }));
  const fileId = (await api.listCustomers({ pageSize: 1 })).rows[0]!.fileId;
  await api.addDocument({ fileId, category: 'inspection', title: '巡查记录', docDate: (await api.getDashboard({ allowStale: true })).today, pages: 1, isOriginal: true });
  await time('home screen (工作台) just after a change (counts read again behind it)', () => api.getDashboard({ allowStale: true }));
  await time('home screen counts read again after the change', () => api.getDashboard(), false);
  await time('duty list behind a count (patrols late, page 20)', () => api.listDutyFiles({ duty: 'patrol', state: 'late', page: 20 }));
  await time('duty list behind a count (files incomplete, page 20)', () => api.listDutyFiles({ duty: 'completeness', state: 'late', page: 20 }));
  await time('follow-up visits behind the count (all schedules, page 20)', () => api.listFollowUps({ state: 'owing', page: 20, pageSize: 50 }));
  for (const report of reportIds) {
    await time(`report ${report}, default period`, () => api.getReport({ report }));
    await time(`report ${report}, 5 years, one building`, () => api.getReport({ report, from: '2021-01-01', building: 'B座' }));
    await time(`report ${report}, one floor, as xlsx`, () => api.exportReport({ report, building: 'C座', floor: '12' }));
  }
  return out;
}
