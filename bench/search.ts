// `npm run bench`: search and list timings on a generated archive, beside the raw SQL on the
// same connection. Prints figures and ratios; it does not fail the build.
//   npm run bench -- --customers 100000
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, searchArchive } from '../electron/services/customers';
import { matchingRowIds, pinyinKeys } from '../electron/services/search';
import { generateArchive, pick, random } from './generate';
import { listCustomersInput } from '../shared/schemas';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const CUSTOMERS = arg('--customers', 100_000);
const QUERIES = arg('--queries', 1000);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const { dir, archive, samples, seedSeconds } = await generateArchive(CUSTOMERS);
  const { sqlite, db } = archive;
  const kinds: { label: string; make: () => string }[] = [
    { label: 'name (2 chars)', make: () => pick(samples.names.filter((n) => n.length === 2)) ?? '王芳' },
    { label: 'name (3+ chars)', make: () => pick(samples.names.filter((n) => n.length >= 3)) },
    { label: 'pinyin initials', make: () => pinyinKeys(pick(samples.names)).initials.slice(0, 3) },
    { label: 'full pinyin', make: () => pinyinKeys(pick(samples.names)).full },
    { label: 'unit number', make: () => pick(samples.units) },
    { label: '档号', make: () => pick(samples.refs) },
    { label: 'phone fragment', make: () => pick(samples.phones).slice(3, 8) },
  ];

  const rows: Record<string, string | number>[] = [];
  const perKind = Math.max(1, Math.floor(QUERIES / kinds.length));
  for (const kind of kinds) {
    const service: number[] = [];
    const list: number[] = [];
    const raw: number[] = [];
    for (let q = 0; q < perKind; q++) {
      const query = kind.make();
      let t = performance.now();
      await searchArchive(db, query, 20);
      service.push(performance.now() - t);
      t = performance.now();
      await listFiles(db, listCustomersInput.parse({ query, pageSize: 50 }));
      list.push(performance.now() - t);
      // The raw index query alone, on the same connection.
      const compiled = matchingRowIds(query)!.compile(db);
      t = performance.now();
      sqlite.prepare(`${compiled.sql} limit 20`).all(...(compiled.parameters as unknown[]));
      raw.push(performance.now() - t);
    }
    for (const a of [service, list, raw]) a.sort((x, y) => x - y);
    const p95 = percentile(service, 95);
    rows.push({
      query: kind.label,
      'search p50 ms': +percentile(service, 50).toFixed(2),
      'search p95 ms': +p95.toFixed(2),
      'search p99 ms': +percentile(service, 99).toFixed(2),
      'list page p95 ms': +percentile(list, 95).toFixed(2),
      'raw FTS p95 ms': +percentile(raw, 95).toFixed(2),
      'ratio p95': +(p95 / Math.max(0.01, percentile(raw, 95))).toFixed(1),
      'target p95≤30ms': p95 <= 30 ? 'PASS' : 'FAIL',
    });
  }

  const sorted: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await listFiles(db, listCustomersInput.parse({ sortBy: 'name', page: 1 + Math.floor(random() * 100), pageSize: 50 }));
    sorted.push(performance.now() - t);
  }
  sorted.sort((a, b) => a - b);

  console.log(`\nArchive Desk search bench: ${CUSTOMERS.toLocaleString()} customers (seeded in ${seedSeconds.toFixed(1)} s), ${perKind} queries per kind`);
  console.table(rows);
  console.log(`list page of 50 sorted by name (pinyin), random page: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`);

  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'search.json'), JSON.stringify({ customers: CUSTOMERS, seedSeconds, rows, listSortedByName: { p50: percentile(sorted, 50), p95: percentile(sorted, 95) } }, null, 2));
  await archive.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
