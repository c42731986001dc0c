// `npm run seed -- --size small|medium|large | --customers N [--out DIR] [--seed N] [--as-of YYYY-MM-DD]
//   [--scans N] [--loans N] [--password P]`: a new archive full of realistic generated data, for
// trying the desk at scale (`npm run serve -- --archive DIR`) and for the benchmarks. It never
// writes into an existing archive.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARCHIVE_FILE } from '../db/archive-files';
import { numberArg, textArg } from '../bench/args';
import { seedAccounts, seedArchive, seedSizes } from '../bench/seed';

const size = (textArg('--size') ?? 'small') as keyof typeof seedSizes;
if (!(size in seedSizes)) {
  console.error(`--size must be one of ${Object.keys(seedSizes).join(', ')}`);
  process.exit(2);
}
const customers = numberArg('--customers') ?? seedSizes[size];
const out = resolve(textArg('--out') ?? `seeded-archive-${customers}`);
if (!Number.isInteger(customers) || customers < 1) {
  console.error('--customers must be a whole number above 0');
  process.exit(2);
}
if (existsSync(resolve(out, ARCHIVE_FILE)) || (existsSync(out) && readdirSync(out).length > 0)) {
  console.error(`${out} is not empty; the generator only writes a new archive`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
console.log(`Generating ${customers.toLocaleString()} customers into ${out} …`);
const summary = await seedArchive({
  dir: out,
  customers,
  seed: numberArg('--seed'),
  asOf: textArg('--as-of'),
  scans: numberArg('--scans'),
  loans: numberArg('--loans'),
  password: textArg('--password'),
  log: (line) => console.log(line),
});
console.log(`\nDone in ${summary.seconds.toFixed(1)} s (as of ${summary.asOf}).`);
console.table(
  Object.fromEntries(
    Object.entries(summary.counts)
      .sort()
      .map(([k, v]) => [k, { count: v }]),
  ),
);
console.log(`Sign in as ${Object.values(seedAccounts).join(' / ')} with the password ${summary.password}`);
console.log(`Recovery key: ${summary.recoveryKey}`);
console.log(`Open it: npm run serve -- --archive ${out}`);
