// `npm run bench`, reports part: the home screen and every report on the generated archive, each
// timed as the screen asks for it (target: under a second).
import type { ArchiveApi } from '../shared/api';

export async function reportBench(api: ArchiveApi): Promise<{ what: string; ms: number }[]> {
  const out: { what: string; ms: number }[] = [];
  const time = async (what: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    out.push({ what, ms: performance.now() - t });
  };
  await time('home screen (工作台) counts and lists', () => api.getDashboard());
  return out;
}
